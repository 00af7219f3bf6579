import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// Exports as people have them (`Fixtures/exports/`): each cell read exactly, or the run refuses
/// loudly. The policy `swiss.verdict` gives each client a verdict only when every value is read
/// exactly (`fire` for K1, `talk` for K2, `watch` for K3), so a misread cell shows as `keep`.
struct RealExportTests {
  static func verdicts(_ data: String, configure: (inout RunConfiguration) -> Void = { _ in }) throws -> (
    RunnerTests.Outcome, [String]
  ) {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/\(data)"], format: .csv) {
      $0.reading.keyColumn = "kunde"
      configure(&$0)
    }
    let rows = outcome.report.split(separator: "\n").dropFirst().map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: " ")
    }
    return (outcome, rows)
  }

  /// `;` between fields does not make `.` a thousands separator: `1.125` is one and an eighth.
  @Test func swissExportReadsDecimalPointsAndApostrophes() throws {
    let (outcome, rows) = try Self.verdicts("swiss.csv")
    #expect(rows == ["K1 fire", "K2 talk", "K3 watch"])
    #expect(outcome.status == .success)
  }

  /// `1.125` and `2.500` alone could be decimals or thousands: the run stops before evaluating
  /// anyone, names the columns and the option that settles it.
  @Test func ambiguousColumnsStopTheRun() throws {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/ambiguous.csv"])
    #expect(outcome.status == .usage)
    #expect(outcome.report.isEmpty)
    #expect(outcome.messages.contains("column 'rate' has numbers with two readings, such as \"1.125\" on line 2"))
    #expect(outcome.messages.contains("column 'amount' has numbers with two readings, such as \"2.500\" on line 2"))
    #expect(outcome.messages.contains("--decimal . (1.250 is one and a quarter) or --decimal ,"))
  }

  @Test func theDecimalOptionSettlesAnAmbiguousColumn() throws {
    let settled = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/ambiguous.csv"], format: .csv) {
      $0.reading.decimalMark = .point
    }
    #expect(settled.status == .success)
    #expect(settled.report.contains("1,watch,third"))
  }

  /// Account lines above the table, a blank line and a line of separators: skipped with
  /// `skipLines` (blank ones always); spaces group thousands, `,` is the decimal mark.
  @Test func preambleIsSkipped() throws {
    let (outcome, rows) = try Self.verdicts("preamble.csv") { $0.reading.skipLines = 2 }
    #expect(rows == ["K1 fire", "K2 talk"])
    #expect(outcome.messages.contains("2 clients read, 2 evaluated"))
  }

  @Test func withoutSkippingThePreambleTheHeaderIsTheAccountLine() throws {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/preamble.csv"])
    #expect(outcome.status == .usage)
    #expect(outcome.messages.contains("has no column 'rate'"))
  }

  /// Line ends of a lone CR, a quoted cell spanning two lines, no line break at the end.
  @Test func carriageReturnOnlyExportWithoutFinalNewline() throws {
    let (outcome, rows) = try Self.verdicts("cr-only.csv")
    #expect(rows == ["K1 fire", "K2 talk", "K3 watch"])
    #expect(outcome.status == .success)
  }

  /// Header names match fields and the key without regard to case and spaces (`Kunde`, `Rate`).
  @Test func keyMatchesLikeFields() throws {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/swiss.csv"], format: .csv) {
      $0.reading.keyColumn = "KUNDE"
    }
    #expect(outcome.report.contains("K1,fire"))
  }
}

/// Exports that are not UTF-8.
struct EncodedExportTests {
  /// A Windows-1252 bank export with a preamble: names keep their umlauts, amounts their commas.
  @Test func windows1252BankExport() throws {
    let outcome = try RunnerTests.run(
      policy: "exports/bank.verdict", data: ["exports/bank-1252.csv"], format: .csv
    ) {
      $0.reading.skipLines = 1
      $0.reading.keyColumn = "Empfänger"
    }
    #expect(outcome.status == .success)
    #expect(outcome.report.contains("Müller & Söhne,review,refund"))
    #expect(outcome.report.contains("Café Grün,watch,small"))
    #expect(!outcome.report.contains("\u{FFFD}"))
  }

  /// Read as UTF-8 by force, a text cell that is not UTF-8 is refused, never repaired with U+FFFD.
  @Test func invalidUTF8TextIsRefused() throws {
    let bytes = Array("id,note\nC1,".utf8) + [0x47, 0x72, 0xFC, 0x6E] + Array("\nC2,fine\n".utf8)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-latin-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let policy = try Policy("field note: text\nwhen note == \"fine\" then recommend fire")
    var configuration = RunConfiguration(inputs: [url.path], today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.reading.encoding = .utf8
    configuration.format = .csv
    let output = url.appendingPathExtension("out")
    configuration.outputPath = output.path
    defer { try? FileManager.default.removeItem(at: output) }
    let messages = RunnerTests.Messages()
    let result = Runner(policy: policy, configuration: configuration) { messages.add($0) }.run()
    #expect(result.status == .rowErrors)
    #expect(messages.all.contains("note: \"Gr\u{FFFD}n\" is not valid UTF-8 text"))
    #expect(messages.all.contains("--encoding windows-1252"))
    let report = try String(contentsOf: output, encoding: .utf8)
    #expect(report.contains("C2,fire"))
  }
}
