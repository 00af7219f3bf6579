import Testing

@testable import Verdict

/// Cells in exponent notation (`CellReader+Exponents.swift`): in a CSV cell or a typed value
/// they are never numbers, whatever the size of the exponent, and the hint says so with the
/// number written out in full, or why that would be refused too; a JSON file's cells
/// (``CellFormat/readsJSONNumbers``) keep the JSON number's own message.
struct ExponentCellTests {
  /// The error for `cell` in a field of `type`, read as `reader` reads with `numbers`.
  static func error(
    _ cell: String, _ type: ValueType, unit: TimeSpan.Unit? = nil, numbers: NumberFormat = .point,
    reader: CellReader = CellReader(), jsonNumbers: Bool = false
  ) -> CellError? {
    var format = CellFormat(FieldInfo(name: "f", type: type), numbers: numbers)
    format.durationUnit = unit
    format.currency = type == .money ? .euro : nil
    format.readsJSONNumbers = jsonNumbers
    var text = cell
    guard case .failure(let error) = text.withUTF8({ reader.read($0, as: format) }) else { return nil }
    return error
  }

  static let refused = "exponent notation is not read in CSV cells"

  /// `1e400` was "too large", with a hint that numbers are exact up to 28 digits, as if its
  /// exponent were read; `1e4` was "not a number". Both are not numbers now, and so is every
  /// size between and past them.
  @Test(arguments: [
    (
      "1e400",
      "\(refused), and written out in full this number has 401 digits before the point: "
        + "too many to be read exactly"
    ),
    ("-1e-400", "\(refused), and written out in full this number has 400 decimal places: too many to be read exactly"),
    (
      "1e99999999999",
      "\(refused), and written out in full this number has a billion or more digits before the "
        + "point: too many to be read exactly"
    ),
    ("1E5", "\(refused): write the number out in full, as 100000"),
    ("-2.5e3", "\(refused): write the number out in full, as -2500"),
    ("+1.5E-3", "\(refused): write the number out in full, as 0.0015"),
    ("0e7", "\(refused): write the number out in full, as 0"),
    ("1e27", "\(refused): write the number out in full, as 1" + String(repeating: "0", count: 27)),
    (
      "1e28",
      "\(refused), and written out in full this number has 29 digits before the point: "
        + "too many to be read exactly"
    ),
  ])
  func aNumberCellWithAnExponentIsNotANumber(cell: String, hint: String) {
    let error = Self.error(cell, .number)
    #expect(error?.message == "\"\(cell)\" is not a number")
    #expect(error?.hint == hint)
  }

  /// Without a mantissa or an exponent's digits a cell is no number in any notation, and its
  /// error says nothing of exponents, where one in exponent notation says why it is refused.
  @Test(arguments: ["1e", "e5", "1e+", ".e5", "1e5x", "1,234e5"])
  func onlyExponentNotationIsToldAboutExponents(cell: String) {
    #expect(Self.error(cell, .number) == CellError(message: "\"\(cell)\" is not a number", hint: nil))
    #expect(Self.error("1e5", .number)?.hint == "\(Self.refused): write the number out in full, as 100000")
  }

  /// Money, durations and percents are refused alike, and the hint says what the written-out
  /// number is for the field: read, or refused for another reason.
  @Test func otherNumericFieldsSayWhatTheNumberWrittenOutWouldBe() {
    #expect(
      Self.error("2.5E3", .money)
        == CellError(
          message: "\"2.5E3\" is not money", hint: "\(Self.refused): write the number out in full, as 2500"))
    #expect(
      Self.error("1e20", .money)?.hint
        == "\(Self.refused), and written out in full it is refused too: \"100000000000000000000\" is too large "
        + "for money; money holds amounts up to 922,337,203,685,477 in any currency")
    #expect(
      Self.error("1e1", .duration, unit: .day)
        == CellError(message: "\"1e1\" is not a duration", hint: "\(Self.refused): write the number out in full, as 10")
    )
    #expect(
      Self.error("1e1", .duration)?.hint
        == "\(Self.refused), and written out in full it is refused too: \"10\" is not a duration; "
        + "a bare number is not a duration: write 10d, or declare the field 'in days'")
    #expect(
      Self.error("1.5e-3", .duration, unit: .day)?.hint
        == "\(Self.refused), and written out in full it is refused too: \"0.0015\" is not a whole number of "
        + "seconds; durations are kept to the whole second: round the value to whole seconds")
    #expect(
      Self.error("2e1 %", .percent)
        == CellError(
          message: "\"2e1 %\" is not a percent", hint: "\(Self.refused): write the number out in full, as 20"))
    #expect(Self.error("1e400", .money)?.message == "\"1e400\" is not money")
  }

  /// The number written out uses the column's decimal mark; a cell whose mark is not the
  /// column's is no exponent notation there.
  @Test func theWrittenOutNumberUsesTheColumnsDecimalMark() {
    #expect(
      Self.error("2,5e-2", .number, numbers: .comma)?.hint == "\(Self.refused): write the number out in full, as 0,025")
    #expect(Self.error("2.5e-2", .number, numbers: .comma)?.hint == nil)
    #expect(
      Self.error("2,5e2", .number, numbers: .undecided)?.hint == "\(Self.refused): write the number out in full, as 250"
    )
  }

  /// A value typed by hand (`--set`, `:set`) is not a CSV cell: its hint says so.
  @Test func aTypedValueSaysItIsTyped() {
    #expect(
      Self.error("1e5", .number, reader: .typedValues)?.hint
        == "exponent notation is not read in a value typed by hand: write the number out in full, as 100000")
    // A client given to the C interface as JSON: its string "1e2" is a JSON string, not typed.
    #expect(
      Self.error("1e2", .number, reader: .jsonValues)?.hint
        == "exponent notation is not read in JSON strings: write the number out in full, as 100")
  }

  /// A JSON file's cells keep the message of a JSON number past a decimal, which is a number
  /// there (one that a decimal holds was written out by the JSON reader and never comes here),
  /// where a CSV cell's exponent is not read at all.
  @Test func onlyAJSONNumberPastADecimalIsTooLarge() {
    #expect(
      Self.error("1e400", .number, jsonNumbers: true)
        == CellError(
          message: "\"1e400\" is too large: a number has at most 28 digits before the point",
          hint: "numbers are exact up to 9,999,999,999,999,999,999,999,999,999; they are never rounded"))
    #expect(Self.error("1e400", .number)?.message == "\"1e400\" is not a number")
  }

  /// A JSON string with an exponent that a decimal holds (`"1.0e2"`), which the JSON reader
  /// leaves as written, is refused as a CSV cell is; it was "not a number" without a hint.
  @Test func aJSONStringWithAnExponentSaysHowToWriteIt() {
    #expect(
      Self.error("1.0e2", .number, jsonNumbers: true)
        == CellError(
          message: "\"1.0e2\" is not a number",
          hint: "exponent notation is not read in JSON strings: write the number out in full, as 100"))
    #expect(
      Self.error("2.5E3", .money, jsonNumbers: true)?.hint
        == "exponent notation is not read in JSON strings: write the number out in full, as 2500")
  }
}
