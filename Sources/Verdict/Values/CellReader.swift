/// Reads the text of a data cell (a CSV field, a JSON string, a `--set` value) as a value for a
/// field, working on UTF-8 bytes so that a batch runner need not make a `String` per cell.
///
/// A field's type decides how its cells are read; an undeclared field whose use did not reveal
/// its type takes the type its text shows (`45d` a duration, `45` a number, `2026-01-31` a date,
/// anything else text). Empty cells are missing.
package struct CellReader: Sendable {
  /// How numbers are written in the cells ``read(_:for:)`` reads: `1,234.56` by default.
  package var numbers: NumberFormat

  /// Whether the cells are values typed by hand (`--set`, `:set`): they have no column whose
  /// other cells could tell their decimal mark, so the hint for one with two readings is not
  /// `--decimal`.
  package private(set) var readsTypedValues = false

  /// Whether the values may be JSON number tokens (a client given to the C interface as JSON):
  /// each field's cells are then read as ``CellFormat/readsJSONNumbers`` says.
  package private(set) var readsJSONNumbers = false

  /// Creates a reader.
  package init(numbers: NumberFormat = .point) {
    self.numbers = numbers
  }

  /// A reader of values typed by hand, read as `verdict run` reads a cell whose column says
  /// nothing of its decimal mark: `1.25` and `1.234,50` have one reading, `10.000` and `1,250`
  /// two, and are refused rather than guessed.
  package static let typedValues: CellReader = {
    var reader = CellReader(numbers: .undecided)
    reader.readsTypedValues = true
    return reader
  }()

  /// A reader of a client's values given as a JSON object (the C interface): read as
  /// ``typedValues`` are, but a number with an exponent is a JSON number, refused only for its
  /// size, as in a JSON data file.
  package static let jsonValues: CellReader = {
    var reader = typedValues
    reader.readsJSONNumbers = true
    return reader
  }()

  /// A value typed by hand (`eval --set field=value`, the REPL's `:set field = value`) as the
  /// text of its cell: without the spaces and tabs around it, which a data file's cell is read
  /// without too (``CellScanner/isSpace(_:)``), and with every other character kept, a no-break
  /// space included: `\u{A0}300,00\u{A0}` is then money, as in a European export, and not a
  /// number, as a file's cell is not. The one rule both commands trim by, so that a value typed
  /// in either means the same.
  package static func typedCell(_ typed: some StringProtocol) -> String {
    let scalars = Substring(typed).unicodeScalars
    let isSpace = { (scalar: Unicode.Scalar) in scalar.isASCII && CellScanner.isSpace(UInt8(scalar.value)) }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(Substring(scalars[first...last]))
  }

  /// Reads a cell's text as a value of `field`.
  package func read(_ text: String, for field: FieldInfo) -> Result<Value, CellError> {
    var text = text
    return text.withUTF8 { read($0, for: field) }
  }

  /// Reads a cell's bytes as a value of `field`.
  package func read(_ bytes: UnsafeBufferPointer<UInt8>, for field: FieldInfo) -> Result<Value, CellError> {
    var format = CellFormat(field, numbers: numbers)
    format.readsJSONNumbers = readsJSONNumbers
    return read(bytes, as: format)
  }

  /// Reads a cell's bytes in a field's format: the same as `read(_:for:)`
  /// without copying the field's name, for readers that convert millions of cells.
  package func read(_ bytes: UnsafeBufferPointer<UInt8>, as field: CellFormat) -> Result<Value, CellError> {
    var cell = CellScanner(bytes: bytes, numbers: field.numbers)
    cell.trim()
    if let value = value(of: cell, as: field) { return .success(value) }
    return .failure(mismatch(cell, field))
  }

  /// Reads a cell's bytes in a field's format into `value`, which must be initialized: the same
  /// as `read(_:as:)` without wrapping the value in a `Result`, for readers that convert millions
  /// of cells. On a bad cell `value` becomes missing and the error is returned.
  package func read(
    _ bytes: UnsafeBufferPointer<UInt8>, as field: CellFormat, into value: UnsafeMutablePointer<Value>
  ) -> CellError? {
    var cell = CellScanner(bytes: bytes, numbers: field.numbers)
    cell.trim()
    if let read = self.value(of: cell, as: field) {
      value.pointee = read
      return nil
    }
    value.pointee = .missing
    return mismatch(cell, field)
  }

  /// The value of a trimmed cell (missing when it is empty), or `nil` when it does not fit.
  @inline(__always)
  func value(of cell: CellScanner, as field: CellFormat) -> Value? {
    if cell.isEmpty { return .missing }
    guard let type = field.type else { return cell.inferValue() }
    switch type {
    case .text: return cell.validText.map { .text($0) }
    case .bool: return cell.bool().map { .bool($0) }
    case .number: return cell.number()
    case .date: return cell.date(format: field.dateFormat).map { .date($0) }
    case .percent: return cell.percent().map { .percent($0) }
    case .duration: return cell.duration(bareUnit: field.durationUnit).map { .duration($0) }
    case .money: return cell.money(defaultCurrency: field.currency).map { .money($0) } ?? wholeUnits(cell, field)
    case .list: return cell.list().map { .list($0) }
    }
  }

  /// A money cell of two readings in a currency without a minor unit, where the column's decimal
  /// mark is not known (standard input, a cell past the rows sampled): read with the mark it does
  /// not show (``NumberFormat/wholeUnitsMark(ofAmbiguous:)``), as a file's sample decides its
  /// column (``DecimalMarkTally``); `nil` for any other cell. Out of line: only a cell that did
  /// not read comes here.
  @inline(never)
  func wholeUnits(_ cell: CellScanner, _ field: CellFormat) -> Value? {
    guard field.currency?.hasNoMinorUnit == true, cell.hasAmbiguousNumber() else { return nil }
    let bytes = UnsafeBufferPointer(rebasing: cell.bytes[cell.start..<cell.end])
    let marked = CellScanner(
      bytes: bytes,
      numbers: NumberFormat(decimalMark: NumberFormat.wholeUnitsMark(ofAmbiguous: bytes), grouping: .any))
    return marked.money(defaultCurrency: field.currency).map { .money($0) }
  }

  /// What is wrong with a trimmed cell that ``value(of:as:)`` could not read.
  func mismatch(_ cell: CellScanner, _ field: CellFormat) -> CellError {
    // Cells of text fail only when they are not valid UTF-8, and so do those of undeclared
    // fields but for numbers the format cannot settle.
    guard let type = field.type else {
      guard cell.isNumberOfAnotherReading else { return CellReader.invalidText(cell) }
      if cell.hasAmbiguousNumber() { return twoReadings(cell) }
      let (column, written) = cell.numbers.decimalMark == .point ? ("point", "comma") : ("comma", "point")
      return CellError(
        message: "\(cell.quoted) is a number written with a decimal \(written), "
          + "where the column's numbers have a decimal \(column)",
        hint: "say how the column writes numbers: --decimal \(written == "comma" ? "," : ".")")
    }
    if type.isNumeric, field.readsJSONNumbers, let number = cell.exponentNumber(), number.isPastADecimal {
      return CellReader.pastADecimal(cell, number, type)
    }
    // A JSON number token reaches here with its exponent only when past a decimal (above): any
    // other cell with one is a CSV cell or a JSON string.
    if type.isNumeric, let notation = cell.exponentNotation(percent: type == .percent) {
      return exponentRefused(cell, notation, field)
    }
    if type == .number || type == .percent,
      cell.digitCount > DecimalNumber.maximumDigits || CellReader.readsAsDigits(cell, type)
    {
      // Past what a decimal keeps: refused, since it would have to be rounded.
      let whole = cell.wholeDigitCount ?? 0
      return CellReader.pastADecimal(cell.quoted, tooLarge: whole > DecimalNumber.maximumDigits)
    }
    if type == .money, let (amount, _) = cell.moneyAmount(defaultCurrency: field.currency) {
      // The cell is written as money; only its size or precision is out of range.
      let places = amount.placesWithoutTrailingZeros
      if places > 4 { return CellReader.moneyPlaces(cell.quoted, places) }
      return CellError(
        message: "\(cell.quoted) is too large for money",
        hint: "money holds amounts up to 922,337,203,685,477 in any currency")
    }
    if type == .duration, let (number, unit) = cell.durationParts(bareUnit: field.durationUnit) {
      // The cell is written as a duration; only its size or precision is out of range.
      let seconds = ExactScaling.inUnits(
        magnitude: number.wideMantissa, negative: number.negative, places: number.fractionDigits, unit: unit.seconds)
      if seconds == .notWhole { return CellReader.notWholeSeconds(cell.quoted) }
      return CellReader.tooLargeToReadExactly(cell.quoted, type)
    }
    if type == .money || type == .duration, cell.digitCount >= 19 {
      // A number of 19 digits or more that did not read is past what is kept exactly.
      return CellReader.tooLargeToReadExactly(cell.quoted, type)
    }
    if type.isNumeric, cell.hasAmbiguousNumber(), readsWithAMark(cell, field) { return twoReadings(cell) }
    if type != .text, let placeholder = CellReader.placeholder(cell, type) { return placeholder }
    switch type {
    case .text: return CellReader.invalidText(cell)
    case .bool: return cell.mismatch("true or false", hint: "write true or false (yes/no and 1/0 also work)")
    case .number:
      return nearMiss(cell, field, expected: "a number") ?? debitCreditMark(cell, field, expected: "a number")
        ?? CellReader.percentInNumber(cell) ?? cell.mismatch("a number")
    case .date: return cell.dateMismatch(format: field.dateFormat)
    case .percent:
      return nearMiss(cell, field, expected: "a percent")
        ?? cell.mismatch("a percent", hint: "write 20% (a bare 20 also means 20%)")
    case .duration:
      return CellReader.bareDuration(cell, field) ?? cell.twoPartClockHint.map { cell.mismatch("a duration", hint: $0) }
        ?? cell.minutesOrMonthsHint.map { cell.mismatch("a duration", hint: $0, kind: "m alone") }
        ?? cell.mismatch("a duration", hint: "write durations as 45d, 12h, 2w or 90min")
    case .money:
      return nearMiss(cell, field, expected: "money") ?? debitCreditMark(cell, field, expected: "money")
        ?? currencyWrittenAnotherWay(cell, field) ?? CellReader.bareMoney(cell, field)
        ?? cell.mismatch("money", hint: CellReader.moneyForms(cell, field), kind: "money's forms")
    case .list:
      return cell.mismatch(
        "a list",
        hint: "a list in data is a JSON array of texts, of numbers or of true and false, one kind in each: "
          + "[\"vip\", \"slow payer\"]")
    }
  }

  /// What is wrong with `cell`, a number with an exponent that written out has more digits before
  /// or after the point than a decimal keeps (`1e400`, `-1e-400`, as JSON may write them): what
  /// is wrong with the number written out, for a field of `type`, quoting the cell as written.
  private static func pastADecimal(_ cell: CellScanner, _ number: ExponentNumber, _ type: ValueType) -> CellError {
    let quoted = cell.quoted
    let large = number.wholeDigits > DecimalNumber.maximumDigits
    switch type {
    case .money: return large ? tooLargeToReadExactly(quoted, type) : moneyPlaces(quoted, number.places)
    case .duration: return large ? tooLargeToReadExactly(quoted, type) : notWholeSeconds(quoted)
    case .number, .percent, .bool, .date, .text, .list: return pastADecimal(quoted, tooLarge: large)
    }
  }

  /// A number or percent past what a decimal keeps: refused, since it would have to be rounded.
  private static func pastADecimal(_ quoted: String, tooLarge: Bool) -> CellError {
    tooLarge
      ? CellError(
        message: "\(quoted) is too large: a number has at most 28 digits before the point",
        hint: "numbers are exact up to 9,999,999,999,999,999,999,999,999,999; they are never rounded")
      : CellError(
        message: "\(quoted) has too many digits to be read exactly",
        hint: "numbers are exact to 28 significant digits and 28 decimal places; they are never rounded")
  }

  /// Money with more than 4 decimal places (`places` of them).
  private static func moneyPlaces(_ quoted: String, _ places: Int) -> CellError {
    CellError(
      message: "\(quoted) has \(places) decimal places; money is exact to 4",
      hint: "round the column to at most 4 decimal places in the export, or declare the field a number")
  }

  /// A duration that is not a whole number of seconds.
  private static func notWholeSeconds(_ quoted: String) -> CellError {
    CellError(
      message: "\(quoted) is not a whole number of seconds",
      hint: "durations are kept to the whole second: round the value to whole seconds")
  }

  /// Money or a duration (`type`) past what it keeps exactly.
  private static func tooLargeToReadExactly(_ quoted: String, _ type: ValueType) -> CellError {
    CellError(
      message: "\(quoted) is too large to be read exactly",
      hint: type == .money
        ? "money holds amounts up to 922,337,203,685,477 in any currency"
        : "durations are kept exactly up to 9,223,372,036,854,775,807 seconds")
  }

  /// Whether a number or percent cell reads as digits that only do not fit a decimal (its
  /// reading failed past the digits).
  private static func readsAsDigits(_ cell: CellScanner, _ type: ValueType) -> Bool {
    type == .percent ? cell.percentagePoints() != nil : cell.decimal(cell.start, cell.end) != nil
  }

  private static func invalidText(_ cell: CellScanner) -> CellError {
    CellError(
      message: "\(cell.quoted) is not valid UTF-8 text",
      hint: "the file is not UTF-8 throughout: give its encoding, such as --encoding windows-1252")
  }

  /// Whether `cell`, whose decimal mark is not known, reads in `field` with a decimal point or
  /// with a decimal comma: `¥1,234` reads with neither (the sign is not read), so the mark is not
  /// what is wrong with it.
  private func readsWithAMark(_ cell: CellScanner, _ field: CellFormat) -> Bool {
    [NumberFormat.point, .comma].contains { numbers in
      var format = field
      format.numbers = numbers
      return reads(cell.string, as: format)
    }
  }

  /// The error for a number whose decimal mark the cell does not show and the column does not fix.
  private func twoReadings(_ cell: CellScanner) -> CellError {
    CellError(
      message: "\(cell.quoted) has two readings: its decimal mark is not known",
      hint: readsTypedValues
        ? "write it without a thousands separator and with a decimal point, such as 1250 or 1.25"
        : NumberFormat.decimalMarkHint(example: cell.string, scope: "column"))
  }

  /// Converts a value given by a program (a dictionary entry) to the field's type: a whole number
  /// for a duration field `in days` becomes days, for example.
  package func convert(_ value: Value, for field: FieldInfo) -> Result<Value, CellError> {
    // Text for a field whose type the data decides is a cell like any other: `45d` is a duration.
    // Text for a text field is too: `"pro "` is `pro`, and spaces alone are missing, as in a
    // data file (eval --set and the C library kept them, and `plan == "pro"` failed).
    if field.type == nil || field.type == .text, case .text(let text) = value { return read(text, for: field) }
    guard let type = field.type, value.type != type, !value.isMissing else { return .success(value) }
    switch (type, value) {
    case (.number, .int), (.number, .decimal): return .success(value)
    case (.duration, .int(let count)):
      if let unit = field.durationUnit, case (let seconds, false) = count.multipliedReportingOverflow(by: unit.seconds)
      {
        return .success(.duration(TimeSpan(seconds: seconds)))
      }
    case (.money, .int), (.money, .decimal):
      if field.cellCurrency != nil { return read(value.plainText, for: field) }
    case (_, .text(let text)):
      return read(text, for: field)
    default:
      break
    }
    return .failure(CellError(message: "\(value) is not \(type.described)", hint: nil))
  }
}
