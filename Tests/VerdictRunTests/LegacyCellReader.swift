// A frozen copy of CellReader and CellScanner as they were before the batch runner's byte-level
// fast paths, so that CellReaderEquivalenceTests can show the new code reads every cell the same.
// Do not edit: it is the reference. (Only its numbers changed with the language's: a fraction is an
// exact decimal, not a `Double`.)
@testable import Verdict

/// Reads the text of a data cell (a CSV field, a JSON string, a `--set` value) as a value for a
/// field, working on UTF-8 bytes so that a batch runner need not make a `String` per cell.
///
/// A field's type decides how its cells are read; an undeclared field whose use did not reveal
/// its type takes the type its text shows (`45d` a duration, `45` a number, `2026-01-31` a date,
/// anything else text). Empty cells are missing.
struct LegacyCellReader: Sendable {
  /// Whether numbers are written `1.234,56` (German exports) rather than `1,234.56`.
  var decimalComma: Bool

  init(decimalComma: Bool = false) {
    self.decimalComma = decimalComma
  }

  /// Reads a cell's text as a value of `field`.
  func read(_ text: String, for field: FieldInfo) -> Result<Value, CellError> {
    var text = text
    return text.withUTF8 { read($0, for: field) }
  }

  /// Reads a cell's bytes as a value of `field`.
  func read(_ bytes: UnsafeBufferPointer<UInt8>, for field: FieldInfo) -> Result<Value, CellError> {
    var cell = LegacyCellScanner(bytes: bytes, decimalComma: decimalComma)
    cell.trim()
    if cell.isEmpty { return .success(.missing) }
    guard let type = field.type else { return .success(cell.inferValue()) }
    switch type {
    case .text: return .success(.text(cell.string))
    case .bool:
      return cell.bool().map { .success(.bool($0)) }
        ?? .failure(cell.mismatch("true or false", hint: "write true or false (yes/no and 1/0 also work)"))
    case .number: return cell.number().map { .success($0) } ?? .failure(cell.mismatch("a number"))
    case .date:
      return cell.date().map { .success(.date($0)) }
        ?? .failure(cell.mismatch("a date", hint: "write dates as 2026-11-28 (or 28.11.2026)"))
    case .percent:
      return cell.percent().map { .success(.percent($0)) }
        ?? .failure(cell.mismatch("a percent", hint: "write 20% (a bare 20 also means 20%)"))
    case .duration:
      if let span = cell.duration(bareUnit: field.durationUnit) { return .success(.duration(span)) }
      let hint =
        field.durationUnit == nil && cell.number() != nil
        ? "a bare number is not a duration: write \(cell.string)d, or declare the field 'in days'"
        : "write durations as 45d, 12h, 2w or 90min"
      return .failure(cell.mismatch("a duration", hint: hint))
    case .money:
      if let money = cell.money(defaultCurrency: field.currency) { return .success(.money(money)) }
      let hint =
        field.currency == nil && cell.number() != nil
        ? "give the currency (\(cell.string) EUR), or declare the field 'in EUR'"
        : "write money as 1200.50, 1200.50 EUR, €1200 or 1200 €"
      return .failure(cell.mismatch("money", hint: hint))
    case .list:
      return .failure(cell.mismatch("a list", hint: "lists cannot come from data cells"))
    }
  }

  /// Converts a value given by a program (a dictionary entry) to the field's type: a whole number
  /// for a duration field `in days` becomes days, for example.
  func convert(_ value: Value, for field: FieldInfo) -> Result<Value, CellError> {
    // Text for a field whose type the data decides is a cell like any other: `45d` is a duration.
    if field.type == nil, case .text(let text) = value { return read(text, for: field) }
    guard let type = field.type, value.type != type, !value.isMissing else { return .success(value) }
    switch (type, value) {
    case (.number, .int), (.number, .decimal): return .success(value)
    case (.duration, .int(let count)):
      if let unit = field.durationUnit, case (let seconds, false) = count.multipliedReportingOverflow(by: unit.seconds)
      {
        return .success(.duration(TimeSpan(seconds: seconds)))
      }
    case (.money, .int), (.money, .decimal):
      if field.currency != nil { return read(value.plainText, for: field) }
    case (_, .text(let text)):
      return read(text, for: field)
    default:
      break
    }
    return .failure(CellError(message: "\(value) is not \(type.described)", hint: nil))
  }
}

/// Scans one cell's bytes for the literal forms data exports use.
struct LegacyCellScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let decimalComma: Bool
  var start = 0
  var end: Int

  init(bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) {
    self.bytes = bytes
    self.decimalComma = decimalComma
    end = bytes.count
  }

  var isEmpty: Bool { start >= end }
  var string: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }

  mutating func trim() {
    while start < end, LegacyCellScanner.isSpace(bytes[start]) { start += 1 }
    while end > start, LegacyCellScanner.isSpace(bytes[end - 1]) { end -= 1 }
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
  }

  func mismatch(_ expected: String, hint: String? = nil) -> CellError {
    var shown = string
    if shown.count > 40 { shown = String(shown.prefix(40)) + "…" }
    return CellError(message: "\(Value.quote(shown)) is not \(expected)", hint: hint)
  }

  // MARK: - Forms

  func bool() -> Bool? {
    switch string.lowercased() {
    case "true", "yes", "y", "1": true
    case "false", "no", "n", "0": false
    default: nil
    }
  }

  /// A plain number: `45`, `-3`, `2.5`, `1,234.56` (or `1.234,56` with a decimal comma).
  func number() -> Value? {
    guard let decimal = decimal(start, end) else { return nil }
    return decimal.value
  }

  /// `20%`, or a bare number of percentage points.
  func percent() -> DecimalNumber? {
    var last = end
    if last > start, bytes[last - 1] == UInt8(ascii: "%") { last -= 1 }
    while last > start, LegacyCellScanner.isSpace(bytes[last - 1]) { last -= 1 }
    guard let decimal = decimal(start, last) else { return nil }
    return decimal.number(shiftingPointLeftBy: 2)
  }

  /// `45d`, `12h`, `90min`, `45 days`, or a bare number in `bareUnit`.
  func duration(bareUnit: TimeSpan.Unit?) -> TimeSpan? {
    var unitStart = end
    while unitStart > start, LegacyCellScanner.isLetter(bytes[unitStart - 1]) { unitStart -= 1 }
    var numberEnd = unitStart
    while numberEnd > start, LegacyCellScanner.isSpace(bytes[numberEnd - 1]) { numberEnd -= 1 }
    let unit: TimeSpan.Unit?
    if unitStart == end {
      unit = bareUnit
    } else {
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[unitStart..<end]), as: UTF8.self).lowercased()
      unit = TimeSpan.Unit(rawValue: name) ?? TimeSpan.Unit(fieldUnit: name) ?? TimeSpan.Unit(fieldUnit: name + "s")
    }
    guard let unit, let decimal = decimal(start, numberEnd) else { return nil }
    return decimal.scaled(by: unit.seconds).map { TimeSpan(seconds: $0) }
  }

  /// `1200`, `1200.50 EUR`, `EUR 1200`, `€1200`, `1.234,56 €`; bare numbers take `defaultCurrency`.
  func money(defaultCurrency: Currency?) -> Money? {
    var first = start
    var last = end
    var currency: Currency?
    for (symbol, code) in [([0xE2, 0x82, 0xAC], "EUR"), ([UInt8(ascii: "$")], "USD"), ([0xC2, 0xA3], "GBP")]
      as [([UInt8], String)]
    {
      if hasPrefix(symbol, at: first) {
        first += symbol.count
        currency = Currency(code: code)
      } else if last - symbol.count >= first, hasPrefix(symbol, at: last - symbol.count) {
        last -= symbol.count
        currency = Currency(code: code)
      }
    }
    if currency == nil, last - first > 3, let code = Currency(code: text(last - 3, last)),
      !LegacyCellScanner.isLetter(bytes[last - 4])
    {
      currency = code
      last -= 3
    } else if currency == nil, last - first > 3, let code = Currency(code: text(first, first + 3)),
      !LegacyCellScanner.isLetter(bytes[first + 3])
    {
      currency = code
      first += 3
    }
    while first < last, LegacyCellScanner.isSpace(bytes[first]) { first += 1 }
    while last > first, LegacyCellScanner.isSpace(bytes[last - 1]) { last -= 1 }
    guard let currency = currency ?? defaultCurrency, let decimal = decimal(first, last),
      let scaled = decimal.scaled(by: Money.scale)
    else { return nil }
    return Money(scaledAmount: scaled, currency: currency)
  }

  /// `2026-11-28` (a time after it is ignored) or `28.11.2026`.
  func date() -> CalendarDate? {
    let text = string
    if text.count >= 10, text.utf8.count >= 10 {
      let iso = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
      if iso.count == 3, iso[0].count == 4, let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2]),
        text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " "
      {
        return CalendarDate(year: year, month: month, day: day)
      }
    }
    let german = text.split(separator: ".", omittingEmptySubsequences: false)
    if german.count == 3, german[2].count == 4, (1...2).contains(german[0].count), (1...2).contains(german[1].count),
      let day = Int(german[0]), let month = Int(german[1]), let year = Int(german[2])
    {
      return CalendarDate(year: year, month: month, day: day)
    }
    return nil
  }

  /// The value a cell's text shows, for a field of unknown type.
  func inferValue() -> Value {
    let text = string
    if text == "true" || text == "false" { return .bool(text == "true") }
    if let date = date() { return .date(date) }
    if bytes[end - 1] == UInt8(ascii: "%"), let fraction = percent() { return .percent(fraction) }
    if let number = number() { return number }
    if LegacyCellScanner.isLetter(bytes[end - 1]), let span = duration(bareUnit: nil) { return .duration(span) }
    if let money = money(defaultCurrency: nil) { return .money(money) }
    return .text(text)
  }

  // MARK: - Pieces

  private func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
    guard offset >= 0, offset + prefix.count <= end else { return false }
    for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
    return true
  }

  private func text(_ from: Int, _ to: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  /// An exact decimal between two offsets, with grouping separators allowed between digit groups.
  private func decimal(_ from: Int, _ to: Int) -> LegacyExactDecimal? {
    var index = from
    var result = LegacyExactDecimal()
    if index < to, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      result.negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    let point = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    let grouping = decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")
    var digits = 0
    var inFraction = false
    var sinceGroup = -1
    while index < to {
      let byte = bytes[index]
      if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        guard result.append(byte - UInt8(ascii: "0")) else { return nil }
        if inFraction { result.fractionDigits += 1 }
        digits += 1
        if sinceGroup >= 0 { sinceGroup += 1 }
      } else if byte == point, !inFraction, digits > 0 {
        guard sinceGroup == -1 || sinceGroup == 3 else { return nil }
        inFraction = true
        sinceGroup = -1
      } else if byte == grouping, !inFraction, digits > 0, sinceGroup == -1 || sinceGroup == 3 {
        sinceGroup = 0
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0, sinceGroup == -1 || sinceGroup == 3, index > from, bytes[index - 1] != point else { return nil }
    return result
  }
}

/// A decimal number kept exact: a whole mantissa and how many of its digits are fraction.
struct LegacyExactDecimal {
  var mantissa: Int64 = 0
  var fractionDigits = 0
  var negative = false

  mutating func append(_ digit: UInt8) -> Bool {
    let (times, overflow) = mantissa.multipliedReportingOverflow(by: 10)
    let (sum, overflowAgain) = times.addingReportingOverflow(Int64(digit))
    guard !overflow, !overflowAgain else { return false }
    mantissa = sum
    return true
  }

  /// The number divided by 10^shift; at most 18 digits, so it always fits.
  func number(shiftingPointLeftBy shift: Int) -> DecimalNumber {
    DecimalNumber(significand: UInt128(mantissa), scale: fractionDigits + shift, negative: negative)
  }

  var value: Value {
    if fractionDigits == 0 { return .int(negative ? -mantissa : mantissa) }
    return .decimal(number(shiftingPointLeftBy: 0))
  }

  /// mantissa × factor ÷ 10^fractionDigits, when it is whole and fits.
  func scaled(by factor: Int64) -> Int64? {
    var (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
    guard !overflow else { return nil }
    for _ in 0..<fractionDigits {
      guard product % 10 == 0 else { return nil }
      product /= 10
    }
    _ = overflow
    return negative ? -product : product
  }
}
