import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// `verdict run --explain` with every client shown decides a batch's rules on the truths its
/// lines need when two in five clients of the batch before matched no rule, and evaluates them
/// otherwise. Which it does changes no byte: batches of one, two and three rows (which turn the
/// choice over row by row) write the report, the messages and the tally that one batch does.
struct ExplainedRunTests {
  /// A policy whose clients mostly match no rule, with a division that fails for some (in an
  /// operand `and` skips for some of those, not for others), a computed clause, a let and bad
  /// cells in the data.
  static let policy = """
    field hours: number
    field revenue: number
    field wait: duration
    field channel: text
    let slow = revenue / hours < 20
    rule "rate" when hours > 0 and slow then recommend review notice wait
    rule "ratio" when revenue / hours > 400 or channel == "phone" then recommend watch reason channel
    rule "chat" when channel in ["chat", "email"] and hours > 150 then recommend fire
    otherwise recommend keep
    """

  /// Seeded rows: some hours zero or missing, some cells that do not read.
  static func data(rows: Int) -> String {
    // A linear congruential generator: the same rows on every run.
    var state: UInt64 = 16
    func pick(_ choices: [String]) -> String {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return choices[Int((state >> 33) % UInt64(choices.count))]
    }
    var text = "id,hours,revenue,wait,channel\n"
    for row in 0..<rows {
      let cells = [
        pick(["0", "1", "12.5", "40", "160", "", "x"]), pick(["0", "150", "900", "5000.50", "", "n/a"]),
        pick(["5d", "30d", "", "2w"]), pick(["chat", "email", "phone", "", "post"]),
      ]
      text += "\(row)," + cells.joined(separator: ",") + "\n"
    }
    return text
  }

  static func run(format: ReportFormat, batchSize: Int, folder: URL) throws -> (String, String, Tally) {
    let policy = try Policy(policy)
    let output = folder.appendingPathComponent("report-\(batchSize).\(format.rawValue)")
    var configuration = RunConfiguration(
      inputs: [folder.appendingPathComponent("clients.csv").path], today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.format = format
    configuration.outputPath = output.path
    configuration.jobs = 1
    configuration.batchSize = batchSize
    configuration.explain = true
    let messages = RunnerTests.Messages()
    let result = Runner(policy: policy, configuration: configuration) { messages.add($0) }.run()
    return (try String(contentsOf: output, encoding: .utf8), messages.all, result.tally)
  }

  @Test(arguments: [ReportFormat.jsonl, .csv, .table])
  func theBatchSizeChangesNoByte(format: ReportFormat) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explained-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.data(rows: 600).write(to: folder.appendingPathComponent("clients.csv"), atomically: true, encoding: .utf8)
    let whole = try Self.run(format: format, batchSize: 10_000, folder: folder)
    #expect(whole.2.evaluated > 200 && whole.2.errors > 20, "clients evaluated, and rows that failed")
    #expect(whole.0.contains("no rule matched; nearest"))
    for size in [1, 2, 3] {
      let batched = try Self.run(format: format, batchSize: size, folder: folder)
      #expect(batched.0 == whole.0, "report, batches of \(size)")
      #expect(batched.1 == whole.1, "messages, batches of \(size)")
      #expect(batched.2 == whole.2, "tally, batches of \(size)")
    }
  }
}
