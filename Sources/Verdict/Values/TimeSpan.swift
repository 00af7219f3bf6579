/// A length of time in whole seconds.
///
/// Calendar convention: a month (`mo`) is 30 days and a year (`y`) is 365 days, so durations are
/// exact and comparable without a calendar.
public struct TimeSpan: Sendable, Hashable, Comparable {
  /// The length in seconds.
  public var seconds: Int64

  /// Creates a span of `seconds`.
  public init(seconds: Int64) {
    self.seconds = seconds
  }

  /// Creates a span of whole days, or `nil` on overflow.
  public init?(days: Int64) {
    let (product, overflow) = days.multipliedReportingOverflow(by: Unit.day.seconds)
    if overflow { return nil }
    self.seconds = product
  }

  /// The units a duration literal can carry.
  package enum Unit: String, Sendable, CaseIterable {
    /// Seconds, `45s`: rarely written, but what a division such as `1min / 7` can leave.
    case second = "s"
    /// Minutes, `90min`.
    case minute = "min"
    /// Hours, `12h`.
    case hour = "h"
    /// Days, `30d`.
    case day = "d"
    /// Weeks, `2w`.
    case week = "w"
    /// Months of 30 days, `6mo`.
    case month = "mo"
    /// Years of 365 days, `1y`.
    case year = "y"

    /// Seconds in one unit.
    package var seconds: Int64 {
      switch self {
      case .second: 1
      case .minute: 60
      case .hour: 3_600
      case .day: 86_400
      case .week: 7 * 86_400
      case .month: 30 * 86_400
      case .year: 365 * 86_400
      }
    }

    /// The unit named by a `field … in UNIT` clause: `seconds`, `minutes`, `hours`, `days`,
    /// `weeks`, `months`, `years`.
    /// The word a `field … in UNIT` clause names the unit by: `minutes` for ``minute``.
    package var fieldUnit: String {
      switch self {
      case .second: "seconds"
      case .minute: "minutes"
      case .hour: "hours"
      case .day: "days"
      case .week: "weeks"
      case .month: "months"
      case .year: "years"
      }
    }

    /// The unit a word names as a duration cell's unit does (`hours`, `hrs`, `h`, `min`, `Std`),
    /// in any letter case; `nil` for any other word.
    package init?(word: String) {
      var word = word
      guard let unit = word.withUTF8({ CellScanner.unit(named: $0) }) else { return nil }
      self = unit
    }

    package init?(fieldUnit name: String) {
      switch name {
      case "seconds": self = .second
      case "minutes": self = .minute
      case "hours": self = .hour
      case "days": self = .day
      case "weeks": self = .week
      case "months": self = .month
      case "years": self = .year
      default: return nil
      }
    }
  }

  /// Whether `lhs` is shorter than `rhs`.
  public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}
