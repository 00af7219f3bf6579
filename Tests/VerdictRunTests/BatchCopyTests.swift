import Foundation
import Testing

@testable import Verdict
@testable import VerdictData
@testable import VerdictRun

/// A batch copies a CSV record's cells from the scanner's field table (`RowBuffer.fieldTable`,
/// the batch reader's path) exactly as from the cells a source gathers (every other reader's):
/// the same bytes for every slot and key of every row, whatever the record holds.
struct BatchCopyTests {
  /// The rows of `csv` as a batch holds them: each row's key and cells, as text.
  static func rows(_ csv: String, fromFieldTable: Bool) throws -> [[String]] {
    let url = try JSONLinesSplitTests.file(Array(csv.utf8), ".csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let policy = try Policy(
      source: SourceFile(
        name: "simple.verdict",
        bytes: Array(try Data(contentsOf: RunnerTests.fixtures.appendingPathComponent("simple.verdict")))))
    let binder = ColumnBinder(policy: policy, keyColumn: "id", renderer: DiagnosticRenderer())
    let source = try CSVRecordSource(path: url.path, options: DataReadOptions())
    let row = RowBuffer(slots: policy.fields.count)
    row.readsFieldTable = fromFieldTable
    let batch = Batch(slotCount: policy.fields.count, capacity: 1000, verdictCount: 5)
    var tableRows = 0
    try source.forEachRow(row, binder: binder) { row in
      if row.fieldTable != nil { tableRows += 1 }
      batch.add(row)
    }
    #expect(fromFieldTable == (tableRows > 0))
    return (0..<batch.count).map { index in
      Self.cells(of: batch, row: index)
    }
  }

  /// A batch row's key, then its cells by slot, as text.
  static func cells(of batch: Batch, row index: Int) -> [String] {
    var cells = [String(decoding: batch.key(index), as: UTF8.self)]
    batch.withRow(index) { spans, bytes in
      for slot in 0..<batch.slotCount {
        let span = spans[slot]
        cells.append(
          String(decoding: UnsafeBufferPointer(start: bytes + span.start, count: span.end - span.start), as: UTF8.self))
      }
    }
    return cells
  }

  /// Records of every kind: quoted cells plain and with doubled quotes, empty cells, a column
  /// the policy does not read that is far longer than the cells (so the record is not copied
  /// whole), ragged rows, blank keys, CRLF endings, columns in any order.
  @Test(arguments: [
    "id,payment_delay,revisions,outstanding,project_end,disrespectful,name",
    "name,disrespectful,id,revisions,outstanding,payment_delay,project_end",
    "note,id,project_end,revisions,outstanding,payment_delay,disrespectful,name",
  ])
  func fieldTableGivesTheGatheredCells(header: String) throws {
    let columns = header.split(separator: ",").count
    var lines = [header]
    for index in 0..<60 {
      var cells = (0..<columns).map { "v\(index)x\($0)" }
      cells[index % columns] = ["", "\"quoted, with a comma\"", "\"say \"\"hi\"\"\"", "12345678", "\"\""][index % 5]
      if index % 7 == 3 { cells[(index + 1) % columns] = String(repeating: "long", count: 200) }
      if index % 11 == 5 { cells.removeLast() }
      if index % 13 == 6 { cells.append("extra") }
      lines.append(cells.joined(separator: ","))
    }
    let csv = lines.joined(separator: header.hasPrefix("name") ? "\r\n" : "\n") + "\n"
    let gathered = try Self.rows(csv, fromFieldTable: false)
    let placed = try Self.rows(csv, fromFieldTable: true)
    #expect(gathered.count == 60)
    #expect(placed == gathered)
  }

  /// Every row of `csv` as the batches hold it: its line, its problem, its key and its cells.
  /// With `direct`, read as the batch reader reads a CSV file (plain records straight into the
  /// batch, many a call); otherwise through a row buffer, cell by cell. Batches of `capacity`
  /// rows, a new one when one is full.
  /// With `spareField`, the policy has a field first that no rule reads and no column holds.
  static func batchRows(_ csv: [UInt8], direct: Bool, capacity: Int, spareField: Bool) throws -> [String] {
    let url = try JSONLinesSplitTests.file(csv, ".csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let spare = spareField ? Array("field spare: number\n".utf8) : []
    let policy = try Policy(
      source: SourceFile(
        name: "simple.verdict",
        bytes: spare + Array(try Data(contentsOf: RunnerTests.fixtures.appendingPathComponent("simple.verdict")))))
    #expect(policy.fields.count == (spareField ? 6 : 5))
    let header = "id"
    let binder = ColumnBinder(policy: policy, keyColumn: header, renderer: DiagnosticRenderer())
    // Read as UTF-8 whatever it holds, so that bytes that are not UTF-8 reach the reader as they are.
    var options = DataReadOptions()
    options.encoding = .utf8
    let source = try CSVRecordSource(path: url.path, options: options)
    let row = RowBuffer(slots: policy.fields.count)
    row.readsFieldTable = direct
    var batches = [Batch(slotCount: policy.fields.count, capacity: capacity, verdictCount: 5)]
    func add(_ row: RowBuffer) {
      if batches[batches.count - 1].isFull {
        batches.append(Batch(slotCount: policy.fields.count, capacity: capacity, verdictCount: 5))
      }
      batches[batches.count - 1].add(row)
    }
    if direct {
      try source.forEachRow(row, binder: binder, batch: { batches[batches.count - 1] }, add)
    } else {
      try source.forEachRow(row, binder: binder, add)
    }
    var rows: [String] = []
    for batch in batches {
      #expect(batch.count <= capacity)
      let problems = Dictionary(batch.problems.map { ($0.row, $0.message) }, uniquingKeysWith: { first, _ in first })
      for index in 0..<batch.count {
        let cells = Self.cells(of: batch, row: index)
        let naming = batch.rowsNamingNoClient.contains(index) ? " (no client)" : ""
        rows.append("\(batch.lines[index]) \(problems[index] ?? "-")\(naming) \(cells)")
      }
    }
    return rows
  }

  /// The batch reader's way with CSV files (``CSVPlainRows``, ``CSVRecordRun``, a run's bytes
  /// copied in one piece) against a row buffer's: the same rows, lines, problems and cells, for
  /// records of every kind (doubled quotes at a cell's start and end, ragged rows, blank and
  /// non-ASCII keys, keys of one to ten bytes with a byte that is not UTF-8 anywhere, blank lines and lines of separators, very long
  /// cells, CR before LF), in batches that fill in the middle of a run, in a file longer than a
  /// window (records across its edge). A `note` column the policy does not read, up to
  /// `noteLength` bytes, makes runs of more than 256 bytes a record (each record then copied by
  /// itself) and records much longer than their cells (those then copied cell by cell). With
  /// batches of 7 rows, the policy has a field without a column (an empty cell in every row).
  @Test(arguments: [
    ("id,payment_delay,revisions,outstanding,project_end,disrespectful,name", "\n", 7, 0),
    ("name,disrespectful,revisions,outstanding,payment_delay,project_end,id", "\r\n", 1000, 0),
    ("note,id,project_end,revisions,outstanding,payment_delay,disrespectful,name,", "\n", 33, 40),
    ("id,payment_delay,revisions,outstanding,project_end,disrespectful,name", "\r", 4096, 0),
    ("id,payment_delay,note,revisions,outstanding,project_end,disrespectful", "\n", 500, 800),
  ])
  func directRowsAreTheRowBuffersRows(header: String, ending: String, capacity: Int, noteLength: Int) throws {
    let columns = header.split(separator: ",", omittingEmptySubsequences: false).count
    var generator = BatchCopyTests.Generator(state: UInt64(capacity))
    var lines: [[UInt8]] = [Array(header.utf8)]
    let odd: [[UInt8]] = [
      Array("\"\"\"lead\"".utf8), Array("\"tail\"\"\"".utf8), Array("\"a \"\"b\"\" c\"".utf8), Array("\"\"".utf8), [],
      Array(" ".utf8), Array("ü".utf8), [0xFF], Array("a\"b".utf8), Array("\"x\"y".utf8),
      Array(String(repeating: "long", count: 300).utf8),
    ]
    for index in 0..<(noteLength > 100 ? 3000 : 30_000) {
      var cells: [[UInt8]] = (0..<columns).map { Array("v\(index % 97)x\($0)".utf8) }
      if header.hasSuffix(",") { cells[columns - 1] = [] }
      if let note = header.split(separator: ",").firstIndex(of: "note") {
        cells[note] = Array(repeating: UInt8(ascii: "n"), count: Int.random(in: 0...noteLength, using: &generator))
      }
      let keyColumn = header.split(separator: ",").firstIndex(of: "id")!
      cells[keyColumn] = Array((String(repeating: "k", count: index % 9) + "\(index % 10)").utf8)
      // A byte that is not UTF-8 at every place of a key of one to ten bytes.
      if index % 50 == 7 { cells[keyColumn][index / 50 % cells[keyColumn].count] = 0xFF }
      if Int.random(in: 0..<8, using: &generator) == 0 {
        cells[Int.random(in: 0..<columns, using: &generator)] = odd[Int.random(in: 0..<odd.count, using: &generator)]
      }
      switch Int.random(in: 0..<200, using: &generator) {
      case 0: cells.removeLast()
      case 1: cells.append(Array("extra".utf8))
      case 2: cells = Array(repeating: [], count: columns)
      case 3: cells = [[]]
      case 4: cells[keyColumn] = Array(" ".utf8)
      default: break
      }
      lines.append(Array(cells.joined(separator: Array(",".utf8))))
    }
    let csv = Array(lines.joined(separator: Array(ending.utf8))) + Array(ending.utf8)
    #expect(csv.count > 1 << 20)
    let spareField = capacity == 7
    let general = try Self.batchRows(csv, direct: false, capacity: capacity, spareField: spareField)
    let direct = try Self.batchRows(csv, direct: true, capacity: capacity, spareField: spareField)
    #expect(general.count > (noteLength > 100 ? 2900 : 29_000))
    #expect(direct.count == general.count)
    #expect(general.contains { $0.contains("is not valid UTF-8") })
    for (one, other) in zip(direct, general) where one != other {
      Issue.record("\(one) != \(other)")
      break
    }
  }

  /// Random numbers the same on every run (a linear congruential generator).
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 29)
    }
  }
}
