import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// The client a record's key was likely meant for is looked for among the data's first 10,000
/// clients without records, in the data's order, whatever the threads and batches: with two
/// evaluating threads the hint came in 6 of 8 runs for a client past the first 10,000.
struct UnmetKeyHintTests {
  static let policy = try! Policy(
    """
    table t keyed by client
      field amount: number
    let total = sum(t.amount)
    when total > 5 then recommend review
    otherwise recommend keep
    """, name: "p.verdict")

  @Test func theHintIsTheSameWithAnyThreadsAndBatches() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-unmet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // 16,000 clients without records; Yak at the 5,000th, Zed at the 15,000th.
    var clients = "id\n"
    for index in 0..<16_000 {
      clients += index == 4_999 ? "Yak\n" : index == 14_999 ? "Zed\n" : "k\(index)\n"
    }
    try Data(clients.utf8).write(to: folder.appendingPathComponent("clients.csv"))
    try Data("client,amount\nyak,1\nzed,2\n".utf8).write(to: folder.appendingPathComponent("t.csv"))
    var seen: Set<String> = []
    for (jobs, batchSize) in [(1, 4096), (2, 64), (2, 4096), (3, 7)] {
      var configuration = RunConfiguration(
        inputs: [folder.appendingPathComponent("clients.csv").path],
        today: CalendarDate(year: 2026, month: 11, day: 29)!)
      configuration.tables = [TableFile(name: "t", path: folder.appendingPathComponent("t.csv").path)]
      configuration.quiet = true
      configuration.jobs = jobs
      configuration.batchSize = batchSize
      configuration.outputPath = folder.appendingPathComponent("report").path
      let told = RunnerTests.Messages()
      _ = Runner(policy: Self.policy, configuration: configuration) { told.add($0) }.run()
      let warning = try #require(told.all.split(separator: "\n").first { $0.contains("match no client") })
      seen.insert(String(warning).replacingOccurrences(of: folder.path + "/", with: ""))
    }
    #expect(seen.count == 1, "\(seen)")
    #expect(seen.first?.contains("\"yak\" (t.csv:2, did you mean \"Yak\"?)") == true, "\(seen)")
    #expect(seen.first?.contains("\"zed\" (t.csv:3)") == true, "\(seen)")
  }
}
