import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// A record table with one evaluating thread and with more, whatever the size of the batches: the
/// same aggregates, errors and messages (every client's records fold in the order of the file).
struct TableThreadsTests {
  /// Sums, counts, a maximum, a latest date and an average, over amounts of which one client's
  /// overflow a sum partway through its records.
  static let policy = """
    table invoices keyed by "Customer"
      field due: date format "M/D/YYYY" from "Due Date"
      field amount: number from "Amount"
      field disputed: bool

    let total = sum(invoices.amount)
    let biggest = max(invoices.amount)
    let last_due = latest(invoices.due)
    let disputes = count(invoices where disputed)
    let typical = average(invoices.amount)

    rule "big" when total > 1000 and biggest > 100 then recommend fire
    rule "argues" when disputes >= 3 then recommend talk
    rule "quiet" when days_since(last_due) > 300d then recommend watch
    otherwise recommend keep
    """

  /// 400 invoices of 25 clients, each client's scattered; some keys padded, some records without
  /// a key, some cells that do not read, and c7's amounts large enough to overflow its sum.
  static var invoices: String {
    var text = "Customer,Due Date,Amount,disputed\n"
    for index in 0..<400 {
      let client = index % 25
      var key = client % 4 == 0 ? " c\(client) " : "c\(client)"
      if index % 37 == 36 { key = "" }
      let due = index % 89 == 88 ? "2026-11-05" : "\(index % 12 + 1)/\(index % 27 + 1)/2026"
      var amount = index % 97 == 96 ? "lots" : "\(index * 7 % 500).\(index % 100)"
      if client == 7 { amount = "9000000000000000000000000000" }
      text += "\(key),\(due),\(amount),\(index % 5 == 0 ? "yes" : "no")\n"
    }
    return text
  }

  static func run(jobs: Int, batchSize: Int, folder: URL) throws -> RunnerTests.Outcome {
    let policy = try Policy(source: SourceFile(name: "threads.verdict", bytes: Array(Self.policy.utf8)))
    let output = folder.appendingPathComponent("report-\(jobs)-\(batchSize).csv")
    var configuration = RunConfiguration(inputs: [], today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.format = .csv
    configuration.outputPath = output.path
    configuration.jobs = jobs
    configuration.batchSize = batchSize
    configuration.tables = [TableFile(name: "invoices", path: folder.appendingPathComponent("invoices.csv").path)]
    let messages = RunnerTests.Messages()
    let result = Runner(policy: policy, configuration: configuration) { messages.add($0) }.run()
    let report = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    return RunnerTests.Outcome(status: result.status, report: report, messages: messages.all, tally: result.tally)
  }

  @Test func everyThreadCountAndBatchSizeFoldsTheSame() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-threads-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(Self.invoices.utf8).write(to: folder.appendingPathComponent("invoices.csv"))
    let reference = try Self.run(jobs: 1, batchSize: 4096, folder: folder)
    #expect(reference.status == .rowErrors)
    #expect(reference.tally.read == 25)
    let rows = reference.report.split(separator: "\n")
    // The clients in the order of their first record; c7's sum overflows, the damaged records'
    // clients are errors that name their first damaged record.
    #expect(rows.dropFirst().first?.hasPrefix("c0,") == true)
    #expect(rows.contains { $0.hasPrefix("c7,error,") && $0.contains("arithmetic overflow") }, "\(reference.report)")
    #expect(rows.contains { $0.hasPrefix("c21,error,") && $0.contains("amount: \"\"lots\"\" is not a number") })
    #expect(rows.contains { $0.hasPrefix("c0,fire,") || $0.hasPrefix("c0,talk,") || $0.hasPrefix("c0,keep,") })
    #expect(reference.messages.contains("records have no client key"))
    for jobs in [1, 2, 3] {
      for batchSize in [1, 2, 3, 7, 4096] {
        let outcome = try Self.run(jobs: jobs, batchSize: batchSize, folder: folder)
        #expect(outcome.report == reference.report, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.messages == reference.messages, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.tally == reference.tally, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.status == reference.status)
      }
    }
  }

  /// A table that cannot be read to the end stops the run with the same message, after the
  /// records before it were folded, with any number of threads.
  @Test func anUnreadableTableStopsTheSameWay() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-threads-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data((Self.invoices + "c1,1/1/2026,\"12,no\nc2,1/2/2026,3,no\n").utf8)
      .write(to: folder.appendingPathComponent("invoices.csv"))
    let reference = try Self.run(jobs: 1, batchSize: 4096, folder: folder)
    #expect(reference.status == .usage)
    #expect(
      reference.messages.contains("invoices.csv:402: column 13: unterminated quoted field"), "\(reference.messages)")
    for (jobs, batchSize) in [(2, 1), (2, 7), (3, 3), (4, 4096)] {
      let outcome = try Self.run(jobs: jobs, batchSize: batchSize, folder: folder)
      #expect(outcome.status == reference.status)
      #expect(outcome.messages == reference.messages, "jobs \(jobs), batch \(batchSize)")
    }
  }
}
