import Foundation
import TestSupport
import Testing

@testable import Verdict
@testable import VerdictRun

/// The pollution test: thousands of damaged copies of a clean export (see ``DamageGenerator``),
/// each run through `verdict run`, in-process and a few hundred through the built binary. Nothing
/// may crash; the exit status must be the documented one; every record of the file must be in
/// the report or behind a reported error; and no verdict may come from shifted or misread cells
/// (``PollutionOracle``).
struct PollutionTests {
  static let policy = try! Policy(CleanExport.policy, name: "pollution.verdict")

  /// How the variants came out, to show that the damage reaches every outcome.
  struct Coverage {
    var statuses: [Int32: Int] = [:]
    var kept = 0
    var errors = 0
    var unterminated = 0
    var quoteFlaws = 0
    var keptWithTrailingDelimiters = 0
    var failures = 0

    mutating func add(_ outcome: PollutionOracle.Outcome, of export: DamagedExport) {
      statuses[outcome.status, default: 0] += 1
      let keeps = outcome.rows.filter { $0.verdict == "keep" }.count
      kept += keeps
      if export.endsLinesWithDelimiter { keptWithTrailingDelimiters += keeps }
      quoteFlaws += outcome.standardError.components(separatedBy: "quote but does not start").count - 1
      quoteFlaws += outcome.standardError.components(separatedBy: "after its closing quote").count - 1
      errors += outcome.rows.filter { $0.verdict == "error" }.count
      if outcome.standardError.contains("unterminated quoted field") { unterminated += 1 }
    }
  }

  @Test func damagedExportsInProcess() throws {
    let folder = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var generator = DamageGenerator(seed: 0x5EED_0009)
    var coverage = Coverage()
    for variant in 0..<3000 {
      let export = generator.next()
      let bytes = export.bytes
      let data = folder.appendingPathComponent("clients.csv")
      try Data(bytes).write(to: data)
      let outcome = try Self.runInProcess(data, folder: folder, variant: variant)
      coverage.add(outcome, of: export)
      Self.judge(export, bytes, name: data.path, outcome, variant: variant, coverage: &coverage)
    }
    #expect(coverage.failures == 0)
    // The damage reaches every outcome: clean reads, row errors, refused files, unterminated
    // quotes, quotes out of place, and files that end every line with a delimiter.
    #expect(coverage.statuses[0, default: 0] > 200 && coverage.statuses[1, default: 0] > 1000)
    #expect(coverage.statuses[2, default: 0] > 250 && coverage.unterminated > 20 && coverage.quoteFlaws > 1000)
    #expect(coverage.kept > 30_000 && coverage.errors > 4000 && coverage.keptWithTrailingDelimiters > 3000)
  }

  @Test func damagedExportsThroughTheBinary() throws {
    let folder = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(CleanExport.policy.utf8).write(to: folder.appendingPathComponent("pollution.verdict"))
    var generator = DamageGenerator(seed: 0xB1_0009)
    var coverage = Coverage()
    for variant in 0..<200 {
      let export = generator.next()
      let bytes = export.bytes
      try Data(bytes).write(to: folder.appendingPathComponent("clients.csv"))
      let outcome = try Self.runBinary(in: folder)
      coverage.add(outcome, of: export)
      Self.judge(export, bytes, name: "clients.csv", outcome, variant: variant, coverage: &coverage)
    }
    #expect(coverage.failures == 0)
    #expect(coverage.statuses.keys.sorted() == [0, 1, 2])
  }

  /// The oracle is not blind: a verdict for a row of the wrong width (the old reading of empty
  /// extra cells), a clean row refused, or a record missing from the report are all caught.
  @Test func theOracleCatchesMisreads() {
    let bytes = Array(
      """
      id,name,visits,amount,delay,due,active
      C01,Nordlicht Bakery,,12,1234.56,45,2026-01-15,
      C02,"Hartmann Logistics, GmbH",3,0.00,0,2027-03-31,false

      """.utf8)
    let clean = DamagedExport(dialect: .comma).cleanRows
    func problems(_ status: Int32, _ verdicts: [String]) -> [String] {
      let rows = zip(verdicts, [2, 3]).map {
        PollutionOracle.ReportRow(
          client: "", verdict: $0, reason: $0 == "keep" ? "Hartmann Logistics, GmbH" : nil, line: $1)
      }
      let outcome = PollutionOracle.Outcome(status: status, rows: rows, standardError: "")
      return PollutionOracle.problems(bytes, name: "c.csv", dialect: .comma, cleanRows: clean, outcome: outcome)
    }
    #expect(problems(1, ["error", "keep"]).isEmpty)
    #expect(problems(0, ["fire", "keep"]).count == 1)
    #expect(problems(1, ["error", "fire"]).count == 1)
    #expect(problems(1, ["error", "error"]).count == 1)
    #expect(problems(0, ["error", "keep"]).count == 1)
    #expect(problems(1, ["keep"]).count == 1)
  }

  static func judge(
    _ export: DamagedExport, _ bytes: [UInt8], name: String, _ outcome: PollutionOracle.Outcome, variant: Int,
    coverage: inout Coverage
  ) {
    let problems = PollutionOracle.problems(
      bytes, name: name, dialect: export.dialect, cleanRows: export.cleanRows, outcome: outcome)
    guard !problems.isEmpty else { return }
    coverage.failures += 1
    guard coverage.failures <= 5 else { return }
    Issue.record(
      """
      variant \(variant) (\(export.dialect)\(export.endsLinesWithDelimiter ? ", a delimiter ends every line" : ""), \
      \(export.damage.joined(separator: "; "))):
      \(problems.joined(separator: "\n"))
      file: \(String(decoding: bytes, as: UTF8.self).debugDescription)
      stderr: \(outcome.standardError)
      """)
  }

  static func makeFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-pollution-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func runInProcess(_ data: URL, folder: URL, variant: Int) throws -> PollutionOracle.Outcome {
    let report = folder.appendingPathComponent("report.jsonl")
    try? FileManager.default.removeItem(at: report)
    var configuration = RunConfiguration(inputs: [data.path], today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.format = .jsonl
    configuration.outputPath = report.path
    configuration.jobs = 1 + variant % 2
    configuration.batchSize = [1, 3, 4096][variant % 3]
    let messages = RunnerTests.Messages()
    let result = Runner(policy: policy, configuration: configuration) { messages.add($0) }.run()
    let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
    return try outcome(result.status.rawValue, report: text, standardError: messages.all)
  }

  /// Runs the built `verdict` in `folder` over `clients.csv`.
  static func runBinary(in folder: URL) throws -> PollutionOracle.Outcome {
    let output = folder.appendingPathComponent("stdout")
    let errors = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let process = Process()
    process.executableURL = try BuiltProducts.url(of: "verdict")
    process.arguments = ["run", "pollution.verdict", "clients.csv", "-f", "jsonl", "--today", "2026-11-29"]
    process.currentDirectoryURL = folder
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "verdict crashed")
    return try outcome(
      process.terminationStatus, report: try String(contentsOf: output, encoding: .utf8),
      standardError: try String(contentsOf: errors, encoding: .utf8))
  }

  static func outcome(_ status: Int32, report: String, standardError: String) throws -> PollutionOracle.Outcome {
    let rows = try report.split(separator: "\n").map { line -> PollutionOracle.ReportRow in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let source = try #require(object["source"] as? String)
      return PollutionOracle.ReportRow(
        client: object["client"] as? String ?? "", verdict: object["verdict"] as? String ?? "",
        reason: object["reason"] as? String, line: Int(source.split(separator: ":").last ?? "") ?? 0)
    }
    return PollutionOracle.Outcome(status: status, rows: rows, standardError: standardError)
  }
}
