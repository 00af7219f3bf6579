/// Number-like literals: numbers, percents, durations, money and dates.
extension Lexer {
  /// The digits of a decimal literal, kept exact: `12.50` is mantissa 1250 with 2 fraction digits.
  struct Decimal {
    var mantissa: Int64 = 0
    var fractionDigits = 0
    var overflow = false
    /// The digits without underscores, and the point if there is one.
    var text = ""

    mutating func append(_ digit: UInt8) {
      text.append(Character(UnicodeScalar(digit)))
      let (times, overflowed) = mantissa.multipliedReportingOverflow(by: 10)
      let (sum, overflowedAgain) = times.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
      if overflowed || overflowedAgain { overflow = true } else { mantissa = sum }
    }

    /// The same number without the zeros at the end of its fraction, which change nothing but
    /// may not fit the mantissa (`1.5000000000000000000000h`) or a unit's places (`2.50000€`).
    var trimmingFractionZeros: Decimal {
      guard fractionDigits > 0, text.last == "0" else { return self }
      var trimmed = Decimal()
      let kept = text.reversed().drop { $0 == "0" }.reversed()
      for character in kept where character != "." { trimmed.append(character.asciiValue!) }
      trimmed.fractionDigits = fractionDigits - (text.count - kept.count)
      trimmed.text = String(kept)
      return trimmed
    }

    /// The value scaled to `scale` fraction digits, or `nil` if it does not fit exactly.
    func scaled(to scale: Int) -> Int64? {
      guard !overflow, fractionDigits <= scale else { return nil }
      var value = mantissa
      for _ in fractionDigits..<scale {
        let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
        if overflowed { return nil }
        value = times
      }
      return value
    }
  }

  mutating func lexNumber() -> TokenKind {
    let start = offset
    if let date = lexDate() { return date }
    guard let decimal = scanDecimal(start: start) else { return .invalid }
    return lexSuffix(decimal, start: start)
  }

  /// The digits of a number (`1_000`, `12.50`), checked for misplaced `_` and leading zeros;
  /// `nil` after reporting a malformed number.
  mutating func scanDecimal(start: Int) -> Decimal? {
    var decimal = Decimal()
    var lastWasUnderscore = false
    while let byte = peek(), Lexer.isDigit(byte) || byte == UInt8(ascii: "_") {
      if byte == UInt8(ascii: "_") {
        if lastWasUnderscore { break }
        lastWasUnderscore = true
      } else {
        lastWasUnderscore = false
        decimal.append(byte)
      }
      offset += 1
    }
    if !lastWasUnderscore, peek() == UInt8(ascii: "."), let after = peek(1), Lexer.isDigit(after) {
      offset += 1
      decimal.text.append(".")
      while let byte = peek(), Lexer.isDigit(byte) {
        decimal.append(byte)
        decimal.fractionDigits += 1
        offset += 1
      }
    }
    if lastWasUnderscore || peek() == UInt8(ascii: "_") {
      while let byte = peek(), Lexer.isDigit(byte) || byte == UInt8(ascii: "_") { offset += 1 }
      report(
        "malformed-number", "a number cannot end with '_' or hold '__'", SourceRange(start: start, end: offset),
        hint: "use a single '_' between digits: 1_000")
      return nil
    }
    let text = decimal.text
    if text.count > 1, text.hasPrefix("0"), !text.hasPrefix("0.") {
      var trimmed = String(text.drop { $0 == "0" })
      if trimmed.isEmpty || trimmed.hasPrefix(".") { trimmed = "0" + trimmed }
      report(
        "leading-zero", "a number cannot start with 0", SourceRange(start: start, end: offset),
        hint: thousandsHint(before: start, digits: text) ?? "write \(trimmed) without the leading zero")
      return nil
    }
    return decimal
  }

  /// The hint for digits at `start` right after a comma after digits (`1,000`): the comma
  /// was meant as a thousands separator, which a policy does not write; `nil` otherwise.
  private func thousandsHint(before start: Int, digits: String) -> String? {
    guard start >= 2, bytes[start - 1] == UInt8(ascii: ","), Lexer.isDigit(bytes[start - 2]) else { return nil }
    var first = start - 2
    while first > 0, Lexer.isDigit(bytes[first - 1]) { first -= 1 }
    return Lexer.thousandsSeparatorHint(String(decoding: bytes[first..<(start - 1)], as: UTF8.self), digits)
  }

  /// The hint for a number written with a thousands separator, `whole`,`rest` (`12,500`), which
  /// the lexer and the parser each meet: `1,000` as digits with a leading zero, `12,500` as two
  /// numbers and a comma.
  static func thousandsSeparatorHint(_ whole: String, _ rest: String) -> String {
    "a policy writes numbers without a thousands separator: \(whole)\(rest) or \(whole)_\(rest)"
  }

  /// What follows the digits decides the literal's type: `%`, a currency, a duration unit, or nothing.
  private mutating func lexSuffix(_ decimal: Decimal, start: Int) -> TokenKind {
    switch peek() {
    case UInt8(ascii: "%"):
      offset += 1
      return percent(decimal, start: start)
    case UInt8(ascii: "$"):
      offset += 1
      return money(decimal, .dollar, start: start)
    case 0xE2 where bytes[offset...].starts(with: [0xE2, 0x82, 0xAC]):
      offset += 3
      return money(decimal, .euro, start: start)
    case 0xC2 where bytes[offset...].starts(with: [0xC2, 0xA3]):
      offset += 2
      return money(decimal, Currency(code: "GBP")!, start: start)
    case let byte? where Lexer.startsIdentifier(byte):
      if let currency = lexCurrencyCode() { return money(decimal, currency, start: start) }
      return duration(decimal, start: start)
    default:
      if let currency = lexCurrencyCode() { return money(decimal, currency, start: start) }
      return number(decimal, start: start)
    }
  }

  /// A currency code after spaces: `1200 EUR`. Only three capital letters standing alone count.
  private mutating func lexCurrencyCode() -> Currency? {
    var probe = offset
    while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
    guard probe + 3 <= bytes.count else { return nil }
    let letters = bytes[probe..<probe + 3]
    guard letters.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return nil }
    if probe + 3 < bytes.count, Lexer.continuesIdentifier(bytes[probe + 3]) { return nil }
    guard let currency = Currency(code: String(decoding: letters, as: UTF8.self)) else { return nil }
    offset = probe + 3
    return currency
  }

  private mutating func number(_ decimal: Decimal, start: Int) -> TokenKind {
    if decimal.fractionDigits == 0, !decimal.overflow { return .number(.int(decimal.mantissa)) }
    return exact(decimal, shift: 0, start: start).map { .number(.decimal($0)) } ?? .invalid
  }

  private mutating func percent(_ decimal: Decimal, start: Int) -> TokenKind {
    // `12.5%` is the fraction 0.125: the same digits, two more of them after the point.
    exact(decimal, shift: 2, start: start).map { .percent($0) } ?? .invalid
  }

  /// The decimal the digits spell, divided by 10^shift; `nil` after reporting one that has more
  /// digits than a number keeps, which is refused rather than rounded.
  private mutating func exact(_ decimal: Decimal, shift: Int, start: Int) -> DecimalNumber? {
    let digits = decimal.text.utf8.filter { $0 != UInt8(ascii: ".") }.map { $0 - UInt8(ascii: "0") }
    let range = SourceRange(start: start, end: offset)
    if digits.count - decimal.fractionDigits - shift > DecimalNumber.maximumDigits {
      report(
        "number-too-large", "number is too large", range,
        hint: "numbers hold 28 digits: the largest is 9999999999999999999999999999")
      return nil
    }
    switch DecimalNumber.reading(digits, fractionDigits: decimal.fractionDigits + shift, negative: false) {
    case .success(let number): return number
    case .failure(.tooManyDigits):
      report(
        "too-many-digits", "number has more than 28 significant digits", range,
        hint: "numbers are exact to 28 significant digits; write fewer, they are never rounded")
    case .failure(.tooManyPlaces):
      report(
        "too-many-digits", "number has more than 28 decimal places", range,
        hint: "numbers are exact to 28 decimal places; write fewer, they are never rounded")
    }
    return nil
  }

  private mutating func money(_ decimal: Decimal, _ currency: Currency, start: Int) -> TokenKind {
    let decimal = decimal.trimmingFractionZeros
    guard let scaled = decimal.scaled(to: 4) else {
      let message = decimal.fractionDigits > 4 ? "money has more than 4 decimal places" : "amount of money is too large"
      report("malformed-money", message, SourceRange(start: start, end: offset))
      return .invalid
    }
    return .money(Money(scaledAmount: scaled, currency: currency))
  }

  private mutating func duration(_ decimal: Decimal, start: Int) -> TokenKind {
    let unitStart = offset
    while let byte = peek(), Lexer.continuesIdentifier(byte) { offset += 1 }
    let unitName = String(decoding: bytes[unitStart..<offset], as: UTF8.self)
    let range = SourceRange(start: start, end: offset)
    guard let unit = TimeSpan.Unit(rawValue: unitName) else {
      // `1e5`, `2.5E+3`: an exponent, which the hint about units did not explain.
      let afterE = unitName.utf8.dropFirst().first ?? (unitName.utf8.count == 1 ? peek() : nil)
      let isExponent =
        unitName.lowercased().hasPrefix("e")
        && afterE.map { Lexer.isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") } == true
      report(
        "unknown-unit", "unknown unit '\(unitName)' after a number", range,
        hint: isExponent
          ? "numbers are written without an exponent: 1e5 is 100000 (or 100_000)"
          : "durations end in min, h, d, w, mo or y (30d); put a space between a number and a name")
      return .invalid
    }
    // seconds = mantissa × unit ÷ 10^fractionDigits, which must come out whole.
    let decimal = decimal.trimmingFractionZeros
    let quotient =
      decimal.overflow
      ? .tooLarge : ExactScaling.inUnits(decimal.mantissa, places: decimal.fractionDigits, unit: unit.seconds)
    switch quotient {
    case .whole(let seconds): return .duration(TimeSpan(seconds: seconds))
    case .tooLarge: report("number-too-large", "duration is too long", range)
    case .notWhole:
      report(
        "malformed-duration", "duration is not a whole number of seconds", range,
        hint: "use a smaller unit: 90min instead of 1.5h is fine too")
    }
    return .invalid
  }

  /// `€500`, `$1200`: the symbol has been read; digits must follow at once.
  mutating func lexPrefixedMoney(currency: Currency, symbolStart: Int) -> TokenKind {
    guard let byte = peek(), Lexer.isDigit(byte) else {
      report(
        "malformed-money", "expected an amount after the currency symbol", SourceRange(start: symbolStart, end: offset),
        hint: "write €500 or 500€")
      return .invalid
    }
    guard let decimal = scanDecimal(start: symbolStart) else { return .invalid }
    return money(decimal, currency, start: symbolStart)
  }

  /// `2026-11-28`: four digits, dash, two digits, dash, two digits.
  private mutating func lexDate() -> TokenKind? {
    let shape = "dddd-dd-dd".utf8
    guard offset + shape.count <= bytes.count else { return nil }
    for (index, expected) in shape.enumerated() {
      let byte = bytes[offset + index]
      if expected == UInt8(ascii: "d") ? !Lexer.isDigit(byte) : byte != expected { return nil }
    }
    if offset + shape.count < bytes.count, Lexer.continuesIdentifier(bytes[offset + shape.count]) { return nil }
    let start = offset
    let text = String(decoding: bytes[offset..<offset + shape.count], as: UTF8.self)
    offset += shape.count
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, let date = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) else {
      report(
        "invalid-date", "there is no date \(text)", SourceRange(start: start, end: offset),
        hint: "dates are YYYY-MM-DD with a real month and day")
      return .invalid
    }
    return .date(date)
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
