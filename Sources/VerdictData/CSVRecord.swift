/// One CSV record, handed to the `CSVReader.forEachRecord` callback.
///
/// The field bytes point into the reader's buffers and are valid only during the callback.
/// The type is non-copyable so the record itself cannot be stored or returned; do not keep
/// the buffers from `subscript` either — copy what you need (for example with `string(_:)`).
public struct CSVRecord: ~Copyable {
  /// Where the record starts in the file.
  public let position: RecordPosition

  /// The number of fields in this record.
  ///
  /// Rows are not padded or cut to the header's width: a ragged row reports its own count,
  /// so the caller can flag it. A blank line in the middle of a file is one empty field.
  public let count: Int

  /// The record's bytes from its first byte to the end of its last field, when every field's
  /// buffer lies within them (no field was unescaped elsewhere); `nil` otherwise. Lets a caller
  /// copy the record in one piece and find each field at its offset from the start.
  public let bytes: UnsafeBufferPointer<UInt8>?

  private let fields: UnsafePointer<UnsafeBufferPointer<UInt8>>

  init(
    position: RecordPosition, count: Int, fields: UnsafePointer<UnsafeBufferPointer<UInt8>>,
    bytes: UnsafeBufferPointer<UInt8>? = nil
  ) {
    self.position = position
    self.count = count
    self.fields = fields
    self.bytes = bytes
  }

  /// The unescaped bytes of field `index`: without surrounding quotes, with `""` turned into `"`.
  ///
  /// An empty cell is an empty buffer. An index outside `0..<count` (a short, ragged row) also
  /// gives an empty buffer rather than trapping; compare `count` with the header to tell them apart.
  public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < count else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return fields[index]
  }

  /// Field `index` as a new `String` (allocates; invalid UTF-8 is repaired with U+FFFD).
  public func string(_ index: Int) -> String {
    String(decoding: self[index], as: UTF8.self)
  }

  /// All fields as new strings (allocates; meant for tests, headers and error messages).
  public func strings() -> [String] {
    (0..<count).map { string($0) }
  }

  /// True when field `index` holds exactly the bytes of `text` (no allocation).
  public func field(_ index: Int, equals text: StaticString) -> Bool {
    let field = self[index]
    return text.withUTF8Buffer { expected in
      field.count == expected.count && field.elementsEqual(expected)
    }
  }
}
