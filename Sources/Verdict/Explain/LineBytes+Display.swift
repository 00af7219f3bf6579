/// Values written into a ``LineBytes`` as an explanation line shows them: numbers, amounts,
/// durations and dates, and the mark of a rounded value.
extension LineBytes {
  /// `≈`, before a value shown rounded (``ExplanationRounding/mark``).
  func appendRoundingMark() {
    append(0xE2)
    append(0x89)
    append(0x88)
  }

  /// A value as ``ExplanationBuilder/display(_:unit:)`` shows it.
  func appendDisplay(_ value: Value, unit: TimeSpan.Unit?) {
    switch value {
    case .duration(let span):
      guard let unit else { return appendDuration(span) }
      if span.seconds % unit.seconds == 0 {
        appendInteger(span.seconds / unit.seconds)
        appendUnit(unit)
        return
      }
      let (units, rounded) = ExplanationRounding.shown(seconds: span.seconds, in: unit)
      if rounded { appendRoundingMark() }
      appendDecimal(units, shiftingPointRightBy: 0)
      appendUnit(unit)
    case .decimal(let number):
      if appendNarrowDecimal(number) || appendWideDecimal(number) { return }
      let (shown, rounded) = ExplanationRounding.shownMarked(number)
      if rounded { appendRoundingMark() }
      appendDecimal(shown, shiftingPointRightBy: 0)
    case .percent(let fraction):
      // Percentage points are the fraction's digits with the point two places to the right.
      if fraction.scale >= 2,
        appendNarrowDecimal(
          DecimalNumber(low: fraction.low, high: fraction.high, packedScale: fraction.packedScale - 2))
      {
        return append(UInt8(ascii: "%"))
      }
      let (points, rounded) = ExplanationRounding.shownPercent(fraction)
      if rounded { appendRoundingMark() }
      appendDecimal(points, shiftingPointRightBy: 0)
      append(UInt8(ascii: "%"))
    case .missing: append("missing")
    case .bool(let truth): append(truth ? "true" : "false")
    case .int(let number): appendInteger(number)
    case .money(let money):
      appendMoney(money.scaledAmount)
      append(UInt8(ascii: " "))
      // The code's three letters, as ``Currency/code`` spells them.
      let packed = money.currency.packed
      append(UInt8(packed >> 16 & 0xFF))
      append(UInt8(packed >> 8 & 0xFF))
      append(UInt8(packed & 0xFF))
    case .date(let date):
      let (year, month, day) = date.components
      if appendDate(year: year, month: month, day: day) { return }
      appendPadded(year, 4)
      append(UInt8(ascii: "-"))
      appendPadded(month, 2)
      append(UInt8(ascii: "-"))
      appendPadded(day, 2)
    case .text(let text):
      // Quoted as ``Value/quote(_:)`` quotes it; text with nothing to escape is copied as it is.
      // 0xC2 and 0xE2 lead the escaped C1 controls and line separators (and other characters,
      // which `quote` then copies).
      let plain = !text.utf8.contains {
        $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2
      }
      if plain {
        appendQuotationMark()
        appendText(text)
        appendQuotationMark()
      } else {
        appendText(Value.quote(text))
      }
    case .list: appendText(value.description)
    }
  }

  /// `-42`, as `String(number)` writes it.
  func appendInteger(_ number: Int64) {
    // Most whole numbers a line shows (counts, days, margins) have one or two digits: written
    // straight, not through ``digits`` (about 60 instructions less each).
    if number >= 0, number < 100 {
      let zero = UInt8(ascii: "0")
      if number >= 10 { append(zero &+ UInt8(truncatingIfNeeded: number / 10)) }
      return append(zero &+ UInt8(truncatingIfNeeded: number % 10))
    }
    if number < 0 { append(UInt8(ascii: "-")) }
    makeDigits(number.magnitude)
    appendDigits()
  }

  /// Puts the digits of `number` at the end of ``digits``.
  private func makeDigits(_ number: UInt128) {
    guard number > UInt128(UInt64.max) else { return makeDigits(UInt64(number)) }
    digitStart = 48
    var rest = number
    repeat {
      let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
      digitStart -= 1
      digits[digitStart] = UInt8(ascii: "0") + UInt8(digit)
      rest = quotient
    } while rest > 0
  }

  /// Puts the digits of `number` at the end of ``digits``.
  func makeDigits(_ number: UInt64) {
    digitStart = 48
    var rest = number
    repeat {
      digitStart -= 1
      digits[digitStart] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    } while rest > 0
  }

  /// How many digits ``makeDigits(_:)-(UInt64)`` made.
  var digitCount: Int { 48 - digitStart }

  /// Appends the digits made, or the first `count` of them.
  func appendDigits(count: Int? = nil) {
    append(UnsafeBufferPointer(start: digits + digitStart, count: count ?? digitCount))
  }

  /// Appends the digits made after the first `skipped` of them.
  func appendDigits(after skipped: Int) {
    append(UnsafeBufferPointer(start: digits + digitStart + skipped, count: digitCount - skipped))
  }

  /// `number` with zeros in front up to `width` characters, as ``CalendarDate/description`` pads.
  private func appendPadded(_ number: Int, _ width: Int) {
    makeDigits(UInt64(number.magnitude))
    let count = digitCount + (number < 0 ? 1 : 0)
    for _ in 0..<Swift.max(0, width - count) { append(UInt8(ascii: "0")) }
    if number < 0 { append(UInt8(ascii: "-")) }
    appendDigits()
  }

  /// An amount of money with at least two decimals, as ``Money/format(_:)`` writes it.
  private func appendMoney(_ scaled: Int64) {
    let magnitude = scaled.magnitude
    if scaled < 0 { append(UInt8(ascii: "-")) }
    makeDigits(magnitude / UInt64(Money.scale))
    appendDigits()
    append(UInt8(ascii: "."))
    var fraction = magnitude % UInt64(Money.scale)
    var places = 4
    while places > 2, fraction % 10 == 0 {
      fraction /= 10
      places -= 1
    }
    makeDigits(fraction)
    for _ in 0..<(places - digitCount) { append(UInt8(ascii: "0")) }
    appendDigits()
  }

  /// A duration as its literal, as ``TimeSpan/description`` writes it.
  private func appendDuration(_ span: TimeSpan) {
    let literal = span.literal
    if literal.isNegative { append(UInt8(ascii: "-")) }
    makeDigits(literal.scaledCount)
    let whole = digitCount - literal.fractionDigits
    appendDigits(count: whole)
    if literal.fractionDigits > 0 {
      append(UInt8(ascii: "."))
      append(UnsafeBufferPointer(start: digits + digitStart + whole, count: literal.fractionDigits))
    }
    appendUnit(literal.unit)
  }

  /// A unit's symbol, `d`.
  func appendUnit(_ unit: TimeSpan.Unit) {
    switch unit {
    case .second: append("s")
    case .minute: append("min")
    case .hour: append("h")
    case .day: append("d")
    case .week: append("w")
    case .month: append("mo")
    case .year: append("y")
    }
  }

  /// The digits of `number` with its point moved `shift` places to the right, as
  /// ``DecimalNumber/text(_:shiftingPointRightBy:)`` writes them.
  private func appendDecimal(_ number: DecimalNumber, shiftingPointRightBy shift: Int) {
    if number.isZero { return append(UInt8(ascii: "0")) }
    makeDigits(number.significand)
    if number.isNegative { append(UInt8(ascii: "-")) }
    let scale = Int(number.scale) - shift
    if scale <= 0 {
      appendDigits()
      for _ in 0..<(-scale) { append(UInt8(ascii: "0")) }
      return
    }
    // The fraction without its trailing zeros; zeros in front when it has fewer digits than places.
    var fractionEnd = 48
    while fractionEnd > digitStart, 48 - fractionEnd < scale, digits[fractionEnd - 1] == UInt8(ascii: "0") {
      fractionEnd -= 1
    }
    let whole = Swift.max(0, digitCount - scale)
    if whole == 0 { append(UInt8(ascii: "0")) } else { appendDigits(count: whole) }
    let fractionStart = 48 - scale
    guard fractionEnd > fractionStart else { return }
    append(UInt8(ascii: "."))
    for position in fractionStart..<fractionEnd {
      append(position < digitStart ? UInt8(ascii: "0") : digits[position])
    }
  }
}
