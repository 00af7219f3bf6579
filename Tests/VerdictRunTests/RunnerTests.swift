import Foundation
import TestSupport
import Testing

@testable import Verdict
@testable import VerdictRun

/// The runner in-process: fixtures under `Fixtures/`, goldens next to them (`<name>.<format>`).
/// `UPDATE_GOLDEN=1` rewrites the goldens that differ, and the tests then fail (see `GoldenFile`).
struct RunnerTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func add(_ message: String) { lock.withLock { text += message } }
    var all: String { lock.withLock { text } }
  }

  struct Outcome {
    var status: RunStatus
    var report: String
    var messages: String
    var tally: Tally
  }

  static func run(
    policy: String, data: [String], format: ReportFormat = .jsonl, jobs: Int = 2, batchSize: Int = 4096,
    configure: (inout RunConfiguration) -> Void = { _ in }
  ) throws -> Outcome {
    let policy = try Policy(
      source: SourceFile(name: policy, bytes: Array(try Data(contentsOf: fixtures.appendingPathComponent(policy)))))
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-runner-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    var configuration = RunConfiguration(
      inputs: data.map { fixtures.appendingPathComponent($0).path },
      today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.format = format
    configuration.outputPath = output.path
    configuration.jobs = jobs
    configuration.batchSize = batchSize
    configure(&configuration)
    let messages = Messages()
    let result = Runner(policy: policy, configuration: configuration) { messages.add($0) }.run()
    let report = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    let cleaned = messages.all.replacingOccurrences(of: fixtures.path + "/", with: "")
    return Outcome(
      status: result.status, report: report.replacingOccurrences(of: fixtures.path + "/", with: ""), messages: cleaned,
      tally: result.tally)
  }

  static func expectGolden(
    _ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    if let problem = GoldenFile(fixtures.appendingPathComponent(name), name: name).problem(with: text) {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: ReportFormat.allCases) func badCellsInEveryFormat(_ format: ReportFormat) throws {
    let outcome = try Self.run(policy: "simple.verdict", data: ["bad-cells.csv"], format: format)
    #expect(outcome.status == .rowErrors)
    #expect(outcome.tally.read == 4 && outcome.tally.errors == 3 && outcome.tally.evaluated == 1)
    Self.expectGolden(outcome.report, "bad-cells.out.\(format.rawValue)")
    Self.expectGolden(outcome.messages, "bad-cells.out.stderr")
  }

  @Test func germanExport() throws {
    let outcome = try Self.run(policy: "simple.verdict", data: ["german.csv"], format: .csv)
    Self.expectGolden(outcome.report, "german.out.csv")
  }

  @Test func populationFunctions() throws {
    let outcome = try Self.run(policy: "share.verdict", data: ["share.csv"], format: .csv)
    #expect(outcome.status == .success)
    Self.expectGolden(outcome.report, "share.out.csv")
  }

  /// Batches of one row, and one to four threads: the same report, in the same order.
  @Test func orderDoesNotDependOnThreadsOrBatches() throws {
    let reference = try Self.run(policy: "simple.verdict", data: ["bad-cells.csv", "german.csv"], jobs: 1)
    for jobs in 1...4 {
      for batchSize in [1, 2, 3, 4096] {
        let outcome = try Self.run(
          policy: "simple.verdict", data: ["bad-cells.csv", "german.csv"], jobs: jobs, batchSize: batchSize)
        #expect(outcome.report == reference.report, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.messages == reference.messages, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.tally == reference.tally)
      }
    }
  }

  /// The client column is as wide as the first batch's widest key: a later, wider key is shown
  /// whole (up to 32 columns), never cut to the column, where two clients would look alike.
  @Test func laterWiderKeysAreShownWhole() throws {
    let outcome = try Self.run(policy: "simple.verdict", data: ["widening-keys.csv"], format: .table, batchSize: 1)
    let lines = outcome.report.split(separator: "\n").map(String.init)
    #expect(lines.count == 5, "\(outcome.report)")
    #expect(lines.contains { $0.hasPrefix("Hartmann Bau GmbH  keep") })
    #expect(lines.contains { $0.hasPrefix("Hartmann Druck GmbH  keep") })
    let long = String(repeating: "Ü", count: 40)
    #expect(lines.contains { $0.hasPrefix(String(repeating: "Ü", count: 31) + "…  keep") })
    #expect(!outcome.report.contains(long))
    #expect(lines[1].hasPrefix("K1      keep"), "the first batch's keys still set the column")
  }

  /// A row of a file with a key column whose key cell is blank (a totals row without a label)
  /// names no client: an error row, not a client named by its line that is judged and doubles
  /// every `share`.
  @Test func aRowWithABlankKeyIsNoClient() throws {
    let outcome = try Self.run(policy: "share-money.verdict", data: ["totals-row.csv"], format: .csv)
    #expect(outcome.status == .rowErrors)
    let rows = outcome.report.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2) }
    #expect(
      rows.map { $0.joined(separator: " ") } == ["A keep", "B keep", "C keep", "D watch", "totals-row.csv:6 error"])
    #expect(outcome.messages.contains("totals-row.csv:6: its \"name\" is empty: the row names no client"))
    #expect(outcome.messages.contains("measured without the 1 row"))
  }

  /// `--quiet` leaves out the clients that get the `otherwise` verdict (keep): when every client
  /// is kept, the run prints no summary, and a report file (`-o`) gets a whole report with no
  /// client (a header, `[]`, a page), as `--only` writes one: a file of 0 bytes replaced the last
  /// report and is no JSON. (Standard output stays empty: the golden case `quiet-all-keep`.)
  @Test(arguments: ReportFormat.allCases) func quietWritesAReportOfNoClientWhenAllKeep(_ format: ReportFormat) throws {
    let shown = try Self.run(policy: "simple.verdict", data: ["all-keep.csv"], format: format)
    #expect(shown.status == .success)
    #expect(shown.tally.evaluated == 3 && shown.tally.printed == 3, "all-keep.csv: \(shown.report)")
    #expect(shown.report.contains("K3") && !shown.messages.isEmpty, "without --quiet the kept clients are reported")
    let quiet = try Self.run(policy: "simple.verdict", data: ["all-keep.csv"], format: format) { $0.quiet = true }
    #expect(quiet.status == .success)
    #expect(quiet.tally.evaluated == 3 && quiet.tally.printed == 0)
    let none = try Self.run(policy: "simple.verdict", data: ["all-keep.csv"], format: format) { $0.only = ["fire"] }
    #expect(quiet.report == none.report)
    #expect(format == .jsonl || !quiet.report.isEmpty)
    #expect(quiet.messages == "")
  }

  @Test func failOnCountsMoreSevereVerdicts() throws {
    let outcome = try Self.run(policy: "simple.verdict", data: ["german.csv"]) { $0.failOn = "watch" }
    #expect(outcome.status == .failOn)
    // Two fire (one 45 days late with 9 revisions, its `nein` a German no), one watch.
    #expect(outcome.tally.failOnHits == 3)
  }

  @Test func unknownVerdictNamesAreUsageErrors() throws {
    let outcome = try Self.run(policy: "simple.verdict", data: ["german.csv"]) { $0.only = ["fier"] }
    #expect(outcome.status == .usage)
    #expect(outcome.messages.contains("did you mean 'fire'?"))
    #expect(outcome.report == "")
  }
}
