import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// A run of a policy over one CSV file, written to a scratch folder, with a JSON Lines report on
/// 2026-11-29: what the tests of reading rows and their messages look at.
struct CSVFileRun {
  /// The report's rows as `client verdict error` (`-` without an error), the folder left out.
  var rows: [String]
  /// How the run ended.
  var status: RunStatus
  /// What the run wrote on standard error, the folder left out.
  var messages: String

  /// Runs `policy` over `csv`, keyed by the column `key` (the run's own choice when `nil`).
  init(_ policy: Policy, csv: String, key: String? = nil) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-csv-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("clients.csv")
    try Data(csv.utf8).write(to: data)
    var configuration = RunConfiguration(inputs: [data.path], today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.format = .jsonl
    if let key { configuration.reading.keyColumn = key }
    configuration.outputPath = folder.appendingPathComponent("report").path
    let told = RunnerTests.Messages()
    status = Runner(policy: policy, configuration: configuration) { told.add($0) }.run().status
    messages = told.all.replacingOccurrences(of: folder.path + "/", with: "")
    let report = (try? String(contentsOf: folder.appendingPathComponent("report"), encoding: .utf8)) ?? ""
    rows = try report.split(separator: "\n").map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let client = (object["client"] as? String ?? "").replacingOccurrences(of: folder.path + "/", with: "")
      return "\(client) \(object["verdict"] ?? "") \(object["error"] as? String ?? "-")"
    }
  }
}
