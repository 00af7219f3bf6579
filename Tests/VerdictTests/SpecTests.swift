import Foundation
import Testing

@testable import Verdict

/// The language conformance suite: runs every row of every CSV file in `Tests/Spec/`.
/// `Tests/Spec/README.md` describes the row format; this file is one runner of it.
struct SpecTests {
  static let minimumCases = 300
  static let columns = ["name", "kind", "input", "client", "today", "expect"]
  /// The header of a file whose cases give records of the policy's tables.
  static let columnsWithRecords = ["name", "kind", "input", "client", "records", "today", "expect"]

  @Test func conformanceSuite() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Spec")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
      .sorted()
    var count = 0
    var seen: [String: String] = [:]
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let records: [SpecCSV.Record]
      do throws(SpecCSV.Failure) { records = try SpecCSV.parse(text) } catch {
        Issue.record(Comment(rawValue: "\(file):\(error.line): \(error.message)"))
        continue
      }
      guard let header = records.first?.fields, [Self.columns, Self.columnsWithRecords].contains(header) else {
        Issue.record(
          Comment(
            rawValue: "\(file): the header must be \(Self.columns.joined(separator: ",")) "
              + "or \(Self.columnsWithRecords.joined(separator: ","))"))
        continue
      }
      for record in records.dropFirst() {
        let place = "\(file):\(record.line)"
        guard let spec = SpecCase(record.fields, header: header) else {
          Issue.record(
            Comment(
              rawValue:
                "\(place): a row needs \(header.count) fields and a kind of expr, policy or value: \(record.fields)"))
          continue
        }
        count += 1
        let key = [spec.kind, spec.input, spec.client, spec.records, spec.today].joined(separator: "\u{1F}")
        if let first = seen[key] { Issue.record(Comment(rawValue: "\(place): the same case as \(first)")) }
        seen[key] = place
        let actual = SpecRunner.run(spec)
        if actual != spec.expect {
          Issue.record(
            Comment(
              rawValue: """
                \(place) \(spec.name) [\(spec.kind)]
                  input:    \(spec.input.replacingOccurrences(of: "\n", with: "\n            "))
                  client:   \(spec.client)
                  records:  \(spec.records.replacingOccurrences(of: "\n", with: "\n            "))
                  today:    \(spec.today)
                  expected: \(spec.expect)
                  actual:   \(actual)
                """))
        }
      }
    }
    #expect(count >= Self.minimumCases, "only \(count) spec cases in \(folder.path)")
  }
}

/// One row of the suite.
struct SpecCase {
  var name, kind, input, client, today, expect: String
  /// The records of the policy's tables; empty in a file without the `records` column.
  var records = ""

  init?(_ fields: [String], header: [String]) {
    guard fields.count == header.count, ["expr", "policy", "value"].contains(fields[1]) else { return nil }
    let cell = Dictionary(uniqueKeysWithValues: zip(header, fields))
    (name, kind, input, client) = (fields[0], fields[1], fields[2], fields[3])
    (records, today, expect) = (cell["records"] ?? "", cell["today"] ?? "", cell["expect"] ?? "")
  }
}

/// Runs a case and renders what happened in the suite's notation, to compare with `expect`.
enum SpecRunner {
  static let defaultToday = CalendarDate(year: 2026, month: 1, day: 15)

  static func run(_ spec: SpecCase) -> String {
    let isExpression = spec.kind == "expr"
    let probe = "when result is present then recommend keep"
    let text =
      switch spec.kind {
      case "expr": "let result =\n\(spec.input)\n\(probe)"
      case "value": "\(spec.input)\n\(probe)"
      default: spec.input
      }
    let source = SourceFile(name: spec.name, text: text)
    let lineShift = isExpression ? 1 : 0
    let (compiled, diagnostics) = Policy.compile(source)
    guard let policy = compiled else {
      let errors = diagnostics.filter { $0.severity == .error }
      guard let first = errors.min(by: { $0.range.start < $1.range.start }) else { return "no policy and no error" }
      return "error \(first.code) at \(position(first.range, in: source, lineShift))"
    }
    let records: [[String: String]]
    do throws(ClientSyntax.Failure) { records = try ClientSyntax.parse(spec.client) } catch {
      return "bad client column: \(error.message)"
    }
    var clients: [Client] = []
    for record in records {
      do throws(ClientError) {
        clients.append(try policy.client(record.mapValues { Value.text($0) }, options: .absentIsMissing))
      } catch {
        return "client-error \(error.description)"
      }
    }
    guard let today = spec.today.isEmpty ? defaultToday : date(spec.today) else { return "bad today column" }
    var context = EvaluationContext(today: today)
    do {
      let lines = try RecordsSyntax.parse(spec.records)
      clients = try SpecRecords.fold(lines, into: clients, of: policy, in: context) {
        position($0, in: source, lineShift)
      }
    } catch let error as ClientSyntax.Failure {
      return "bad records column: \(error.message)"
    } catch let failure as SpecRecords.Failure {
      return failure.outcome
    } catch {
      return "records: \(error)"
    }
    if !policy.populationNeeds.isEmpty {
      var builder = PopulationBuilder(for: policy)
      for client in clients { builder.add(client) }
      context.population = builder.build()
    }
    let client = clients.first ?? Client(values: [])
    let trace = policy.trace(client, in: context)
    if let disagreement = PathAgreement.check(policy, client, context, against: trace.outcome, clients: clients) {
      return "evaluation paths disagree: \(disagreement)"
    }
    switch trace.outcome {
    case .failure(let error):
      return "evaluation-error at \(position(error.range, in: source, lineShift)): \(error.message)"
    case .success(let evaluation):
      guard spec.kind != "policy" else {
        return render(evaluation, of: policy, in: source, sections: sectionKeys(spec.expect))
      }
      guard let node = policy.program.lets.first(where: { $0.name == "result" })?.value.id else { return "no result" }
      return (trace.values[.init(node)] ?? .missing).description
    }
  }

  /// `LINE:COL`; for an expression case, line 1 is the expression's first line.
  static func position(_ range: SourceRange, in source: SourceFile, _ lineShift: Int) -> String {
    let location = source.location(of: range.start)
    return "\(location.line - lineShift):\(location.column)"
  }

  static func date(_ text: String) -> CalendarDate? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
  }

  /// The verdict with its clauses, then the sections the expectation asks about.
  static func render(_ evaluation: Evaluation, of policy: Policy, in source: SourceFile, sections: [String]) -> String {
    var outcome = evaluation.verdict
    let clauses = evaluation.clauses
    if let notice = clauses.notice { outcome += " notice \(notice)" }
    if let reason = clauses.reason { outcome += " reason \(Value.text(reason))" }
    if let refer = clauses.refer { outcome += " refer \(Value.text(refer))" }
    if let cooldown = clauses.cooldown { outcome += " cooldown \(cooldown)" }
    if clauses.holdUntilPaid { outcome += " hold until paid" }
    if let meet = clauses.meet { outcome += " meet \(meet.rawValue)" }
    var rendered = [outcome]
    for key in sections {
      switch key {
      case "rule": rendered.append("rule " + (evaluation.winningRule.map { String($0 + 1) } ?? "none"))
      case "matched": rendered.append("matched " + numbers(evaluation.matchedRules))
      case "unknown": rendered.append("unknown " + numbers(evaluation.unknownRules))
      case "warnings":
        let warnings = policy.warnings.sorted { $0.range.start < $1.range.start }
          .map { "\($0.code) at \(position($0.range, in: source, 0))" }
        rendered.append("warnings " + (warnings.isEmpty ? "none" : warnings.joined(separator: ", ")))
      default: rendered.append("no section '\(key)'")
      }
    }
    return rendered.joined(separator: " | ")
  }

  static func numbers(_ rules: RuleSet) -> String {
    rules.isEmpty ? "none" : rules.map { String($0 + 1) }.joined(separator: " ")
  }

  /// The first word of each ` | ` section after the outcome (bars inside quoted text do not count).
  static func sectionKeys(_ expect: String) -> [String] {
    var sections: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    for scalar in expect.unicodeScalars {
      if escaped {
        escaped = false
      } else if scalar == "\\" {
        escaped = quoted
      } else if scalar == "\"" {
        quoted.toggle()
      } else if scalar == "|", !quoted {
        sections.append(current)
        current = ""
        continue
      }
      current.unicodeScalars.append(scalar)
    }
    sections.append(current)
    return sections.dropFirst().map { String($0.split(separator: " ").first ?? "") }
  }
}

/// RFC 4180 CSV: fields separated by commas, records by LF (or CRLF), fields in double quotes may
/// hold commas, line breaks and doubled quotes. Blank lines are skipped.
enum SpecCSV {
  struct Record {
    var line: Int
    var fields: [String]
  }

  struct Failure: Error {
    var line: Int
    var message: String
  }

  static func parse(_ text: String) throws(Failure) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var closedQuote = false
    var line = 1
    var recordLine = 1
    let scalars = Array(text.unicodeScalars)
    var index = 0
    func finishRecord() {
      fields.append(String(field))
      if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
      fields = []
      field = String.UnicodeScalarView()
      closedQuote = false
    }
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if quoted {
        if scalar == "\"", index < scalars.count, scalars[index] == "\"" {
          field.append(scalar)
          index += 1
        } else if scalar == "\"" {
          quoted = false
          closedQuote = true
        } else {
          if scalar == "\n" { line += 1 }
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case ",":
        fields.append(String(field))
        field = String.UnicodeScalarView()
        closedQuote = false
      case "\n":
        finishRecord()
        line += 1
        recordLine = line
      case "\r" where index < scalars.count && scalars[index] == "\n":
        continue
      case "\"" where field.isEmpty && !closedQuote:
        quoted = true
      default:
        guard !closedQuote, scalar != "\"" else {
          throw Failure(line: line, message: "a quote in the middle of a field")
        }
        field.append(scalar)
      }
    }
    if quoted { throw Failure(line: recordLine, message: "a quoted field is not closed") }
    if !fields.isEmpty || !field.isEmpty { finishRecord() }
    return records
  }
}
