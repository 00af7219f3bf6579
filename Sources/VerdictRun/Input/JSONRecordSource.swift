import Verdict
import VerdictData

/// Records from a JSON array of objects or from JSON Lines. The keys of the first good record
/// stand for a header (so a misspelt field is caught before any row is evaluated); later records
/// may leave keys out, which makes those cells missing. Scalars become cell text: strings as they
/// are, numbers as written, `true`/`false`, `null` an empty cell, nested arrays and objects their
/// JSON text.
final class JSONRecordSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  let columns: [String]?
  var binding: ColumnBinding?
  private let reader: JSONRecordReader
  private var arena: [UInt8] = []
  private var ranges: [Range<Int>] = []

  /// Opens `path`; for a file (not standard input), reads ahead to its first good record for the
  /// columns.
  init(path: String, layout: JSONRecordReader.Layout, numbers: NumberFormat) throws(RunFailure) {
    self.numbers = numbers
    do {
      let source = try ByteSource(path: path)
      name = source.name
      reader = JSONRecordReader(source: source, layout: layout)
      columns = path == "-" ? nil : try JSONRecordSource.peekColumns(path: path, layout: layout)
    } catch let error as DataReadError {
      throw SourceOpener.failure(path, error)
    } catch {
      throw RunFailure(.data, located: "\(path): \(error)")
    }
  }

  private struct FoundFirstRecord: Error {
    var keys: [String]
  }

  /// The keys of the first well-formed record, or `nil` when there is none.
  private static func peekColumns(path: String, layout: JSONRecordReader.Layout) throws -> [String]? {
    let reader = JSONRecordReader(source: try ByteSource(path: path), layout: layout)
    do {
      try reader.forEachRecord { _, members in
        throw FoundFirstRecord(keys: members.map(\.key))
      } onError: { _ in
      }
    } catch let found as FoundFirstRecord {
      return found.keys
    }
    return nil
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    var slotOfName: [String: Int] = [:]
    var keyName: String?
    if let binding {
      (slotOfName, keyName) = JSONRecordSource.lookup(binding)
    }
    ranges = Array(repeating: 0..<0, count: row.slotCount)
    try reader.forEachRecord { position, members in
      if binding == nil {
        let bound = try binder.bind(members.map(\.key), source: name, numbers: numbers)
        binding = bound
        (slotOfName, keyName) = JSONRecordSource.lookup(bound)
      }
      row.line = position.line
      row.problem = nil
      arena.removeAll(keepingCapacity: true)
      for index in ranges.indices { ranges[index] = 0..<0 }
      var keyRange = 0..<0
      for (key, value) in members {
        let slot = slotOfName[key]
        guard slot != nil || key == keyName else { continue }
        let start = arena.count
        JSONRecordSource.append(value, to: &arena)
        if let slot { ranges[slot] = start..<arena.count }
        if key == keyName { keyRange = start..<arena.count }
      }
      try arena.withUnsafeBufferPointer { bytes in
        for slot in ranges.indices { row.cells[slot] = UnsafeBufferPointer(rebasing: bytes[ranges[slot]]) }
        row.key = UnsafeBufferPointer(rebasing: bytes[keyRange])
        try body(row)
      }
    } onError: { error in
      row.clear()
      row.line = error.line
      row.problem = error.column > 0 ? "column \(error.column): \(error.message)" : error.message
      try body(row)
    }
  }

  private static func lookup(_ binding: ColumnBinding) -> ([String: Int], String?) {
    var slots: [String: Int] = [:]
    for (slot, column) in binding.columnOfSlot.enumerated() { slots[binding.columns[column]] = slot }
    return (slots, binding.keyName)
  }

  private static func append(_ value: JSONScalar, to arena: inout [UInt8]) {
    switch value {
    case .string(let text), .number(let text), .nested(let text): arena.append(contentsOf: text.utf8)
    case .bool(let flag): arena.append(contentsOf: (flag ? "true" : "false").utf8)
    case .null: break
    }
  }
}
