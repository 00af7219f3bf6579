import Foundation
import Verdict
import VerdictData

/// Records from a JSON array of objects or from JSON Lines. The keys of the first good records
/// (``peekedRecords`` of them) stand for a header, so that a misspelt field is caught before any
/// row is evaluated, and a key the first record leaves out (an API that omits nulls) is still
/// found; records may leave keys out, which makes those cells missing. Scalars become cell text: strings as they
/// are, numbers as written, `true`/`false`, `null` an empty cell, nested arrays and objects their
/// JSON text.
final class JSONRecordSource: RecordSource {
  let name: String
  let numbers: NumberFormat
  let columns: [String]?
  var binding: ColumnBinding?
  private let reader: JSONRecordReader
  /// Whether the records come from standard input, which is read once, in order.
  private let isStandardInput: Bool

  /// Opens `path`; for a file (not standard input), reads ahead to its first good record for the
  /// columns.
  init(path: String, layout: JSONRecordReader.Layout, numbers: NumberFormat) throws(RunFailure) {
    self.numbers = numbers
    isStandardInput = path == "-"
    do {
      let source = try ByteSource(path: path)
      // PowerShell writes JSON in UTF-16: its records were "expected '['" at a `[`, or one row
      // error a line, for files and standard input alike.
      guard !source.startsLikeUTF16 else {
        throw RunFailure(
          .data, "\(source.name) is UTF-16 text; JSON data is read as UTF-8",
          hint: "save it as UTF-8 (in PowerShell: Out-File -Encoding utf8), or export CSV, whose encoding is detected")
      }
      name = source.name
      reader = JSONRecordReader(source: source, layout: layout)
      columns = path == "-" ? nil : try JSONRecordSource.peekColumns(path: path, layout: layout)
    } catch let error as DataReadError {
      throw SourceOpener.failure(path, error)
    } catch let failure as RunFailure {
      throw failure
    } catch {
      throw RunFailure(.data, located: "\(path): \(error)")
    }
  }

  /// How many well-formed records are read ahead for the columns.
  static let peekedRecords = 1000
  /// The most bytes of standard input's records held while its columns are found: records may
  /// be large (up to 16 MiB each), and a thousand of them must not fill the memory.
  static let heldBytes = 64 << 20

  /// Thrown to stop reading ahead once enough records were read.
  private struct PeekedEnough: Error {}

  /// The keys of the first ``peekedRecords`` well-formed records, each once, in the order they
  /// first appear; `nil` when there is no well-formed record.
  ///
  /// A file that breaks off before that many records (a trailing comma, a missing `]`) gives the
  /// keys of the records before the break: they are read, and the break reported, when the file
  /// is read for its rows, as for a longer file. Only a break before any record is thrown.
  private static func peekColumns(path: String, layout: JSONRecordReader.Layout) throws -> [String]? {
    let reader = JSONRecordReader(source: try ByteSource(path: path), layout: layout)
    var keys: [String] = []
    var seen: Set<String> = []
    var records = 0
    do {
      try reader.forEachRecord { _, members in
        for member in members where seen.insert(member.key).inserted { keys.append(member.key) }
        records += 1
        if records == peekedRecords { throw PeekedEnough() }
      } onError: { _ in
      }
    } catch is PeekedEnough {
    } catch let error as DataReadError {
      guard records > 0 else { throw error }
    }
    return records == 0 ? nil : keys
  }

  func forEachRow(_ row: RowBuffer, binder: ColumnBinder, _ body: (RowBuffer) throws -> Void) throws {
    var reading = binding.map { JSONRowReading(binding: $0, slots: row.slotCount) }
    defer { row.bytes = nil }
    // Standard input, which cannot be read ahead: its first records are held, in order with the
    // errors among them, until their keys give the columns, as a file's are found by reading
    // ahead (a key the first record leaves out, an API omitting nulls, was "no column").
    var held = HeldRecords()
    defer { held.free() }
    let bind = { (keys: [String]) throws -> JSONRowReading in
      let bound = try binder.bind(keys, source: self.name, numbers: self.numbers, jsonNumbers: true)
      self.binding = bound
      return JSONRowReading(binding: bound, slots: row.slotCount)
    }
    // Standard input that breaks off while its first records are held: they are still read, as
    // a file's records before its break are, and the break is reported after them.
    var broken: DataReadError?
    do {
      try readRecords(into: row, reading: &reading, held: &held, bind: bind, body)
    } catch let error as DataReadError {
      broken = error
    }
    // A break before any record (not JSON at all, an empty input, a wrapper object) is what a
    // file's is: the data could not be read, exit 2, and nothing recorded in a history; not an
    // empty report of a file "not read to the end".
    if let broken, reading == nil, held.isEmpty {
      throw SourceOpener.failure("-", broken)
    }
    if reading == nil { _ = try held.replay(into: row, reading: held.records > 0 ? try bind(held.keys) : nil, body) }
    if let broken { throw broken }
  }

  /// Reads every record into `row` with `reading`, holding the first ones in `held` while there
  /// is no `reading` yet, until `bind` makes one of their keys.
  private func readRecords(
    into row: RowBuffer, reading: inout JSONRowReading?, held: inout HeldRecords,
    bind: ([String]) throws -> JSONRowReading, _ body: (RowBuffer) throws -> Void
  ) throws {
    try reader.forEachRecordText { record in
      if reading == nil {
        do throws(DataReadError) {
          let keys = try record.members().map(\.key)
          held.add(record.copied(), keys: keys)
        } catch {
          held.add(record.explaining(error))
        }
        guard held.records == JSONRecordSource.peekedRecords || held.bytes >= JSONRecordSource.heldBytes else { return }
        reading = try held.replay(into: row, reading: try bind(held.keys), body)
        return
      }
      try reading?.read(record, into: row, body)
    } onError: { error in
      if reading == nil { return held.add(error) }
      try JSONRowReading.report(error, into: row, body)
    }
  }

  /// Standard input's first records, copied, and the errors among them, in file order; and the
  /// keys of the records, each once, in the order they first appear.
  private struct HeldRecords {
    private var items: [Result<JSONRecordText, DataReadError>] = []
    private(set) var keys: [String] = []
    private var seen: Set<String> = []
    private(set) var records = 0
    private(set) var bytes = 0

    mutating func add(_ record: JSONRecordText, keys recordKeys: [String]) {
      items.append(.success(record))
      records += 1
      bytes += record.byteCount
      for key in recordKeys where seen.insert(key).inserted { keys.append(key) }
    }

    mutating func add(_ error: DataReadError) { items.append(.failure(error)) }

    /// Whether nothing is held: no record, and no error of one.
    var isEmpty: Bool { items.isEmpty }

    /// Hands the held records to `body` read with `reading` (errors only, without one: no record
    /// was well-formed), frees them, and returns `reading` for the records after them.
    mutating func replay(
      into row: RowBuffer, reading: JSONRowReading?, _ body: (RowBuffer) throws -> Void
    ) throws -> JSONRowReading? {
      defer { free() }
      for item in items {
        switch item {
        case .success(let record): try reading?.read(record, into: row, body)
        case .failure(let error): try JSONRowReading.report(error, into: row, body)
        }
      }
      return reading
    }

    /// Frees the copies of the records still held.
    mutating func free() {
      for case .success(let record) in items { record.deallocateCopy() }
      items = []
    }
  }

  /// Whether the records can be read by several threads, each a part of the file: JSON Lines
  /// from a file whose columns are known, so that every part reads the same keys.
  var splitsIntoLines: Bool { reader.layout == .lines && !isStandardInput && binding != nil }

  /// Calls `body` with each line of a JSON Lines file that is not blank, and its number, and
  /// `onError` for each line too long to read (see ``JSONRecordReader/forEachLine(_:onError:)``).
  func forEachLine(
    _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void, onError: (DataReadError) throws -> Void
  ) throws {
    try reader.forEachLine(body, onError: onError)
  }
}
