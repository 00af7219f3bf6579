import Testing

@testable import Verdict

/// A message quotes at most a cell's first 40 characters: a cell of megabytes (digits run
/// together, a document pasted into one cell) was quoted whole by the errors for numbers past
/// what is kept, money past its places and text that is not UTF-8, on standard error and again
/// in the report, once for each such cell.
struct LongCellMessageTests {
  /// The error for `cell` in a field of `type` (money in EUR).
  static func error(_ cell: [UInt8], _ type: ValueType) -> CellError? {
    var format = CellFormat(FieldInfo(name: "f", type: type))
    format.currency = type == .money ? .euro : nil
    guard case .failure(let error) = cell.withUnsafeBufferPointer({ CellReader().read($0, as: format) }) else {
      return nil
    }
    return error
  }

  static let digits = [UInt8](repeating: UInt8(ascii: "1"), count: 1_000_000)
  static let shown = "\"" + String(repeating: "1", count: 40) + "…\""

  @Test func aLongCellIsQuotedByItsFirstFortyCharacters() {
    #expect(
      Self.error(Self.digits, .number)?.message
        == "\(Self.shown) is too large: a number has at most 28 digits before the point")
    #expect(Self.error(Self.digits, .money)?.message == "\(Self.shown) is too large to be read exactly")
    #expect(Self.error(Self.digits + [0xFF], .text)?.message == "\(Self.shown) is not valid UTF-8 text")
    let places = Array("0.".utf8) + Self.digits
    #expect(Self.error(places, .money)?.message.hasPrefix("\"0.11111111111111111111111111111111111111…\" ") == true)
  }

  /// Up to 40 characters, also of several bytes each, a cell is quoted whole.
  @Test func aShortCellIsQuotedWhole() {
    let cell = String(repeating: "€", count: 40)
    #expect(Self.error(Array(cell.utf8), .number)?.message == "\"\(cell)\" is not a number")
    let longer = String(repeating: "€", count: 41)
    #expect(Self.error(Array(longer.utf8), .number)?.message == "\"\(cell)…\" is not a number")
  }
}
