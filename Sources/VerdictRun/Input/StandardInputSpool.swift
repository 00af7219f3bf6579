import Verdict
import VerdictData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard input can be read only once, but population functions need two passes. During the
/// first pass the rows are spooled to a temporary CSV file that keeps only what the second pass
/// needs: the line, any problem with the row, the key and one cell per field the policy uses.
final class SpoolWriter {
  private let output: OutputSink
  private let buffer = ByteBuffer(capacity: 1 << 20)
  /// The temporary file's path.
  let path: String

  /// Creates the spool in `$TMPDIR` (or /tmp), as `.verdict-stdin.csv.verdict-PID-START-XXXXXX`
  /// (``TemporaryFileName``); it is registered with ``TemporaryFiles``.
  init(slots: Int) throws(RunFailure) {
    path = StaleTemporaryFiles.temporaryFolder + "verdict-stdin.csv"
    do {
      // A file of its own, made with mkstemp: a link planted at the name in a shared /tmp is
      // not followed.
      output = try OutputSink(temporaryIn: StaleTemporaryFiles.temporaryFolder, for: "verdict-stdin.csv")
    } catch {
      throw RunFailure(.data, "cannot spool standard input for the population pass: \(error.message)")
    }
    buffer.append("line,problem,key,names_no_client")
    for slot in 0..<slots { buffer.appendText(",f\(slot)") }
    buffer.append("\n")
  }

  /// Adds one row.
  func add(_ row: RowBuffer) throws(RunFailure) {
    buffer.appendDecimal(row.line)
    buffer.append(",")
    if let problem = row.problem { buffer.appendCSVField(problem) }
    buffer.append(",")
    buffer.appendCSVField(row.key)
    // A row whose key cell is blank keeps saying so: it hides no client from the history.
    buffer.append(row.namesNoClient ? ",1" : ",")
    for cell in row.cells {
      buffer.append(",")
      buffer.appendCSVField(cell)
    }
    buffer.append("\n")
    if buffer.count >= 1 << 20 { try flush() }
  }

  private func flush() throws(RunFailure) {
    do {
      try output.write(buffer.bytes)
    } catch {
      throw RunFailure(.data, "cannot spool standard input for the population pass: \(error.message)")
    }
    buffer.removeAll()
  }

  /// Finishes the spool and opens it for the second pass; the file is removed at once (the open
  /// descriptor keeps it readable), so nothing is left behind.
  func finish(name: String, numbers: NumberFormat, binding: ColumnBinding?) throws(RunFailure) -> SpoolSource {
    try flush()
    defer { output.discard() }
    return try SpoolSource(
      path: output.temporaryFilePath ?? path, name: name, numbers: numbers, binding: binding)
  }

  /// Removes the spool (after an error).
  func discard() { output.discard() }
}

/// The second pass over standard input: rows read back from the spool.
final class SpoolSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  let columns: [String]?
  var binding: ColumnBinding?
  private let reader: CSVReader

  init(path: String, name: String, numbers: NumberFormat, binding: ColumnBinding?) throws(RunFailure) {
    do {
      reader = try CSVReader(source: try ByteSource(path: path), dialect: .standard)
    } catch {
      throw RunFailure(.data, "cannot read back the spool of standard input: \(error)")
    }
    self.name = name
    self.numbers = numbers
    self.columns = binding?.columns
    self.binding = binding
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    try reader.forEachRecord { record in
      row.line = SpoolSource.integer(record[0])
      row.problem = record[1].isEmpty ? nil : record.string(1)
      row.key = record[2]
      row.namesNoClient = !record[3].isEmpty
      for slot in 0..<row.slotCount { row.cells[slot] = record[4 + slot] }
      try body(row)
    }
  }

  private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var value = 0
    for byte in bytes where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}
