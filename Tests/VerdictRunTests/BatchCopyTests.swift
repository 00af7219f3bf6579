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
      var cells = [String(decoding: batch.key(index), as: UTF8.self)]
      batch.withRow(index) { spans, bytes in
        for slot in 0..<batch.slotCount {
          let span = spans[slot]
          cells.append(
            String(
              decoding: UnsafeBufferPointer(start: bytes + span.start, count: span.end - span.start), as: UTF8.self))
        }
      }
      return cells
    }
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
}
