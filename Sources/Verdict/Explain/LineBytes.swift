/// The bytes of an explanation line as it is written, and values written into it as
/// ``ExplanationBuilder/display(_:unit:)`` shows them, without making a string for each.
struct LineBytes {
  var bytes: [UInt8] = []
  /// Digits being put together, reused.
  private var digits: [UInt8] = []

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  mutating func append(_ slice: ArraySlice<UInt8>) {
    bytes.append(contentsOf: slice)
  }

  /// A value as ``ExplanationBuilder/display(_:unit:)`` shows it.
  mutating func appendDisplay(_ value: Value, unit: TimeSpan.Unit?) {
    switch value {
    case .duration(let span):
      guard let unit else { return appendDuration(span) }
      if span.seconds % unit.seconds == 0 {
        appendInteger(span.seconds / unit.seconds)
        append(unit.rawValue)
        return
      }
      // An average of days is rarely whole: 40.67d reads better than 976h.
      let magnitude = span.seconds.magnitude
      let hundredths = (magnitude * 200 + UInt64(unit.seconds)) / UInt64(2 * unit.seconds)
      if span.seconds < 0 { bytes.append(UInt8(ascii: "-")) }
      appendDecimal(DecimalNumber(Int64(hundredths)), shiftingPointRightBy: -2)
      append(unit.rawValue)
    case .decimal(let number): appendDecimal(number.rounded(toPlaces: 2).trimmed, shiftingPointRightBy: 0)
    case .percent(let fraction):
      appendDecimal(fraction.rounded(toPlaces: 4), shiftingPointRightBy: 2)
      bytes.append(UInt8(ascii: "%"))
    case .missing: append("missing")
    case .bool(let truth): append(truth ? "true" : "false")
    case .int(let number): appendInteger(number)
    case .money(let money):
      appendMoney(money.scaledAmount)
      bytes.append(UInt8(ascii: " "))
      append(money.currency.code)
    case .date(let date):
      let (year, month, day) = date.components
      appendPadded(year, 4)
      bytes.append(UInt8(ascii: "-"))
      appendPadded(month, 2)
      bytes.append(UInt8(ascii: "-"))
      appendPadded(day, 2)
    case .text(let text):
      // Quoted as ``Value/quote(_:)`` quotes it; text with nothing to escape is copied as it is.
      let plain = !text.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 == 0x0A || $0 == 0x09 }
      if plain {
        bytes.append(UInt8(ascii: "\""))
        append(text)
        bytes.append(UInt8(ascii: "\""))
      } else {
        append(Value.quote(text))
      }
    case .list: append(value.description)
    }
  }

  /// `-42`, as `String(number)` writes it.
  mutating func appendInteger(_ number: Int64) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(number.magnitude)
    bytes.append(contentsOf: digits)
  }

  /// The digits of `number`, into ``digits``.
  private mutating func appendDigits(_ number: UInt128) {
    guard number > UInt128(UInt64.max) else { return appendDigits(UInt64(number)) }
    digits.removeAll(keepingCapacity: true)
    var rest = number
    repeat {
      let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
      digits.append(UInt8(ascii: "0") + UInt8(digit))
      rest = quotient
    } while rest > 0
    digits.reverse()
  }

  /// The digits of `number`, into ``digits``.
  private mutating func appendDigits(_ number: UInt64) {
    digits.removeAll(keepingCapacity: true)
    var rest = number
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    digits.reverse()
  }

  /// `number` with zeros in front up to `width` characters, as ``CalendarDate/description`` pads.
  private mutating func appendPadded(_ number: Int, _ width: Int) {
    appendDigits(UInt64(number.magnitude))
    let count = digits.count + (number < 0 ? 1 : 0)
    for _ in 0..<max(0, width - count) { bytes.append(UInt8(ascii: "0")) }
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    bytes.append(contentsOf: digits)
  }

  /// An amount of money with at least two decimals, as ``Money/format(_:)`` writes it.
  private mutating func appendMoney(_ scaled: Int64) {
    let magnitude = scaled.magnitude
    if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(magnitude / UInt64(Money.scale))
    bytes.append(contentsOf: digits)
    bytes.append(UInt8(ascii: "."))
    var fraction = magnitude % UInt64(Money.scale)
    var places = 4
    while places > 2, fraction % 10 == 0 {
      fraction /= 10
      places -= 1
    }
    appendDigits(fraction)
    for _ in 0..<(places - digits.count) { bytes.append(UInt8(ascii: "0")) }
    bytes.append(contentsOf: digits)
  }

  /// A duration as its literal, as ``TimeSpan/description`` writes it.
  private mutating func appendDuration(_ span: TimeSpan) {
    let literal = span.literal
    if literal.isNegative { bytes.append(UInt8(ascii: "-")) }
    appendDigits(literal.scaledCount)
    if literal.fractionDigits > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - literal.fractionDigits) }
    bytes.append(contentsOf: digits)
    append(literal.unit.rawValue)
  }

  /// The digits of `number` with its point moved `shift` places to the right, as
  /// ``DecimalNumber/text(_:shiftingPointRightBy:)`` writes them.
  private mutating func appendDecimal(_ number: DecimalNumber, shiftingPointRightBy shift: Int) {
    if number.isZero { return bytes.append(UInt8(ascii: "0")) }
    appendDigits(number.significand)
    var scale = Int(number.scale) - shift
    if scale < 0 {
      digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -scale))
      scale = 0
    }
    if scale > 0 {
      if digits.count <= scale {
        digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - digits.count + 1), at: 0)
      }
      digits.insert(UInt8(ascii: "."), at: digits.count - scale)
      while digits.last == UInt8(ascii: "0") { digits.removeLast() }
      if digits.last == UInt8(ascii: ".") { digits.removeLast() }
    }
    if number.isNegative { bytes.append(UInt8(ascii: "-")) }
    bytes.append(contentsOf: digits)
  }
}
