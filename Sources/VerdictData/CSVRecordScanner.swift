/// The byte-level state machine behind `CSVReader`.
///
/// `attempt()` parses one record starting at `window.start` using only the bytes already in
/// the window, recording each field as a buffer pointer into the window (plain fields) or into
/// `scratch` (quoted fields with `""` escapes). When the record runs past the buffered bytes it
/// gives up without side effects; `next()` then refills the window and parses the record again
/// from its start. Re-parsing happens only at chunk boundaries, so its cost is negligible.
/// `next()` tries `attemptUnquoted()` first, the common record without quotes split eight bytes
/// at a time, and leaves every other record to `attempt()`.
///
/// `scratch` is always at least as large as the window, and a record's unescaped bytes never
/// outnumber its raw bytes, so the scratch buffer never moves while a record is being built.
final class CSVRecordScanner {
  /// The result of reading one record.
  enum Outcome {
    /// A record whose `count` fields are in `fields`.
    case record(line: Int, count: Int)
    /// An empty line (a line break with nothing before it).
    case blank(line: Int)
    /// No bytes left.
    case endOfInput
  }

  /// The result of one parse attempt over the buffered bytes.
  enum Attempt {
    case complete(count: Int)
    case blank
    case needMore(openQuoteLine: Int)
    case unterminatedQuote(line: Int, column: Int)
    case tooManyFields
  }

  // Computed, not stored: stored statics are lazily initialized and checked on every access.
  @inline(__always) static var quote: UInt8 { 0x22 }
  @inline(__always) static var lineFeed: UInt8 { 0x0A }
  @inline(__always) static var carriageReturn: UInt8 { 0x0D }

  /// The most fields one record may have, which bounds the field table at 1 MiB.
  static let maxFieldsPerRecord = 1 << 16

  let window: ChunkWindow
  /// The field separator; set once the dialect is known.
  var separator: UInt8
  /// The physical line of `window.start`.
  var line = 1
  /// The fields of the last record returned by `next()`.
  private(set) var fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
  private(set) var fieldCapacity = 64
  /// The bytes of the last record returned by `next()`, from its first byte to the end of its
  /// last field, when every field lies within them (none was unescaped into `scratch`).
  var recordBytes: UnsafeBufferPointer<UInt8>?
  /// The first quote out of place in the last record returned by `next()`, as
  /// ``CSVQuoteFlaw/code``, or -1.
  var flaw = -1
  /// Unescaped bytes of quoted fields that contained `""` or text after the closing quote.
  private(set) var scratch: UnsafeMutablePointer<UInt8>
  private var scratchCapacity: Int

  init(window: ChunkWindow, separator: UInt8) {
    self.window = window
    self.separator = separator
    self.fields = .allocate(capacity: fieldCapacity)
    self.scratchCapacity = window.capacity
    self.scratch = .allocate(capacity: scratchCapacity)
  }

  deinit {
    fields.deallocate()
    scratch.deallocate()
  }

  /// Reads the next record, refilling the window as needed.
  func next() throws(DataReadError) -> Outcome {
    while true {
      if window.available == 0 {
        if window.isAtEndOfInput {
          return .endOfInput
        }
        _ = try window.refill()
        continue
      }
      let recordLine = line
      switch attemptUnquoted() ?? attempt() {
      case .complete(let count):
        return .record(line: recordLine, count: count)
      case .blank:
        return .blank(line: recordLine)
      case .needMore(let openQuoteLine):
        guard try window.refill() else {
          throw recordTooLong(line: recordLine, openQuoteLine: openQuoteLine)
        }
        if scratchCapacity < window.capacity {
          scratch.deallocate()
          scratchCapacity = window.capacity
          scratch = .allocate(capacity: scratchCapacity)
        }
      case .tooManyFields:
        throw DataReadError(
          line: recordLine, column: 0,
          message: "record has more than \(Self.maxFieldsPerRecord) fields",
          hint: "check the separator; this does not look like a table")
      case .unterminatedQuote(let quoteLine, let column):
        window.start = window.end
        throw DataReadError(
          line: quoteLine, column: column, message: "unterminated quoted field",
          hint: "the quote opened here is never closed; write a quote inside a quoted field as \"\""
        )
      }
    }
  }

  private func recordTooLong(line recordLine: Int, openQuoteLine: Int) -> DataReadError {
    let limit = "\(window.maxCapacity >> 20) MiB"
    if openQuoteLine > 0 {
      return DataReadError(
        line: openQuoteLine, column: 0, message: "quoted field runs on for more than \(limit)",
        hint: "a quote opened on this line is probably never closed")
    }
    return DataReadError(
      line: recordLine, column: 0, message: "record is longer than \(limit)",
      hint: "check that this is a text CSV file with line breaks")
  }

  /// Doubles the field array, keeping the fields recorded so far.
  func growFields() {
    let grown = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(
      capacity: fieldCapacity * 2)
    grown.moveInitialize(from: fields, count: fieldCapacity)
    fields.deallocate()
    fields = grown
    fieldCapacity *= 2
  }
}
