/// One CSV record, handed to the `CSVReader.forEachRecord` callback.
///
/// The field bytes point into the reader's buffers and are valid only during the callback.
/// The type is non-copyable so the record itself cannot be stored or returned; do not keep
/// the buffers from `subscript` either — copy what you need (for example with `string(_:)`).
package struct CSVRecord: ~Copyable {
  /// Where the record starts in the file.
  package let position: RecordPosition

  /// The number of fields in this record.
  ///
  /// Rows are not padded or cut to the header's width: a ragged row reports its own count,
  /// so the caller can flag it. A blank line in the middle of a file is one empty field.
  package let count: Int

  /// The record's bytes from its first byte to the end of its last field, when every field's
  /// buffer lies within them (no field was unescaped elsewhere); `nil` otherwise. Lets a caller
  /// copy the record in one piece and find each field at its offset from the start.
  package let bytes: UnsafeBufferPointer<UInt8>?

  /// The first field whose quotes are out of place, or `nil`: the fields are read as documented
  /// all the same (`ab"c` as `ab"c`, `"ab"c` as `abc`), but such a record may have been split
  /// where its writer did not mean it to be, so a caller that must not read a cell from the
  /// wrong column refuses it.
  package var quoteFlaw: CSVQuoteFlaw? { flawCode < 0 ? nil : CSVQuoteFlaw(code: flawCode) }

  /// Whether a quote is out of place: ``quoteFlaw`` is not `nil` (cheaper to ask).
  package var hasQuoteFlaw: Bool { flawCode >= 0 }

  private let fields: UnsafePointer<UnsafeBufferPointer<UInt8>>
  /// ``quoteFlaw`` as ``CSVQuoteFlaw/code``, or -1.
  private let flawCode: Int

  init(
    position: RecordPosition, count: Int, fields: UnsafePointer<UnsafeBufferPointer<UInt8>>,
    bytes: UnsafeBufferPointer<UInt8>? = nil, flawCode: Int = -1
  ) {
    self.position = position
    self.count = count
    self.fields = fields
    self.bytes = bytes
    self.flawCode = flawCode
  }

  /// The unescaped bytes of field `index`: without surrounding quotes, with `""` turned into `"`.
  ///
  /// An empty cell is an empty buffer. An index outside `0..<count` (a short, ragged row) also
  /// gives an empty buffer rather than trapping; compare `count` with the header to tell them apart.
  package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < count else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return fields[index]
  }

  /// Copies field `columns[i]` of the record to `cells[i]` for each `i` (an empty buffer where
  /// the index is outside `0..<count`): what `subscript` gives, for a whole row in one call, as a
  /// batch reader binding columns to slots reads millions of rows.
  package func gather(
    _ columns: UnsafeBufferPointer<Int>, into cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
  ) {
    let count = self.count
    for slot in 0..<min(columns.count, cells.count) {
      let index = columns[slot]
      cells[slot] = index >= 0 && index < count ? fields[index] : UnsafeBufferPointer(start: nil, count: 0)
    }
  }

  /// The record's field table, `count` fields: what `subscript` reads, for a caller that turns
  /// fields into offsets in ``bytes`` itself rather than copying them out one by one first.
  /// Valid only during the callback, as the fields are.
  package var fieldTable: UnsafePointer<UnsafeBufferPointer<UInt8>> { fields }

  /// Field `index` as a new `String` (allocates; invalid UTF-8 is repaired with U+FFFD).
  package func string(_ index: Int) -> String {
    String(decoding: self[index], as: UTF8.self)
  }

  /// All fields as new strings (allocates; meant for tests, headers and error messages).
  package func strings() -> [String] {
    (0..<count).map { string($0) }
  }

  /// True when field `index` holds exactly the bytes of `text` (no allocation).
  package func field(_ index: Int, equals text: StaticString) -> Bool {
    let field = self[index]
    return text.withUTF8Buffer { expected in
      field.count == expected.count && field.elementsEqual(expected)
    }
  }
}

/// A quote out of place in a CSV record: RFC 4180 allows a quote only as the first byte of a
/// field, doubled inside a quoted field, and as its closing quote right before the separator or
/// the line break. A flaw usually means a quote or a separator was lost or added, and that the
/// record's fields are not the columns its writer meant.
package struct CSVQuoteFlaw: Sendable, Equatable, Hashable {
  /// How the quote is out of place.
  package enum Kind: Sendable, Equatable, Hashable {
    /// A quote inside a field that does not start with one: `ab"c`.
    case quoteInUnquotedField
    /// Something other than spaces between a quoted field's closing quote and the separator:
    /// `"ab"c`.
    case textAfterClosingQuote
  }

  /// The 0-based field.
  package var field: Int
  /// How the quote is out of place.
  package var kind: Kind

  /// Creates a flaw in field `field`.
  package init(field: Int, kind: Kind) {
    self.field = field
    self.kind = kind
  }

  /// The flaw as one number, as the scanner keeps it: the field times two, plus one for text
  /// after a closing quote.
  var code: Int {
    switch kind {
    case .quoteInUnquotedField: field << 1
    case .textAfterClosingQuote: field << 1 | 1
    }
  }

  /// The flaw a ``code`` stands for.
  init(code: Int) {
    self.init(field: code >> 1, kind: code & 1 == 0 ? .quoteInUnquotedField : .textAfterClosingQuote)
  }
}
