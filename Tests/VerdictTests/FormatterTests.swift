import Foundation
import TestSupport
import Testing

@testable import Verdict

/// What every formatting must keep: the output parses to the same statements and comments as the
/// input (source ranges aside), formatting it again changes nothing, and it has no trailing spaces.
enum FormatCheck {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = repository.appendingPathComponent("Tests/VerdictTests/Fixtures/fmt")

  /// The formatted text, or a description of the first problem found.
  static func format(_ text: String, name: String = "<test>") -> Result<String, FormatProblem> {
    let source = SourceFile(name: name, text: text)
    let original = Parser.parse(source)
    guard case .success(let formatted) = PolicyFormatter.format(source) else {
      return .failure(
        FormatProblem("\(name): not formatted:\n\(DiagnosticRenderer().render(original.diagnostics, in: source))"))
    }
    let reparsed = Parser.parse(SourceFile(name: name, text: formatted))
    if reparsed.diagnostics.containsErrors {
      return .failure(FormatProblem("\(name): the output does not parse:\n\(formatted)"))
    }
    if stripped(reparsed.syntax.statements) != stripped(original.syntax.statements) {
      return .failure(FormatProblem("\(name): the output means something else:\n\(formatted)"))
    }
    if commentTexts(reparsed.syntax) != commentTexts(original.syntax) {
      return .failure(FormatProblem("\(name): comments lost or reordered:\n\(formatted)"))
    }
    guard case .success(let again) = PolicyFormatter.format(SourceFile(name: name, text: formatted)), again == formatted
    else {
      return .failure(FormatProblem("\(name): formatting twice changes the text:\n\(formatted)"))
    }
    let lines = formatted.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.contains(where: { $0.hasSuffix(" ") || $0.hasSuffix("\t") }) {
      return .failure(FormatProblem("\(name): a line ends with white space:\n\(formatted)"))
    }
    if !formatted.isEmpty, !formatted.hasSuffix("\n") || formatted.hasSuffix("\n\n") {
      return .failure(FormatProblem("\(name): the text does not end with exactly one newline"))
    }
    return .success(formatted)
  }

  static func commentTexts(_ syntax: PolicySyntax) -> [String] {
    syntax.comments.map { String($0.text.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
  }

  // MARK: - Comparing syntax without source ranges

  static let nowhere = SourceRange.at(0)

  static func stripped(_ statements: [Statement]) -> [Statement] {
    statements.map { statement in
      let kind: Statement.Kind
      switch statement.kind {
      case .field(var field):
        field.name = stripped(field.name)
        field.type = stripped(field.type)
        field.unit = field.unit.map(stripped)
        field.format = field.format.map { QuotedText(text: $0.text, range: nowhere) }
        field.column = field.column.map { QuotedText(text: $0.text, range: nowhere) }
        kind = .field(field)
      case .let(var declaration):
        declaration.name = stripped(declaration.name)
        declaration.value = stripped(declaration.value)
        kind = .let(declaration)
      case .rule(var rule):
        rule.nameRange = rule.nameRange.map { _ in nowhere }
        rule.condition = stripped(rule.condition)
        rule.action = stripped(rule.action)
        kind = .rule(rule)
      case .verdicts(let names): kind = .verdicts(names.map(stripped))
      case .otherwise(let action): kind = .otherwise(stripped(action))
      case .strategy(let name): kind = .strategy(stripped(name))
      case .example(var example):
        example.nameRange = nowhere
        example.values = example.values.map { value in
          // Trailing commas are layout, not meaning.
          let records = value.records.map { records in
            records.map { record in
              ExampleRecord(
                values: record.values.map { ExampleValue(field: stripped($0.field), value: stripped($0.value)) },
                range: nowhere)
            }
          }
          return ExampleValue(field: stripped(value.field), value: stripped(value.value), records: records)
        }
        example.expectation = stripped(example.expectation)
        // A trailing comma is layout, not meaning.
        example.hasTrailingComma = false
        kind = .example(example)
      case .table(var table):
        table.name = stripped(table.name)
        table.key = QuotedText(text: table.key.text, range: nowhere)
        table.members = stripped(table.members)
        kind = .table(table)
      case .data(let file): kind = .data(QuotedText(text: file.text, range: nowhere))
      }
      return Statement(kind: kind, range: nowhere)
    }
  }

  static func stripped(_ identifier: Identifier) -> Identifier {
    Identifier(name: identifier.name, range: nowhere)
  }

  static func stripped(_ action: Action) -> Action {
    Action(
      verdict: stripped(action.verdict),
      clauses: action.clauses.map { clause in
        let kind: Clause.Kind
        switch clause.kind {
        case .notice(let value): kind = .notice(stripped(value))
        case .reason(let value): kind = .reason(stripped(value))
        case .refer(let value): kind = .refer(stripped(value))
        case .cooldown(let value): kind = .cooldown(stripped(value))
        case .holdUntilPaid, .meet: kind = clause.kind
        }
        return Clause(kind: kind, range: nowhere)
      })
  }

  static func stripped(_ expr: Expr) -> Expr {
    let kind: Expr.Kind
    switch expr.kind {
    case .literal, .name: kind = expr.kind
    case .unary(let op, let operand): kind = .unary(op, stripped(operand))
    case .binary(let op, let left, let right): kind = .binary(op, stripped(left), stripped(right))
    case .isMissing(let operand, let negated): kind = .isMissing(stripped(operand), negated: negated)
    case .call(let name, _, let arguments):
      kind = .call(name: name, nameRange: nowhere, arguments: arguments.map(stripped))
    case .list(let elements): kind = .list(elements.map(stripped))
    case .parenthesized(let inner): kind = .parenthesized(stripped(inner))
    case .aggregate(var aggregate):
      aggregate.function = stripped(aggregate.function)
      aggregate.table = stripped(aggregate.table)
      aggregate.column = aggregate.column.map(stripped)
      aggregate.filter = aggregate.filter.map(stripped)
      kind = .aggregate(aggregate)
    }
    return Expr(kind, range: nowhere)
  }
}

/// Why a formatting failed a check.
struct FormatProblem: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

struct FormatterTests {
  // MARK: - Golden files

  static var fixtureNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: FormatCheck.fixtures.path)) ?? []
    return names.filter { $0.hasSuffix(".input.verdict") }.map { String($0.dropLast(".input.verdict".count)) }.sorted()
  }

  /// The policy's own texts keep the spaces they were written with: a narrow no-break space
  /// before `!` (French) stays one, where a message quoting a data cell shows it as `\u{202F}`.
  @Test func invisibleSpacesInTextsAreKept() throws {
    let text = "field x: number\nwhen x > 1 then recommend fire reason \"Payez\u{202F}!\u{A0}Merci\"\n"
    let formatted = try FormatCheck.format(text).get()
    #expect(formatted.contains("\"Payez\u{202F}!\u{A0}Merci\""), "\(formatted)")
    #expect(Value.quote("12,50\u{A0}") == "\"12,50\\u{A0}\"")
  }

  @Test func thereAreGoldenFiles() {
    #expect(Self.fixtureNames.count >= 3)
  }

  @Test(arguments: fixtureNames) func goldenFile(_ name: String) throws {
    let input = try String(
      contentsOf: FormatCheck.fixtures.appendingPathComponent("\(name).input.verdict"), encoding: .utf8)
    let expected = try String(
      contentsOf: FormatCheck.fixtures.appendingPathComponent("\(name).expected.verdict"), encoding: .utf8)
    let formatted = try FormatCheck.format(input, name: "\(name).input.verdict").get()
    #expect(formatted == expected, "\(name): got\n\(formatted)")
    #expect(try FormatCheck.format(expected, name: "\(name).expected.verdict").get() == expected)
  }

  // MARK: - The repository's policies

  /// Every `.verdict` file under `rules/`, `docs/`, `grammar/` and `Tests/` with no syntax errors.
  @Test func repositoryPolicyFilesAreStable() throws {
    var checked = 0
    for folder in ["rules", "docs", "grammar", "Tests"] {
      for file in GrammarExamplesTests.files(under: folder, extension: "verdict") {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        guard !Parser.parse(SourceFile(name: file.path, text: text)).diagnostics.containsErrors else { continue }
        if case .failure(let problem) = FormatCheck.format(text, name: GrammarExamplesTests.relativePath(file)) {
          Issue.record(problem)
        }
        checked += 1
      }
    }
    #expect(checked >= 10)
  }

  /// Every fenced `verdict` block in `docs/*.md` and `README.md` that parses.
  @Test func documentationExamplesAreStable() throws {
    var checked = 0
    for example in try GrammarExamplesTests.markdownExamples() {
      guard !Parser.parse(SourceFile(name: example.path, text: example.text)).diagnostics.containsErrors else {
        continue
      }
      if case .failure(let problem) = FormatCheck.format(example.text, name: "\(example.path):\(example.line)") {
        Issue.record(problem)
      }
      checked += 1
    }
    #expect(checked >= 10)
  }

  /// docs/fmt.md: each `verdict-unformatted` block formats to the `verdict` block after it.
  @Test func formatGuideExamples() throws {
    let text = try String(contentsOf: FormatCheck.repository.appendingPathComponent("docs/fmt.md"), encoding: .utf8)
    var blocks: [(tag: String, text: String)] = []
    var open: (tag: String, lines: [Substring])?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if let block = open {
          blocks.append((block.tag, block.lines.map { $0 + "\n" }.joined()))
          open = nil
        } else {
          open = (String(line.dropFirst(3)), [])
        }
      } else {
        open?.lines.append(line)
      }
    }
    var pairs = 0
    for (index, block) in blocks.enumerated() where block.tag == "verdict-unformatted" {
      guard index + 1 < blocks.count, blocks[index + 1].tag == "verdict" else {
        Issue.record("docs/fmt.md: a verdict-unformatted block without a verdict block after it")
        continue
      }
      #expect(try FormatCheck.format(block.text, name: "docs/fmt.md").get() == blocks[index + 1].text)
      pairs += 1
    }
    #expect(pairs >= 2)
  }

  // MARK: - Particular cases

  @Test func oneLineRuleStaysOnOneLine() throws {
    let rule = "when payment_delay > 30d and revisions > 5 then recommend fire notice 30d\n"
    #expect(try FormatCheck.format(rule).get() == rule)
    #expect(
      try FormatCheck.format("when payment_delay>30d and\n   revisions > 5\nthen recommend fire notice 30d").get()
        == rule)
  }

  @Test func longUnnamedRuleIsBroken() throws {
    let condition = (1...12).map { "field_number_\($0) > 3" }.joined(separator: " and ")
    let formatted = try FormatCheck.format("when \(condition) then recommend fire").get()
    #expect(formatted == "when \(condition)\n  then recommend fire\n")
  }

  @Test func emptyAndCommentOnlyPolicies() throws {
    #expect(try FormatCheck.format("").get() == "")
    #expect(try FormatCheck.format("\n\n  \n").get() == "")
    #expect(
      try FormatCheck.format("\n# only a comment   \n\n\n# and another\n\n").get()
        == "# only a comment\n\n# and another\n")
  }

  @Test func dataLineStandsApartFromTheExamples() throws {
    let formatted = try FormatCheck.format(
      "data   \"rules/clients.csv\"\nexample \"x\" {} expect keep\nexample \"y\" {} expect keep"
    ).get()
    #expect(formatted == "data \"rules/clients.csv\"\n\nexample \"x\" {} expect keep\nexample \"y\" {} expect keep\n")
  }

  @Test func crlfAndByteOrderMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("field x: number  # x\r\n\r\n\r\nlet y = x+1\r\n".utf8)
    let source = SourceFile(name: "crlf", bytes: bytes)
    #expect(try PolicyFormatter.format(source).get() == "field x: number  # x\n\nlet y = x + 1\n")
  }

  @Test func textsAreEscapedCanonically() throws {
    let formatted = try FormatCheck.format("let t = \"caf\\u{E9} \\u{1F600}\ttab\nline \\\\ \\\" \u{7}\"").get()
    #expect(formatted == "let t = \"café 😀\\ttab\\nline \\\\ \\\" \\u{7}\"\n")
  }

  @Test func moneyKeepsItsSpellingWithOneSpace() throws {
    #expect(
      try FormatCheck.format("let m = 1200    EUR+€500+500€+1_000.50 USD").get()
        == "let m = 1200 EUR + €500 + 500€ + 1_000.50 USD\n")
  }

  @Test func syntaxErrorsAreNotFormatted() {
    let result = PolicyFormatter.format(SourceFile(name: "bad", text: "when x > then recommend fire\n"))
    guard case .failure(let error) = result else {
      Issue.record("a policy with a syntax error was formatted")
      return
    }
    #expect(error.diagnostics.containsErrors)
    #expect(PolicyFormatter.needsFormatting(SourceFile(name: "bad", text: "let = 3")) == nil)
  }

  @Test func typeErrorsAreFormatted() throws {
    #expect(
      try FormatCheck.format("when x>3d and x>3 then recommend fire").get()
        == "when x > 3d and x > 3 then recommend fire\n")
  }

  // MARK: - Diffs

  @Test func unifiedDiff() {
    let diff = LineDiff.unified(from: "a\nb\nc\nd\n", to: "a\nB\nc\nd\ne\n", oldName: "old", newName: "new")
    #expect(diff == "--- old\n+++ new\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n")
    #expect(LineDiff.unified(from: "same\n", to: "same\n", oldName: "o", newName: "n").isEmpty)
    let far = LineDiff.unified(
      from: (1...20).map { "\($0)\n" }.joined(), to: (1...20).map { $0 == 2 || $0 == 19 ? "x\n" : "\($0)\n" }.joined(),
      oldName: "o", newName: "n")
    #expect(far.components(separatedBy: "@@ -").count == 3, "two separate hunks:\n\(far)")
    #expect(far.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n"))
  }

  /// Lines end at LF, CR LF or a lone CR on both sides, so a Windows or old Mac policy's diff
  /// shows its real changes line by line, then what happens to its line ends; a diff of line
  /// ends alone, or of a missing last newline, is not empty (`--check` calls the file changed).
  @Test func unifiedDiffOfOtherLineEnds() {
    let windows = LineDiff.unified(from: "a\r\nb\r\nc\r\n", to: "a\nB\nc\n", oldName: "o", newName: "n")
    #expect(
      windows == "note: line ends: a carriage return and line feed becomes a line feed\n"
        + "--- o\n+++ n\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    #expect(
      LineDiff.unified(from: "a\rb\r", to: "a\nb\n", oldName: "o", newName: "n")
        == "note: line ends: a carriage return becomes a line feed\n--- o\n+++ n\n")
    #expect(
      LineDiff.unified(from: "a\nb", to: "a\nb\n", oldName: "o", newName: "n")
        == "note: a line break is added at the end of the file\n--- o\n+++ n\n")
  }
}

/// `verdict fmt` run as a process: exit codes, rewriting, `--check`, `--diff` and standard input.
struct FormatterCommandTests {
  /// `verdict fmt arguments` with `input` on standard input. The test target depends on the
  /// `verdict` target, so a missing binary fails the test instead of skipping it.
  static func run(_ arguments: [String], input: String = "") throws -> VerdictBinary.Result {
    try VerdictBinary.run(
      ["fmt"] + arguments, stdin: Data(input.utf8), in: FileManager.default.temporaryDirectory)
  }

  @Test func checkDiffRewriteAndStandardInput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-fmt-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tidy = folder.appendingPathComponent("tidy.verdict").path
    let messy = folder.appendingPathComponent("messy.verdict").path
    let broken = folder.appendingPathComponent("broken.verdict").path
    try "when x > 3 then recommend fire\n".write(toFile: tidy, atomically: false, encoding: .utf8)
    try "when x>3 then recommend fire".write(toFile: messy, atomically: false, encoding: .utf8)
    try "when x > then recommend fire\n".write(toFile: broken, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy)

    #expect(try Self.run(["--check", tidy]).status == 0)
    let check = try Self.run(["--check", tidy, messy])
    #expect(check.status == 1)
    #expect(check.stdout == "\(messy)\n")
    let diff = try Self.run(["--diff", messy])
    #expect(diff.status == 1)
    #expect(diff.stdout.contains("-when x>3 then recommend fire\n+when x > 3 then recommend fire\n"))
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == "when x>3 then recommend fire")

    let bad = try Self.run([tidy, broken, messy])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("broken.verdict"))
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == "when x > 3 then recommend fire\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: messy)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    #expect(try Self.run(["--check", tidy, messy]).status == 0)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.contains("fmt-") || $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)

    let piped = try Self.run(["-"], input: "let a=1\nlet b=2")
    #expect(piped.status == 0)
    #expect(piped.stdout == "let a = 1\nlet b = 2\n")
    #expect(try Self.run(["--check", "-"], input: "let a=1").status == 1)
  }
}
