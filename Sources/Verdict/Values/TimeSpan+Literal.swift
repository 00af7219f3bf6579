/// How a duration is printed: as a literal the language reads back to the same duration.
///
/// The unit is the largest in which the count is exact and short: a whole number of years or
/// weeks; else days, then hours, as a decimal of at most three places that is at least one
/// (`12.3d`, `1.5d`, `12.125d`, `1.5h`); else a whole number of minutes, else of seconds. Zero
/// is `0d`. So `14d` is `2w`, `36h` is `1.5d`, `12h` stays `12h`, `90min` is `1.5h`, `30min`
/// stays `30min`, and a duration that is no short decimal of days or hours, such as a third
/// of `37d` (`296h`), or a seventh of it (`456686s`), is written in the unit that holds it
/// exactly.
extension TimeSpan {
  /// A duration as a literal: `sign`, `scaledCount` ÷ 10^`fractionDigits`, `unit`.
  package struct Literal: Sendable, Hashable {
    /// Whether the duration is negative.
    package var isNegative: Bool
    /// The count's magnitude times 10^``fractionDigits``: `123` for `12.3d`.
    package var scaledCount: UInt64
    /// The decimal places of the count, 0 to 3, without trailing zeros.
    package var fractionDigits: Int
    /// The unit.
    package var unit: Unit
  }

  /// The most decimal places a printed count of days or hours has.
  static let maximumFractionDigits = 3

  /// How this duration is printed.
  package var literal: Literal {
    let magnitude = seconds.magnitude
    let negative = seconds < 0
    if magnitude == 0 { return Literal(isNegative: false, scaledCount: 0, fractionDigits: 0, unit: .day) }
    for unit in [Unit.year, .week] where magnitude % UInt64(unit.seconds) == 0 {
      return Literal(
        isNegative: negative, scaledCount: magnitude / UInt64(unit.seconds), fractionDigits: 0, unit: unit)
    }
    for unit in [Unit.day, .hour] {
      let size = UInt64(unit.seconds)
      guard magnitude >= size else { continue }
      let (whole, rest) = magnitude.quotientAndRemainder(dividingBy: size)
      var scale: UInt64 = 1
      for digits in 0...TimeSpan.maximumFractionDigits {
        // whole < 2^63 / 3600, so whole × 1000 does not overflow; rest × scale < size × 1000.
        if rest * scale % size == 0 {
          return Literal(
            isNegative: negative, scaledCount: whole * scale + rest * scale / size, fractionDigits: digits, unit: unit)
        }
        scale *= 10
      }
    }
    let unit = magnitude % 60 == 0 ? Unit.minute : .second
    return Literal(
      isNegative: negative, scaledCount: magnitude / UInt64(unit.seconds), fractionDigits: 0, unit: unit)
  }
}

extension TimeSpan: CustomStringConvertible {
  /// The literal this duration prints as: `30d`, `2w`, `12.3d`, `1.5h`, `1439min`.
  public var description: String {
    let literal = self.literal
    var digits = String(literal.scaledCount)
    if literal.fractionDigits > 0 {
      // The count is at least one, so there is a digit before the point.
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -literal.fractionDigits))
    }
    return (literal.isNegative ? "-" : "") + digits + literal.unit.rawValue
  }
}
