import Verdict

extension MoneyNotation {
  /// How the sampled cells of a file's money columns write amounts, read with `mark` (the decimal
  /// mark decided for reading them); `nil` when no cell holds an amount. The thousands separator
  /// and the currency sign are each the one most cells show (the first seen on a tie); a sign that
  /// stands for no currency (`%`, a word) is not one.
  static func decide(_ cells: [String], mark: NumberFormat.DecimalMark) -> MoneyNotation? {
    let markText: String
    switch mark {
    case .comma: markText = ","
    case .point, .undecided: markText = "."
    }
    var separators = Majority<String>()
    var signs = Majority<CurrencySign>()
    var amounts = 0
    for cell in cells {
      guard let written = WrittenAmount(cell, mark: markText) else { continue }
      amounts += 1
      if let separator = written.groupSeparator { separators.add(separator) }
      if let sign = written.sign { signs.add(sign) }
    }
    guard amounts > 0 else { return nil }
    return MoneyNotation(decimalMark: markText, groupSeparator: separators.winner, sign: signs.winner)
  }
}

/// What one money cell shows of its notation: `-1.234,56 €` groups with `.` and has `€` after a
/// space.
struct WrittenAmount {
  var groupSeparator: String?
  var sign: CurrencySign?

  /// The separators that may group thousands, as `NumberFormat.Grouping.any` reads them.
  private static let grouping: Set<Character> = [".", ",", "'", " ", "\u{A0}", "\u{202F}", "\u{2009}"]
  private static let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", "\t"]

  /// `nil` for a cell without digits.
  init?(_ cell: String, mark: String) {
    let characters = Array(cell)
    guard let first = characters.firstIndex(where: \.isASCIIDigit),
      let last = characters.lastIndex(where: \.isASCIIDigit)
    else { return nil }
    for character in characters[first...last] where WrittenAmount.grouping.contains(character) {
      guard String(character) != mark else { break }
      // A space groups as a no-break space does: the page never breaks an amount.
      groupSeparator = WrittenAmount.spaces.contains(character) ? "\u{A0}" : String(character)
      break
    }
    let before = String(characters[..<first]).filter { $0 != "-" && $0 != "+" }
    let after = String(characters[(last + 1)...])
    for (text, isBefore) in [(before, true), (after, false)] {
      let trimmed = text.trimmingCharacters(in: WrittenAmount.spaces)
      guard !trimmed.isEmpty, let currency = WrittenAmount.currency(trimmed) else { continue }
      let spaced = isBefore ? WrittenAmount.spaces.contains(text.last!) : WrittenAmount.spaces.contains(text.first!)
      sign = CurrencySign(text: trimmed, currency: currency, before: isBefore, spaced: spaced)
      break
    }
  }

  /// The currency a sign stands for: a symbol the language knows, or a three-letter code.
  private static func currency(_ sign: String) -> Currency? {
    if sign.count == 1, let symbol = sign.first, let currency = Currency(symbol: symbol) { return currency }
    return Currency(code: sign)
  }
}

/// Counts values; the winner is the most frequent, the first seen on a tie.
struct Majority<Value: Hashable> {
  private var order: [Value] = []
  private var counts: [Value: Int] = [:]

  mutating func add(_ value: Value) {
    if counts[value] == nil { order.append(value) }
    counts[value, default: 0] += 1
  }

  var winner: Value? {
    var best: Value?
    for value in order where best.map({ counts[value, default: 0] > counts[$0, default: 0] }) ?? true {
      best = value
    }
    return best
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// The string without `characters` at either end.
  fileprivate func trimmingCharacters(in characters: Set<Character>) -> String {
    var slice = Substring(self)
    while let first = slice.first, characters.contains(first) { slice.removeFirst() }
    while let last = slice.last, characters.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
