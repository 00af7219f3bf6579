import Foundation
import Verdict
import XCTest

/// The example policies in `rules/`: each compiles without errors or warnings, and gives the
/// verdicts its `<policy>.expect.csv` says for the sample clients in it.
///
/// An expect file has the columns `client,today,expect`:
/// - `client`: the client's data as `field=value; field=value`, each value written as in a data
///   file (`45`, `1200.50`, `2026-11-28`, `yes`); a field left out, or written `field=`, is missing.
/// - `today`: the date `today` means for that row.
/// - `expect`: the verdict, then the clauses of the winning action: `notice 30d`, `cooldown 3d`,
///   `hold until paid`, `meet by phone`, and the bare words `reason` and `refer` when the action
///   gives a reason or a referral. Every clause the outcome has must be listed, in any order.
///
/// For a policy that uses `share`, `rank` or `percentile`, the population is every row of its
/// expect file.
///
/// Each policy also has a `<policy>_test.verdict` of `example` statements; they must all pass, as
/// `verdict test rules/ --data rules/clients.csv` runs them, and make every rule win.
final class RulesTests: XCTestCase {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let rulesFolder = repository.appendingPathComponent("rules")

  /// The policy files in `rules/`, by file name; not their `_test.verdict` files.
  static func policyFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: rulesFolder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "verdict" && !isTestFile($0) }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  /// Whether `url` is a test file, `firing_test.verdict`, rather than a policy.
  static func isTestFile(_ url: URL) -> Bool { url.lastPathComponent.hasSuffix("_test.verdict") }

  /// `rules/firing_test.verdict` for `rules/firing.verdict`.
  static func testFile(of policy: URL) -> URL {
    policy.deletingLastPathComponent()
      .appendingPathComponent(policy.deletingPathExtension().lastPathComponent + "_test.verdict")
  }

  /// `rules/firing.verdict`, for messages.
  static func shown(_ url: URL) -> String { "rules/\(url.lastPathComponent)" }

  static func compile(_ url: URL) throws -> (policy: Policy?, diagnostics: [Diagnostic], source: SourceFile) {
    let source = SourceFile(name: shown(url), bytes: Array(try Data(contentsOf: url)))
    let (policy, diagnostics) = Policy.compile(source)
    return (policy, diagnostics, source)
  }

  func testTheRequiredPoliciesExist() throws {
    let names = Set(try Self.policyFiles().map(\.lastPathComponent))
    for required in [
      "slow-payers.verdict", "endless-revisions.verdict", "after-hours.verdict", "pareto-time-sink.verdict",
      "disrespect.verdict", "owed-money.verdict", "firing.verdict",
    ] {
      XCTAssertTrue(names.contains(required), "rules/\(required) is missing")
    }
  }

  func testEveryPolicyCompilesWithoutErrorsOrWarnings() throws {
    let files = try Self.policyFiles()
    XCTAssertFalse(files.isEmpty, "no policies in rules/")
    for file in files {
      let (_, diagnostics, source) = try Self.compile(file)
      XCTAssertTrue(
        diagnostics.isEmpty,
        "\(Self.shown(file)) has diagnostics:\n" + DiagnosticRenderer().render(diagnostics, in: source))
    }
  }

  func testEveryPolicyGivesTheExpectedVerdicts() throws {
    for file in try Self.policyFiles() {
      let expectURL = file.deletingPathExtension().appendingPathExtension("expect.csv")
      let expectName = "rules/\(expectURL.lastPathComponent)"
      guard FileManager.default.fileExists(atPath: expectURL.path) else {
        XCTFail("\(Self.shown(file)) has no \(expectName)")
        continue
      }
      guard let policy = try Self.compile(file).policy else { continue }  // reported by the test above
      try checkExpectations(of: policy, in: expectURL, named: expectName)
    }
  }

  /// The bundled sample data reads without errors under `rules/firing.verdict` and every client
  /// in it gets a verdict.
  func testTheSampleClientsFitTheFiringPolicy() throws {
    let url = Self.rulesFolder.appendingPathComponent("clients.csv")
    let name = "rules/clients.csv"
    guard let policy = try Self.compile(Self.rulesFolder.appendingPathComponent("firing.verdict")).policy else {
      return XCTFail("rules/firing.verdict does not compile")
    }
    let rows = try CSV.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard let header = rows.first?.fields else { return XCTFail("\(name) is empty") }
    XCTAssertEqual(Array(header.prefix(2)), ["id", "name"], "\(name):1: the first columns are id and name")
    XCTAssertEqual(
      Set(header.dropFirst(2)), Set(policy.fields.map(\.name)),
      "\(name):1: the columns after id and name are the policy's fields")
    XCTAssertEqual(Set(header).count, header.count, "\(name):1: a column is repeated")
    XCTAssertGreaterThanOrEqual(rows.count - 1, 10, "\(name) should hold about a dozen clients")

    var clients: [(line: Int, client: Client)] = []
    var ids = Set<String>()
    var emptyCells = 0
    for row in rows.dropFirst() {
      guard row.fields.count == header.count else {
        XCTFail("\(name):\(row.line): \(row.fields.count) cells, the header has \(header.count)")
        continue
      }
      XCTAssertTrue(ids.insert(row.fields[0]).inserted, "\(name):\(row.line): id \(row.fields[0]) is used twice")
      var values = [Value](repeating: .missing, count: policy.fields.count)
      for (column, cell) in zip(header, row.fields) {
        guard let slot = policy.slot(ofField: column) else { continue }
        if cell.isEmpty { emptyCells += 1 }
        switch CellReader().read(cell, for: policy.fields[slot]) {
        case .success(let value): values[slot] = value
        case .failure(let error): XCTFail("\(name):\(row.line): \(column): \(error.message)")
        }
      }
      clients.append((row.line, Client(values: values)))
    }
    XCTAssertGreaterThan(emptyCells, 0, "\(name) should show a few empty (missing) cells")

    var builder = PopulationBuilder(for: policy)
    for (_, client) in clients { builder.add(client) }
    let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!, population: builder.build())
    var verdicts = Set<String>()
    for (line, client) in clients {
      do {
        verdicts.insert(try policy.evaluate(client, in: context).verdict)
      } catch {
        XCTFail("\(name):\(line): evaluation failed: \(error)")
      }
    }
    XCTAssertGreaterThanOrEqual(verdicts.count, 4, "\(name) should show most verdicts, not only \(verdicts.sorted())")
  }

  // MARK: - Examples

  /// The days the examples run on: today, as `verdict test` does by default, and two fixed days
  /// around a month's and a leap year's end, since the examples must not depend on the date.
  static let exampleDays = [
    CalendarDate.today(), CalendarDate(year: 2027, month: 12, day: 31)!, CalendarDate(year: 2028, month: 2, day: 29)!,
  ]

  /// Every policy has a `<policy>_test.verdict` of at least five examples. Its examples and those
  /// in the policy pass, with `share`, `rank` and `percentile` measured against the clients of
  /// `rules/clients.csv` as `verdict test rules/ --data rules/clients.csv` measures them, and
  /// together they make every rule win and reach `otherwise`.
  func testEveryPolicyPassesItsExamples() throws {
    let sample = try Self.sampleClients()
    for file in try Self.policyFiles() {
      let testURL = Self.testFile(of: file)
      let testName = Self.shown(testURL)
      guard FileManager.default.fileExists(atPath: testURL.path) else {
        XCTFail("\(Self.shown(file)) has no \(testName)")
        continue
      }
      guard let policy = try Self.compile(file).policy else { continue }  // reported by the test above
      let testSource = SourceFile(name: testName, bytes: Array(try Data(contentsOf: testURL)))
      let (found, diagnostics) = policy.examples(in: testSource)
      XCTAssertTrue(
        diagnostics.isEmpty, "\(testName) has diagnostics:\n" + DiagnosticRenderer().render(diagnostics, in: testSource)
      )
      XCTAssertGreaterThanOrEqual(found.count, 5, "\(testName) should hold at least five examples")
      let examples = policy.examples + found
      let population = Self.population(for: policy, from: sample)

      for today in Self.exampleDays {
        let results = examples.map { policy.run($0, in: EvaluationContext(today: today), population: population) }
        for result in results where !result.passed {
          XCTFail(Self.describe(result, of: policy, today: today))
        }
        let coverage = ExampleCoverage(results, ruleCount: policy.rules.count)
        for index in policy.rules.indices where coverage.won[index] == 0 {
          XCTFail(
            "\(testName): no example is decided by \(policy.rules[index].title(index: index)) "
              + "(it matches in \(coverage.matched[index])) on \(today)")
        }
        XCTAssertGreaterThan(coverage.otherwise, 0, "\(testName): no example falls through to otherwise on \(today)")
      }
    }
  }

  /// `rules/firing_test.verdict:12: "late and picky" on 2027-12-31: expected fire notice 30d, got
  /// talk from rule 8 "slow payer"`, then each mismatch.
  static func describe(_ result: ExampleResult, of policy: Policy, today: CalendarDate) -> String {
    let example = result.example
    let head = "\(example.source.name):\(example.line): \"\(example.name)\" on \(today): expected \(result.expected)"
    if let failure = result.failure { return head + ", but it could not run: \(failure.diagnostic.message)" }
    guard let evaluation = result.evaluation else { return head }
    let rule = evaluation.winningRule.map { policy.rules[$0].title(index: $0) } ?? "otherwise"
    return ([head + ", got \(evaluation.verdict) from \(rule)"] + result.mismatches.map(\.description)).joined(
      separator: "\n  ")
  }

  /// The header and records of `rules/clients.csv`, as text cells.
  static func sampleClients() throws -> (header: [String], rows: [CSV.Row]) {
    let url = rulesFolder.appendingPathComponent("clients.csv")
    let rows = try CSV.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard let header = rows.first?.fields else { throw ExpectError("rules/clients.csv is empty") }
    return (header, Array(rows.dropFirst()))
  }

  /// The population `verdict test --data rules/clients.csv` measures a policy's examples against
  /// (see `ClientBook.population(for:)`): every record of the sample clients read as a client of
  /// the policy, each field from the first column of its name (a field with no column is
  /// missing). Like the CLI, it leaves out a record with the wrong number of cells or a cell its
  /// field cannot read. `nil` when the policy uses no `share`, `rank` or `percentile`.
  static func population(for policy: Policy, from sample: (header: [String], rows: [CSV.Row])) -> Population? {
    var builder = PopulationBuilder(for: policy)
    guard builder.isNeeded else { return nil }
    for row in sample.rows where row.fields.count == sample.header.count {
      var values = [Value](repeating: .missing, count: policy.fields.count)
      var readable = true
      for (slot, field) in policy.fields.enumerated() {
        guard let column = sample.header.firstIndex(of: field.name) else { continue }
        switch CellReader().read(row.fields[column], for: field) {
        case .success(let value): values[slot] = value
        case .failure: readable = false
        }
      }
      if readable { builder.add(Client(values: values)) }
    }
    return builder.build()
  }

  // MARK: - Expect files

  private func checkExpectations(of policy: Policy, in url: URL, named name: String) throws {
    let rows = try CSV.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard let header = rows.first else { return XCTFail("\(name) is empty") }
    XCTAssertEqual(
      header.fields, ["client", "today", "expect"], "\(name):\(header.line): the columns are client,today,expect")
    guard header.fields == ["client", "today", "expect"] else { return }

    // Read every row first: the population is all of them.
    var cases: [(line: Int, row: [String], client: Client, today: CalendarDate, expected: Outcome)] = []
    for row in rows.dropFirst() {
      let location = "\(name):\(row.line)"
      guard row.fields.count == 3 else {
        XCTFail("\(location): \(row.fields.count) cells, not 3")
        continue
      }
      do {
        let client = try Self.client(row.fields[0], for: policy)
        guard
          case .date(let today) = try CellReader().read(row.fields[1], for: FieldInfo(name: "today", type: .date)).get()
        else {
          throw ExpectError("today is empty")
        }
        let expected = try Outcome(parsing: row.fields[2], verdicts: policy.verdicts)
        cases.append((row.line, row.fields, client, today, expected))
      } catch {
        XCTFail("\(location): \(error)")
      }
    }
    XCTAssertGreaterThanOrEqual(cases.count, 5, "\(name) should hold at least five sample clients")

    var builder = PopulationBuilder(for: policy)
    for entry in cases { builder.add(entry.client) }
    let population = builder.isNeeded ? builder.build() : nil

    var winners = Set<Int?>()
    for entry in cases {
      let location = "\(name):\(entry.line)"
      let evaluation: Evaluation
      do {
        evaluation = try policy.evaluate(
          entry.client, in: EvaluationContext(today: entry.today, population: population))
      } catch {
        XCTFail("\(location): evaluation failed: \(error.message) (client \(entry.row[0]))")
        continue
      }
      winners.insert(evaluation.winningRule)
      let actual = Outcome(evaluation)
      if actual != entry.expected {
        let rule =
          evaluation.winningRule.map { policy.rules[$0].name.map { "rule \"\($0)\"" } ?? "an unnamed rule" }
          ?? "otherwise"
        XCTFail("\(location): expected '\(entry.expected)', got '\(actual)' from \(rule) (client \(entry.row[0]))")
      }
    }
    // Every rule, and the fallback, should be shown at work by some sample client.
    for (index, rule) in policy.rules.enumerated() where !winners.contains(index) {
      XCTFail("\(name): no sample client is decided by rule \(rule.name.map { "\"\($0)\"" } ?? "#\(index + 1)")")
    }
    XCTAssertTrue(winners.contains(nil), "\(name): no sample client falls through to otherwise")
  }

  /// A client from `field=value; field=value`, each value read as a data cell of its field.
  static func client(_ text: String, for policy: Policy) throws -> Client {
    var values = [Value](repeating: .missing, count: policy.fields.count)
    var seen = Set<String>()
    for assignment in text.split(separator: ";") {
      guard let equals = assignment.firstIndex(of: "=") else { throw ExpectError("'\(assignment)' is not field=value") }
      let field = assignment[..<equals].trimmingCharacters(in: .whitespaces)
      let cell = String(assignment[assignment.index(after: equals)...])
      guard let slot = policy.slot(ofField: field) else {
        throw ExpectError(
          "the policy has no field '\(field)' (its fields: \(policy.fields.map(\.name).joined(separator: ", ")))")
      }
      guard seen.insert(field).inserted else { throw ExpectError("'\(field)' is given twice") }
      switch CellReader().read(cell, for: policy.fields[slot]) {
      case .success(let value): values[slot] = value
      case .failure(let error): throw ExpectError("\(field): \(error.message)")
      }
    }
    return Client(values: values)
  }
}

extension RulesTests {
  /// A verdict with the clauses of the action that decided it.
  struct Outcome: Equatable, CustomStringConvertible {
    var verdict: String
    var notice: TimeSpan?
    var cooldown: TimeSpan?
    var holdUntilPaid = false
    var meet: MeetingMode?
    var reason = false
    var refer = false

    init(_ evaluation: Evaluation) {
      verdict = evaluation.verdict
      notice = evaluation.clauses.notice
      cooldown = evaluation.clauses.cooldown
      holdUntilPaid = evaluation.clauses.holdUntilPaid
      meet = evaluation.clauses.meet
      reason = evaluation.clauses.reason != nil
      refer = evaluation.clauses.refer != nil
    }

    /// Reads `fire notice 30d cooldown 3d hold until paid meet by phone reason refer`.
    init(parsing text: String, verdicts: [String]) throws {
      var words = text.split(whereSeparator: \.isWhitespace).map(String.init)[...]
      guard let verdict = words.popFirst() else { throw ExpectError("expect is empty") }
      guard verdicts.contains(verdict) else {
        throw ExpectError("'\(verdict)' is not a verdict of the policy (\(verdicts.joined(separator: ", ")))")
      }
      self.verdict = verdict
      var seen = Set<String>()
      func duration(after word: String) throws -> TimeSpan {
        guard let text = words.popFirst(),
          case .duration(let span) = try? CellReader().read(text, for: FieldInfo(name: word, type: .duration)).get()
        else { throw ExpectError("'\(word)' needs a duration such as 30d") }
        return span
      }
      while let word = words.popFirst() {
        guard seen.insert(word).inserted else { throw ExpectError("'\(word)' is given twice") }
        switch word {
        case "notice": notice = try duration(after: word)
        case "cooldown": cooldown = try duration(after: word)
        case "reason": reason = true
        case "refer": refer = true
        case "hold":
          guard words.popFirst() == "until", words.popFirst() == "paid" else {
            throw ExpectError("write 'hold until paid'")
          }
          holdUntilPaid = true
        case "meet":
          let mode = [words.popFirst(), words.popFirst()].compactMap { $0 }.joined(separator: " ")
          guard let meeting = MeetingMode(rawValue: mode) else {
            throw ExpectError("write 'meet in person', 'meet by phone' or 'meet by video'")
          }
          meet = meeting
        default:
          throw ExpectError("unknown word '\(word)' in expect (notice, cooldown, hold until paid, meet, reason, refer)")
        }
      }
    }

    /// The outcome written the way an expect cell writes it.
    var description: String {
      var words = [verdict]
      if let notice { words.append("notice \(Self.days(notice))") }
      if let cooldown { words.append("cooldown \(Self.days(cooldown))") }
      if holdUntilPaid { words.append("hold until paid") }
      if let meet { words.append("meet \(meet.rawValue)") }
      if reason { words.append("reason") }
      if refer { words.append("refer") }
      return words.joined(separator: " ")
    }

    /// `63d` rather than `9w`: expect cells count notice in days.
    static func days(_ span: TimeSpan) -> String {
      span.seconds % 86_400 == 0 ? "\(span.seconds / 86_400)d" : span.description
    }
  }

  /// A problem in an expect row.
  struct ExpectError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// A small RFC 4180 reader: comma-separated cells, double-quoted cells with `""` for a quote,
  /// CRLF or LF line ends; blank lines are skipped.
  enum CSV {
    struct Row {
      /// The line the record starts on, counting from 1.
      var line: Int
      var fields: [String]
    }

    struct Malformed: Error, CustomStringConvertible {
      var line: Int
      var description: String { "malformed CSV: unterminated quoted cell starting on line \(line)" }
    }

    static func parse(_ text: String) throws -> [Row] {
      var rows: [Row] = []
      var fields: [String] = []
      var field = ""
      var line = 1
      var rowLine = 1
      var quoted = false
      var quoteLine = 0
      var characters = Array(text.unicodeScalars)[...]
      if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }

      func endRow() {
        fields.append(field)
        field = ""
        if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
        fields = []
      }

      while let character = characters.popFirst() {
        if quoted {
          if character == "\"" {
            if characters.first == "\"" {
              characters.removeFirst()
              field.unicodeScalars.append("\"")
            } else {
              quoted = false
            }
          } else {
            if character == "\n" { line += 1 }
            field.unicodeScalars.append(character)
          }
          continue
        }
        switch character {
        case "\"" where field.isEmpty:
          quoted = true
          quoteLine = line
        case ",":
          fields.append(field)
          field = ""
        case "\r" where characters.first == "\n":
          break
        case "\n":
          endRow()
          line += 1
          rowLine = line
        default:
          field.unicodeScalars.append(character)
        }
      }
      if quoted { throw Malformed(line: quoteLine) }
      if !field.isEmpty || !fields.isEmpty { endRow() }
      return rows
    }
  }
}
