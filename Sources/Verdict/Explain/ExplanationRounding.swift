/// How an explanation rounds the numbers it shows, the same in ``ExplanationBuilder`` and in the
/// run's explanation lines (``LineBytes``).
///
/// A number of up to 6 decimal places is shown as it is. One of more (an average, a share) is
/// rounded half to even to the first 2 digits of its fraction past the zeros that follow the
/// point, and to at least 2 places (`14.29`, `32.086`, `1.0042`), so that no value is shown as
/// a number it is not near: rounding everything to 2 places showed
/// `n 0 > 0.001 (by 0)` for 0.0015, and `n 1 > 1 (by 0)` for 1.001. A rounded value is marked
/// `≈` (``mark``): `0.9999999999999999999999999999` shown as `1` read `n 1 < 1`, and 181.5 days
/// in a field of years `0.5y`, as if exact.
enum ExplanationRounding {
  /// What goes before a value shown rounded.
  static let mark = "≈"

  /// `number` as shown (``shown(_:)``), and whether that is rounded: one rounding for both.
  static func shownMarked(_ number: DecimalNumber) -> (shown: DecimalNumber, rounded: Bool) {
    let shown = shown(number)
    return (shown, DecimalNumber.order(shown, number) != 0)
  }

  /// Decimal places shown as they are.
  static let exactPlaces = 6

  /// `number` as shown, its zeros at the end dropped.
  static func shown(_ number: DecimalNumber) -> DecimalNumber {
    let exact = number.trimmed
    guard Int(exact.scale) > exactPlaces else { return exact }
    // The zeros right after the point: in 1.00042 there are 3, in 0.5 none.
    let fraction = exact.significand % DecimalNumber.powerOfTen(Int(exact.scale))
    var zeros = 0
    var limit = DecimalNumber.powerOfTen(Int(exact.scale) - 1)
    while zeros < Int(exact.scale), fraction < limit {
      zeros += 1
      limit /= 10
    }
    return exact.rounded(toPlaces: min(Int(exact.scale), max(2, zeros + 2))).trimmed
  }

  /// A duration of `seconds` in `unit` as shown: the number of units, rounded as above, and
  /// whether it was rounded.
  static func shown(seconds: Int64, in unit: TimeSpan.Unit) -> (units: DecimalNumber, rounded: Bool) {
    let units =
      (try? DecimalNumber.dividing(DecimalNumber(seconds), DecimalNumber(unit.seconds))) ?? DecimalNumber(0)
    let (shown, rounded) = shownMarked(units)
    return (shown, rounded)
  }

  /// A percent's fraction as shown, in percentage points, and whether it was rounded.
  static func shownPercent(_ fraction: DecimalNumber) -> (points: DecimalNumber, rounded: Bool) {
    let points = (try? DecimalNumber.multiplying(fraction, DecimalNumber(100))) ?? fraction
    let (shown, rounded) = shownMarked(points)
    return (shown, rounded)
  }
}
