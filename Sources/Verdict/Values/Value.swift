/// A value of the Verdict language: what a client field holds and what an expression yields.
///
/// Numbers are exact: whole numbers are kept as 64-bit integers while they fit, and others as
/// 28-digit decimals (``DecimalNumber``); money is exact too. `missing` is the empty cell: comparisons
/// with it are unknown, and a rule whose condition is unknown does not fire.
public enum Value: Sendable, Hashable {
  /// No value: an empty cell, or an unknown truth value.
  case missing
  /// A truth value.
  case bool(Bool)
  /// A whole number that fits 64 bits.
  case int(Int64)
  /// Any other number: one with a fraction, or a whole number past 64 bits.
  case decimal(DecimalNumber)
  /// A length of time.
  case duration(TimeSpan)
  /// A percentage, stored as a fraction (`20%` is `0.2`, exactly).
  case percent(DecimalNumber)
  /// An exact amount of money in one currency.
  case money(Money)
  /// A calendar day.
  case date(CalendarDate)
  /// Text.
  case text(String)
  /// A list of values, such as `["chat", "sms"]`.
  case list([Value])

  /// Whether this is ``missing``.
  @inlinable public var isMissing: Bool {
    if case .missing = self { return true }
    return false
  }

  /// The value's type, or `nil` for ``missing``.
  public var type: ValueType? {
    switch self {
    case .missing: nil
    case .bool: .bool
    case .int, .decimal: .number
    case .duration: .duration
    case .percent: .percent
    case .money: .money
    case .date: .date
    case .text: .text
    case .list: .list
    }
  }
}

/// The types of the language, as written in `field` declarations.
public enum ValueType: String, Sendable, Hashable, CaseIterable {
  /// `true` or `false`.
  case bool
  /// A plain number.
  case number
  /// A length of time such as `30d`.
  case duration
  /// A percentage such as `20%`.
  case percent
  /// An amount of money such as `500€`.
  case money
  /// A calendar day such as `2026-11-28`.
  case date
  /// Text in double quotes.
  case text
  /// A list in square brackets.
  case list

  /// Whether data cells of this type are written with digits and a decimal mark.
  package var isNumeric: Bool {
    switch self {
    case .number, .duration, .percent, .money: true
    case .bool, .date, .text, .list: false
    }
  }

  /// The name with an article, for messages: "a duration", "an amount of money".
  package var described: String {
    switch self {
    case .bool: "a bool"
    case .number: "a number"
    case .duration: "a duration"
    case .percent: "a percent"
    case .money: "money"
    case .date: "a date"
    case .text: "text"
    case .list: "a list"
    }
  }
}
