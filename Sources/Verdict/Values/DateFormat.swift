/// How a date field's cells are written: the order of year, month and day, the separator between
/// them and the digits of the year, as a policy declares it with
/// `field due: date format "M/D/YYYY"`.
///
/// A pattern is made of the tokens `YYYY` (a four-digit year), `YY` (a two-digit year), `MM` or
/// `M` (the month), `MMM` or `MMMM` (the month's name, as ``MonthNames`` knows them: `Dec`,
/// `December`, `Dez.`), `DD` or `D` (the day), in the order year-month-day, day-month-year or
/// month-day-year, separated by `-`, `.`, `/` or a space, or not separated at all (`YYYYMMDD`,
/// `DDMMMYYYY`). With a separator, `M` and `MM` both read one or two digits (exports mix
/// `2/1/2013` and `02/01/2013`), and so do `D` and `DD`; without one, the day and a month in
/// digits have two digits each.
///
/// A two-digit year follows POSIX `strptime`: 69 to 99 are 1969 to 1999, 00 to 68 are 2000 to
/// 2068. Every format reads an optional time after the date (see ``date(in:from:to:)``).
///
/// The format holds only small numbers, so that it can be copied for every cell of a batch.
package struct DateFormat: Sendable, Hashable {
  /// The order in which a date's parts are written.
  package enum Order: UInt8, Sendable, Hashable, CaseIterable {
    /// Year, month, day: `2026-11-28`.
    case yearMonthDay
    /// Day, month, year: `28.11.2026`.
    case dayMonthYear
    /// Month, day, year: `11/28/2026`.
    case monthDayYear
  }

  /// What stands between a date's parts.
  package enum Separator: UInt8, Sendable, Hashable, CaseIterable {
    /// `-`.
    case dash = 0x2D
    /// `.`.
    case dot = 0x2E
    /// `/`.
    case slash = 0x2F
    /// A space: `28 Nov 26`.
    case space = 0x20
    /// Nothing: `20261128`.
    case none = 0
  }

  /// The order of the parts.
  package let order: Order
  /// The separator between the parts.
  package let separator: Separator
  /// How many digits the year has: 4 or 2.
  package let yearDigits: UInt8
  /// How the month and the day are written in the pattern (`M` is 1, `MM` 2, and a month's name
  /// `MMM` 3 or `MMMM` 4). With a separator both widths of digits read one or two; the widths of
  /// digits and of names only give the pattern back as written.
  let monthWidth: UInt8
  let dayWidth: UInt8

  init(order: Order, separator: Separator, yearDigits: UInt8, monthWidth: UInt8 = 2, dayWidth: UInt8 = 2) {
    self.order = order
    self.separator = separator
    self.yearDigits = yearDigits
    self.monthWidth = monthWidth
    self.dayWidth = dayWidth
  }

  /// The format a pattern such as `"M/D/YYYY"` or `"DD.MM.YY"` describes, or `nil` when it is
  /// not one (``init(validating:)`` says why).
  package init?(pattern: String) {
    guard let format = try? DateFormat(validating: pattern) else { return nil }
    self = format
  }

  /// The format a pattern describes; a pattern that is not one throws what is wrong with it.
  package init(validating pattern: String) throws(PatternError) {
    let tokens = try DateFormat.tokens(of: pattern)
    var parts: [Token] = []
    var separators: [Separator] = []
    var afterPart = false
    for token in tokens {
      if case .separator(let separator) = token {
        guard afterPart else {
          throw PatternError("'\(pattern)' has a separator where a year, a month or a day belongs")
        }
        separators.append(separator)
        afterPart = false
      } else {
        guard !afterPart || separators.isEmpty else {
          throw PatternError("'\(pattern)' needs a separator between every two parts, or none at all")
        }
        parts.append(token)
        afterPart = true
      }
    }
    guard afterPart else { throw PatternError("'\(pattern)' ends with a separator") }
    guard separators.isEmpty || separators.count == parts.count - 1 else {
      throw PatternError("'\(pattern)' needs a separator between every two parts, or none at all")
    }
    guard parts.count == 3 else {
      throw PatternError("'\(pattern)' must have a year, a month and a day, each once")
    }
    guard separators.isEmpty || separators[0] == separators[1] else {
      throw PatternError("'\(pattern)' mixes separators: use one of - . / or a space throughout")
    }
    var year: UInt8 = 0
    var month: UInt8 = 0
    var day: UInt8 = 0
    var letters: [Character] = []
    for part in parts {
      switch part {
      case .year(let digits) where year == 0: year = digits
      case .month(let width) where month == 0: month = width
      case .day(let width) where day == 0: day = width
      case .year, .month, .day, .separator:
        throw PatternError("'\(pattern)' must have a year, a month and a day, each once")
      }
      letters.append(part.letter)
    }
    let order: Order
    switch String(letters) {
    case "YMD": order = .yearMonthDay
    case "DMY": order = .dayMonthYear
    case "MDY": order = .monthDayYear
    default:
      throw PatternError("'\(pattern)' is in an order dates are not written in: use Y-M-D, D-M-Y or M-D-Y")
    }
    let separator = separators.first ?? .none
    if separator == .none, month == 1 || day != 2 {
      throw PatternError("'\(pattern)' has no separators, so the month and the day need two digits: MM and DD")
    }
    self.init(order: order, separator: separator, yearDigits: year, monthWidth: month, dayWidth: day)
  }

  /// Whether the month is written by its name (`MMM` or `MMMM`), not in digits.
  package var monthInWords: Bool { monthWidth >= 3 }

  /// The pattern, as ``init(pattern:)`` reads it: `"M/D/YYYY"`.
  package var pattern: String {
    let year = String(repeating: "Y", count: Int(yearDigits))
    let month = String(repeating: "M", count: Int(monthWidth))
    let day = String(repeating: "D", count: Int(dayWidth))
    let parts: [String]
    switch order {
    case .yearMonthDay: parts = [year, month, day]
    case .dayMonthYear: parts = [day, month, year]
    case .monthDayYear: parts = [month, day, year]
    }
    let between = separator == .none ? "" : String(UnicodeScalar(separator.rawValue))
    return parts.joined(separator: between)
  }

  /// 28 November 2026 written in this format, to show it in hints: `11/28/2026`.
  package var example: String {
    let year = yearDigits == 2 ? "26" : "2026"
    let month = monthWidth == 4 ? "November" : monthInWords ? "Nov" : "11"
    let parts: [String]
    switch order {
    case .yearMonthDay: parts = [year, month, "28"]
    case .dayMonthYear: parts = ["28", month, year]
    case .monthDayYear: parts = [month, "28", year]
    }
    let between = separator == .none ? "" : String(UnicodeScalar(separator.rawValue))
    return parts.joined(separator: between)
  }

  /// What a pattern may hold, for hints.
  package static let patternHint =
    "a format has a year (YYYY or YY), a month (MM or M, or MMM for its name) and a day (DD or D), in the order "
    + "Y M D, D M Y or M D Y, separated by - . / or a space (or not at all): for example \"M/D/YYYY\", "
    + "\"DD.MM.YY\", \"DD-MMM-YY\" or \"YYYY-MM-DD\""

  /// Why a pattern is not a date format.
  package struct PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, such as `'YYY' is not a date format token`.
    package var message: String

    init(_ message: String) { self.message = message }

    /// The message.
    package var description: String { message }
  }

  // MARK: - Tokens

  enum Token {
    case year(UInt8), month(UInt8), day(UInt8), separator(Separator)

    var letter: Character {
      switch self {
      case .year: "Y"
      case .month: "M"
      case .day: "D"
      case .separator: "-"
      }
    }
  }

  /// The tokens of a pattern: runs of one letter, and separators.
  static func tokens(of pattern: String) throws(PatternError) -> [Token] {
    guard !pattern.isEmpty else { throw PatternError("an empty date format") }
    var tokens: [Token] = []
    let characters = Array(pattern)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if let separator = Separator.allCases.first(where: {
        $0 != .none && Character(UnicodeScalar($0.rawValue)) == character
      }) {
        tokens.append(.separator(separator))
        index += 1
        continue
      }
      var run = index
      while run < characters.count, characters[run] == character { run += 1 }
      let word = String(characters[index..<run])
      switch (character, run - index) {
      case ("Y", 4): tokens.append(.year(4))
      case ("Y", 2): tokens.append(.year(2))
      case ("M", 1...4): tokens.append(.month(UInt8(run - index)))
      case ("D", 1...2): tokens.append(.day(UInt8(run - index)))
      case ("y", _), ("m", _), ("d", _):
        throw PatternError("'\(word)' in '\(pattern)': write the tokens in capitals, as in '\(pattern.uppercased())'")
      case ("H", _), ("h", _), (":", _), ("T", _):
        throw PatternError(
          "'\(pattern)' holds a time: a format gives only the date, and every format reads a time after it")
      default:
        throw PatternError("'\(word)' in '\(pattern)' is not a date format token")
      }
      index = run
    }
    return tokens
  }
}

extension DateFormat: CustomStringConvertible {
  /// The pattern.
  package var description: String { pattern }
}
