/// Checks `example` statements against a checked program: the fields they set exist and their
/// values fit, the expected verdict exists, the expected clauses have the right types. Their
/// values are computed once here, to report mistakes early, with a fixed date for `today`
/// (``ExampleConstants/referenceDate``): types do not depend on the date, and compiling a policy
/// must not depend on the clock. They are computed again, with the real `today`, when the
/// example runs.
struct ExampleChecker {
  let program: Program
  let source: SourceFile
  /// The text of the policy `program` was compiled from, which each example keeps
  /// (``PolicyExample/policyText``).
  let policyText: [UInt8]
  private(set) var diagnostics: [Diagnostic] = []
  /// How many mistakes of each code were found, reported in full or not.
  private var counts: [String: Int] = [:]
  /// How many mistakes were found in all: an example with one is not run, shown or not.
  private var found = 0
  /// The examples named so far: for each name, the note that points at the first.
  private var names: [String: Diagnostic.Note] = [:]
  /// The slot of each of the policy's fields and of each table's fields, and each table's and
  /// verdict's index, by name (the first of a name, should the checked program have two).
  private let fieldSlots: [String: Int]
  private let tableFieldSlots: [[String: Int]]
  private let tableIndexes: [String: Int]
  private let verdictIndexes: [String: Int]
  /// The policy's fields and tables, ready for the hint of a name that is neither (made at the
  /// first such name).
  private var knownNames: Suggestion.Vocabulary?
  /// What is left of the check's "did you mean" work (``Suggestion/Budget``).
  private let suggestions: Suggestion.Budget

  /// A checker of examples against `program`, compiled from `policyText`, in `source`; its hints
  /// are paid from `suggestions`, the budget of the policy's check when the examples are the
  /// policy's own.
  init(
    program: Program, policyText: [UInt8], source: SourceFile, suggestions: Suggestion.Budget = Suggestion.Budget()
  ) {
    self.program = program
    self.policyText = policyText
    self.source = source
    self.suggestions = suggestions
    fieldSlots = Checker.firstIndexes(of: program.fields.map(\.name))
    tableFieldSlots = program.tables.map { Checker.firstIndexes(of: $0.program.fields.map(\.name)) }
    tableIndexes = Checker.firstIndexes(of: program.tables.map(\.name))
    verdictIndexes = Checker.firstIndexes(of: program.verdicts)
  }

  /// Takes the names of the examples in `statements`, of another file (the policy of a test
  /// file), as taken: a later example with one of them is a duplicate. A note cannot point into
  /// another file, so it says the file and the line.
  mutating func reserveNames(of statements: [Statement], in file: SourceFile) {
    for statement in statements {
      guard case .example(let declaration) = statement.kind, names[declaration.name] == nil else { continue }
      let line = file.location(of: declaration.nameRange.start).line
      names[declaration.name] = .init("the first is in \(file.name), line \(line)")
    }
  }

  /// The examples among `statements`; with `onlyExamples` (a `_test.verdict` file), any other
  /// statement is an error.
  mutating func check(_ statements: [Statement], onlyExamples: Bool) -> [PolicyExample] {
    var examples: [PolicyExample] = []
    var data: QuotedText?
    for statement in statements {
      switch statement.kind {
      case .example(let declaration):
        if let example = check(declaration, at: statement.range) { examples.append(example) }
      case .data(let file):
        if let first = data {
          report(
            .error(
              "duplicate-data", "this file already names its data", at: statement.range,
              hint: "the examples of one file are measured against one data file",
              notes: [.init("the first is here", at: first.range)]))
        } else if file.text.isEmpty {
          report(.error("empty-data", "the data file has no name", at: file.range))
        } else {
          data = file
        }
      case .field, .let, .rule, .verdicts, .otherwise, .strategy, .table:
        if onlyExamples {
          report(
            .error(
              "test-file-statement", "a test file holds only examples", at: statement.range,
              hint: "put fields, lets and rules in the policy the test file is named after"))
        }
      }
    }
    if let data {
      for index in examples.indices { examples[index].data = data.text }
    }
    return examples
  }

  private mutating func check(_ declaration: ExampleDeclaration, at range: SourceRange) -> PolicyExample? {
    let foundBefore = found
    if let first = names[declaration.name] {
      report(
        .mistake(
          .duplicateExample, "there is already an example named \"\(declaration.name)\"",
          at: declaration.nameRange, notes: [first]))
    } else {
      names[declaration.name] = .init("the first is here", at: declaration.nameRange)
    }
    var values: [(slot: Int, value: Expr)] = []
    var records: [(table: Int, records: [[(slot: Int, value: Expr)]])] = []
    var given: [String: SourceRange] = [:]
    let constants = ExampleConstants(today: ExampleConstants.referenceDate)
    for entry in declaration.values {
      let name = entry.field.name
      if let first = given[name] {
        report(
          .mistake(
            .duplicateValue, "'\(name)' is given twice in this example", at: entry.field.range,
            notes: [.init("the first is here", at: first)]))
        continue
      }
      given[name] = entry.field.range
      if let table = tableIndexes[name] {
        records.append((table, checkRecords(entry, of: table, constants)))
        continue
      }
      if entry.records != nil {
        report(
          .mistake(
            .records, "the policy has no table '\(name)'", at: entry.field.range,
            hint: (shows(.records)
              ? Suggestion.closest(to: name, among: program.tables.map(\.name), within: suggestions) : nil)
              .map { "did you mean '\($0)'?" }
              ?? "records are given for the policy's tables: table \(name) keyed by COLUMN"))
        continue
      }
      guard let slot = fieldSlots[name] else {
        if knownNames == nil {
          knownNames = Suggestion.Vocabulary(program.fields.map(\.name) + program.tables.map(\.name))
        }
        let known = knownNames?.names ?? []
        let near = shows(.field) ? knownNames?.closest(to: name, within: suggestions) : nil
        let hint =
          near.map { "did you mean '\($0)'?" }
          ?? (known.isEmpty ? "the policy reads no fields" : "its fields and tables are \(Suggestion.listing(known))")
        report(
          .mistake(.field, "the policy has no field '\(name)'", at: entry.field.range, hint: hint))
        continue
      }
      if case .failure(let diagnostic) = ExampleValues.read(entry.value, for: program.fields[slot], constants) {
        report(diagnostic)
      }
      values.append((slot, entry.value))
    }
    let expectation = declaration.expectation
    let verdict = verdictIndexes[expectation.verdict.name]
    if verdict == nil {
      let near =
        shows(.unknownVerdict)
        ? Suggestion.closest(to: expectation.verdict.name, among: program.verdicts, within: suggestions) : nil
      let hint = near.map { "did you mean '\($0)'?" } ?? "the verdicts are \(Suggestion.listing(program.verdicts))"
      report(
        .mistake(
          .unknownVerdict, "unknown verdict '\(expectation.verdict.name)'", at: expectation.verdict.range, hint: hint)
      )
    }
    var keywords: [String: SourceRange] = [:]
    for clause in expectation.clauses {
      if let first = keywords[clause.keyword] {
        report(
          .mistake(
            .duplicateClause, "'\(clause.keyword)' is given twice in one expectation", at: clause.range,
            notes: [.init("the first is here", at: first)]))
      }
      keywords[clause.keyword] = clause.range
      if case .failure(let diagnostic) = ExampleValues.expected(clause, constants) { report(diagnostic) }
    }
    guard found == foundBefore, let verdict else { return nil }
    var example = PolicyExample(
      name: declaration.name, source: source, range: range, values: values, verdict: verdict,
      clauses: expectation.clauses)
    example.records = records
    example.policyText = policyText
    return example
  }

  /// The records an example gives for `table`, each value checked against the table's fields:
  /// `invoices: [{ amount: 800 USD }]`, or `invoices: []` for none.
  private mutating func checkRecords(_ entry: ExampleValue, of tableIndex: Int, _ constants: ExampleConstants)
    -> [[(slot: Int, value: Expr)]]
  {
    let table = program.tables[tableIndex]
    guard let written = entry.records else {
      if case .list(let elements) = entry.value.kind, elements.isEmpty { return [] }
      report(
        .mistake(
          .records, "'\(table.name)' is a table: give its records, not a value", at: entry.value.range,
          hint: "write: \(table.name): [{ field: value, … }, { … }], or \(table.name): [] for none"))
      return []
    }
    let fields = table.program.fields
    var records: [[(slot: Int, value: Expr)]] = []
    for record in written {
      var values: [(slot: Int, value: Expr)] = []
      var given: Set<String> = []
      for value in record.values {
        let name = value.field.name
        guard given.insert(name).inserted else {
          report(
            .mistake(.duplicateValue, "'\(name)' is given twice in this record", at: value.field.range))
          continue
        }
        guard let slot = tableFieldSlots[tableIndex][name] else {
          // Past the mistakes of the kind shown, the hint is not worth its search.
          var hint: String?
          if shows(.field) {
            let names = fields.map(\.name)
            hint =
              Suggestion.closest(to: name, among: names, within: suggestions).map { "did you mean '\($0)'?" }
              ?? "its fields are \(Suggestion.listing(names))"
          }
          report(
            .mistake(
              .field, "table '\(table.name)' has no field '\(name)'", at: value.field.range, hint: hint))
          continue
        }
        if case .failure(let diagnostic) = ExampleValues.read(value.value, for: fields[slot], constants) {
          report(diagnostic)
        }
        values.append((slot, value.value))
      }
      records.append(values)
    }
    return records
  }

  /// Whether a mistake of `code` found now is shown: only then is its hint worth working out.
  private func shows(_ code: ExampleMistake) -> Bool {
    counts[code.rawValue, default: 0] < Checker.maximumErrorsOfAKind
  }

  /// Records a mistake; after ``Checker/maximumErrorsOfAKind`` of one code (as for the rules'
  /// errors) the rest are only counted.
  private mutating func report(_ diagnostic: Diagnostic) {
    found += 1
    let count = counts[diagnostic.code, default: 0] + 1
    counts[diagnostic.code] = count
    if count <= Checker.maximumErrorsOfAKind {
      diagnostics.append(diagnostic)
    } else if count == Checker.maximumErrorsOfAKind + 1 {
      diagnostics.append(diagnostic.leftOut(as: "mistakes"))
    }
  }
}
