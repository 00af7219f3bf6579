import Verdict

/// How a data file writes money and dates — `1.234,56 €` and `31.12.2026` in a German export,
/// `$1,234.56` and `12/31/2026` in an American one — so that the HTML report can write them the
/// same way (``ReportVocabulary/notation``).
///
/// Decided once per file from the cells ``LayoutDetector`` samples, before the run: the money
/// columns' decimal mark (as decided for reading), thousands separator and currency sign, and the
/// date columns' format. What the data does not show stays `nil`, and the report then writes the
/// language's own notation (`1234.56 EUR`, `2026-12-31`).
struct DataNotation: Sendable, Hashable {
  /// How money is written.
  var money: MoneyNotation?
  /// How dates are written; a format without separators (`YYYYMMDD`) is not kept: a page writes
  /// `2026-12-31` for it.
  var dateFormat: DateFormat?

  /// The language's own notation: nothing learned from the data.
  static let plain = DataNotation()

  /// Each part from the first of `notations` that decides it, the others `nil`.
  static func first(of notations: [DataNotation]) -> DataNotation {
    DataNotation(
      money: notations.lazy.compactMap(\.money).first, dateFormat: notations.lazy.compactMap(\.dateFormat).first)
  }

  /// `1.234,56 €`: `money` as the data writes money. The amount keeps every decimal it has (at
  /// least two), as reports always show it.
  func text(of money: Money) -> String {
    guard let notation = self.money else { return money.description }
    return notation.text(of: money)
  }

  /// `31.12.2026`: `date` as the data writes dates, always with four digits of the year, so that no
  /// date on a page has two readings.
  func text(of date: CalendarDate) -> String {
    guard let format = dateFormat, format.separator != .none else { return date.description }
    let (year, month, day) = date.components
    guard year >= 1000 && year <= 9999 else { return date.description }
    let pattern = format.pattern
    let monthText =
      format.monthInWords
      ? MonthNames.abbreviations[month - 1] : DataNotation.padded(month, pattern.contains("MM") ? 2 : 1)
    let dayText = DataNotation.padded(day, pattern.contains("DD") ? 2 : 1)
    let separator = String(UnicodeScalar(format.separator.rawValue))
    switch format.order {
    case .yearMonthDay: return "\(year)\(separator)\(monthText)\(separator)\(dayText)"
    case .dayMonthYear: return "\(dayText)\(separator)\(monthText)\(separator)\(year)"
    case .monthDayYear: return "\(monthText)\(separator)\(dayText)\(separator)\(year)"
    }
  }

  /// A value from the data as a report cell (``Value/plainText``), money, numbers, percents and
  /// dates written as the data writes them.
  func text(of value: Value) -> String {
    switch value {
    case .money(let money): return text(of: money)
    case .date(let date): return text(of: date)
    case .decimal, .percent:
      guard let mark = self.money?.decimalMark, mark != "." else { return value.plainText }
      return String(value.plainText.map { $0 == "." ? Character(mark) : $0 })
    case .missing, .bool, .int, .duration, .text, .list: return value.plainText
    }
  }

  private static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
  }
}

/// How a file's money columns write amounts: `1.234,56 €` has the decimal comma, `.` between
/// thousands and `€` after a space.
struct MoneyNotation: Sendable, Hashable {
  /// `.` or `,`.
  var decimalMark: String = "."
  /// Between groups of three digits; `nil` when the data groups no amount. A space is written as
  /// a no-break space, so that an amount never breaks across lines.
  var groupSeparator: String?
  /// The currency's sign and where it goes; `nil` when the data writes bare amounts (the page then
  /// writes the code after the amount, as the language does: `1234,56 EUR`).
  var sign: CurrencySign?

  /// `1.234,56 €`.
  func text(of money: Money) -> String {
    // `1234.50 EUR`, split into the digits and the code.
    let plain = money.description
    let number = plain.prefix { $0 != " " }
    let negative = number.hasPrefix("-")
    let digits = number.dropFirst(negative ? 1 : 0)
    let whole = digits.prefix { $0 != "." }
    let fraction = digits.dropFirst(whole.count + 1)
    var grouped = ""
    for (index, digit) in whole.enumerated() {
      if let groupSeparator, index > 0, (whole.count - index) % 3 == 0 { grouped += groupSeparator }
      grouped.append(digit)
    }
    let amount = grouped + (fraction.isEmpty ? "" : decimalMark + fraction)
    let minus = negative ? "-" : ""
    guard let sign, sign.currency == money.currency else { return "\(minus)\(amount) \(money.currency.code)" }
    let space = sign.spaced ? "\u{A0}" : ""
    return sign.before ? "\(minus)\(sign.text)\(space)\(amount)" : "\(minus)\(amount)\(space)\(sign.text)"
  }
}

/// A currency as cells write it: `€` after the amount and a space, `$` before it, `EUR ` before.
struct CurrencySign: Sendable, Hashable {
  /// The sign as written: a symbol (`€`, `$`, `£`) or a code (`EUR`).
  var text: String
  /// The currency it stands for; an amount in another currency is written with its code after
  /// it, as the language writes money.
  var currency: Currency
  /// Whether it comes before the amount.
  var before: Bool
  /// Whether a space stands between it and the amount.
  var spaced: Bool
}
