import Foundation
import Testing

@testable import Verdict
@testable import VerdictData
@testable import VerdictRun

/// JSON Lines files read on several threads, each a part of the file (`LineSplitting`): the same
/// report, errors, line numbers and notes as reading on one thread, whatever the threads and
/// the batch size, so wherever the parts end.
struct JSONLinesSplitTests {
  /// Writes `text` to a new temporary file; the caller removes it.
  static func file(_ bytes: [UInt8], _ suffix: String = ".jsonl") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "verdict-split-\(UUID().uuidString)\(suffix)")
    try Data(bytes).write(to: url)
    return url
  }

  /// A file of every kind of line: a byte order mark first, CRLF and LF endings, blank lines and
  /// lines of spaces, malformed records, a record with an escaped line break, keys in another
  /// order, a record without the key, a bad cell, and no line feed after the last record.
  static var mixed: [UInt8] {
    var lines: [String] = []
    for index in 1...40 {
      let delay = index % 7 == 0 ? "\"fourty\"" : "\(index * 3)"
      let record =
        index % 5 == 0
        ? "{\"revisions\":\(index % 9),\"id\":\"C\(index)\",\"payment_delay\":\(delay),\"outstanding\":\"\(index).50\",\"project_end\":\"2027-01-31\",\"disrespectful\":false}"
        : "{\"id\":\"C\(index)\",\"name\":\"Line\\nbreak \(index)\",\"payment_delay\":\(delay),\"revisions\":\(index % 9),\"outstanding\":\"\(index).00\",\"project_end\":\"2026-12-0\(index % 9 + 1)\",\"disrespectful\":\(index % 4 == 0)}"
      lines.append(record)
      switch index % 6 {
      case 1: lines.append("")
      case 2: lines.append("   \t")
      case 3: lines.append("{\"id\":\"M\(index)\",\"payment_delay\":")  // malformed: cut off
      case 4: lines.append("[1, 2]")  // not an object
      default: break
      }
      if index == 11 {
        lines.append(
          "{\"name\":\"no key\",\"payment_delay\":1,\"revisions\":1,\"outstanding\":\"0\",\"project_end\":\"2027-01-01\",\"disrespectful\":true}"
        )
      }
    }
    var text = ""
    for (index, line) in lines.enumerated() {
      text += line + (index % 3 == 0 ? "\r\n" : "\n")
    }
    text.removeLast()  // the last line ends the file without a line feed
    return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
  }

  static func run(_ files: [URL], jobs: Int, batchSize: Int, format: ReportFormat = .jsonl) throws
    -> RunnerTests.Outcome
  {
    try RunnerTests.run(policy: "simple.verdict", data: [], format: format, jobs: jobs, batchSize: batchSize) {
      $0.inputs = files.map(\.path)
      $0.reading.keyColumn = "id"
    }
  }

  @Test(arguments: [ReportFormat.jsonl, .csv, .html])
  func everyThreadCountAndBatchSizeGivesTheSameRun(_ format: ReportFormat) throws {
    let url = try Self.file(Self.mixed)
    defer { try? FileManager.default.removeItem(at: url) }
    let reference = try Self.run([url], jobs: 1, batchSize: 4096, format: format)
    #expect(reference.status == .rowErrors)
    // 40 records, 7 malformed lines, 7 not objects, 1 without a key; 5 bad cells.
    #expect(reference.tally.read == 55)
    #expect(reference.messages.contains(".jsonl:6: column 28: unexpected end of input"), "\(reference.messages)")
    for jobs in [1, 2, 3] {
      for batchSize in [1, 2, 3, 7, 4096] {
        let outcome = try Self.run([url], jobs: jobs, batchSize: batchSize, format: format)
        #expect(outcome.report == reference.report, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.messages == reference.messages, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.tally == reference.tally, "jobs \(jobs), batch \(batchSize)")
        #expect(outcome.status == reference.status)
      }
    }
  }

  /// A JSON Lines file between CSV files, and one that is empty: the batches of all of them are
  /// numbered in one run, so the report keeps the files' order.
  @Test func partsKeepTheirPlaceAmongOtherFiles() throws {
    let lines = try Self.file(Self.mixed)
    let empty = try Self.file([])
    defer {
      try? FileManager.default.removeItem(at: lines)
      try? FileManager.default.removeItem(at: empty)
    }
    let csv = RunnerTests.fixtures.appendingPathComponent("bad-cells.csv")
    let files = [csv, lines, empty, csv, lines]
    let reference = try Self.run(files, jobs: 1, batchSize: 4096)
    for (jobs, batchSize) in [(2, 1), (2, 3), (3, 2), (4, 4096)] {
      let outcome = try Self.run(files, jobs: jobs, batchSize: batchSize)
      #expect(outcome.report == reference.report, "jobs \(jobs), batch \(batchSize)")
      #expect(outcome.messages == reference.messages, "jobs \(jobs), batch \(batchSize)")
    }
  }

  /// A line too long to read is reported at its line, and the lines after it keep their numbers.
  @Test func aLineTooLongIsSkippedAtItsLine() throws {
    let record =
      "{\"id\":\"C1\",\"payment_delay\":3,\"revisions\":1,\"outstanding\":\"1\",\"project_end\":\"2027-01-01\",\"disrespectful\":false}\n"
    let long = "{\"id\":\"" + String(repeating: "x", count: JSONRecordReader.maxRecordBytes) + "\"}\n"
    let url = try Self.file(Array((record + record + long + record.replacingOccurrences(of: "C1", with: "C4")).utf8))
    defer { try? FileManager.default.removeItem(at: url) }
    let reference = try Self.run([url], jobs: 1, batchSize: 4096)
    #expect(reference.messages.contains(":3: line is longer than 16 MiB; skipped"), "\(reference.messages)")
    #expect(reference.report.contains("\"line\":4") || reference.report.contains("C4"))
    for batchSize in [1, 2, 4096] {
      let outcome = try Self.run([url], jobs: 2, batchSize: batchSize)
      #expect(outcome.report == reference.report, "batch \(batchSize)")
      #expect(outcome.messages == reference.messages, "batch \(batchSize)")
    }
  }

  /// The splitting itself: every line in exactly one part, in order, each part a batch numbered
  /// in sequence, the lines' numbers those of the file; parts end after `capacity` lines, or
  /// sooner after `partBytes` bytes.
  @Test(arguments: [(4, 1 << 20), (4, 1), (1000, 700)])
  func partsHoldEveryLineOnceInOrder(capacity: Int, partBytes: Int) throws {
    let url = try Self.file(Self.mixed)
    defer { try? FileManager.default.removeItem(at: url) }
    let policy = try Policy(
      source: SourceFile(
        name: "simple.verdict",
        bytes: Array(try Data(contentsOf: RunnerTests.fixtures.appendingPathComponent("simple.verdict")))))
    let binder = ColumnBinder(policy: policy, keyColumn: "id", renderer: DiagnosticRenderer())
    let source = try JSONRecordSource(path: url.path, layout: .lines, numbers: DataReadOptions().jsonNumbers)
    try SourceOpener.prepare(source, path: url.path, binder: binder, options: DataReadOptions())
    #expect(source.splitsIntoLines)
    let free = Channel<Batch>()
    for _ in 0..<6 { free.send(Batch(slotCount: policy.fields.count, capacity: capacity, verdictCount: 5)) }
    let sent = RunnerTests.Messages()
    let batches = SharedBox<[(sequence: Int, lines: [Int], problems: [Int])]>([])
    var sequence = 10
    var splitting = LineSplitting(
      source: source, index: 0, threads: 3, slots: policy.fields.count, capacity: capacity)
    splitting.partBytes = partBytes
    let finished = splitting.run(sequence: &sequence, free: free) { batch in
      let entry = (batch.sequence, Array(batch.lines[0..<batch.count]), batch.problems.map { batch.lines[$0.row] })
      batches.update { $0.append(entry) }
      sent.add(".")
      free.send(batch)
    }
    #expect(finished)
    let ordered = batches.value.sorted { $0.sequence < $1.sequence }
    #expect(ordered.map(\.sequence) == Array(10..<sequence))
    #expect(ordered.allSatisfy { $0.lines.count <= capacity })
    if partBytes == 1 {
      // Every line is a part of its own.
      #expect(ordered.count == 55)
    } else if capacity == 4 {
      #expect(ordered.dropLast().allSatisfy { $0.lines.count == 4 })
    } else {
      // About 150 bytes a line: parts of a handful of lines, not a thousand.
      #expect(ordered.count > 5 && ordered.allSatisfy { $0.lines.count <= 8 })
    }
    let lines = ordered.flatMap(\.lines)
    #expect(lines == lines.sorted() && Set(lines).count == lines.count)
    #expect(lines.count == 55)
    // The malformed lines, those that are not objects and the record without a key, where the
    // file has them.
    let problems = ordered.flatMap(\.problems)
    #expect(problems.count == 15)
    #expect(problems.first == 6)
  }
}
