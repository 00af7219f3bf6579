import Foundation
import Testing

@testable import Verdict

/// The byte-level fast paths in `CellScanner` must read every cell exactly as the original code
/// did (kept in `LegacyCellReader.swift`): same value, same error, same hint.
///
/// Dates are the exception: their reading was redefined with declared formats (a time after the
/// date must be a valid one, signs are refused, hints name the format to declare), so a date
/// field, and an undeclared field's cell either reader takes for a date, are not compared here;
/// `DateFormatTests` and `DateCellTests` cover them.
struct CellReaderEquivalenceTests {
  static let fields: [FieldInfo] = [
    FieldInfo(name: "any", type: nil),
    FieldInfo(name: "text", type: .text),
    FieldInfo(name: "bool", type: .bool),
    FieldInfo(name: "number", type: .number),
    FieldInfo(name: "percent", type: .percent),
    FieldInfo(name: "duration", type: .duration),
    FieldInfo(name: "days", type: .duration, durationUnit: .day),
    FieldInfo(name: "hours", type: .duration, durationUnit: .hour),
    FieldInfo(name: "money", type: .money),
    FieldInfo(name: "euros", type: .money, currency: .euro),
    FieldInfo(name: "dollars", type: .money, currency: .dollar),
  ]

  static let curated: [String] = [
    "", " ", "45", "-3", "+7", "2.5", "1,234.56", "1.234,56", "1.234", "12,5", "007", "1e3", ".5", "5.", "1,23",
    "45d", "45 d", "45D", "45 days", "1 day", "12h", "12 hours", "90min", "90 minutes", "2w", "6mo", "1y", "2 years",
    "45dd", "45s", "mins", "1.5d", "0.5h", "fourty", "45x",
    "true", "false", "TRUE", "False", "yes", "No", "y", "N", "1", "0", "ja", "nein", "\u{0}true", "tru", "truee",
    "2026-11-28", "2026-02-29", "2028-02-29", "2026-13-01", "2026-1-5", "2026-11-28T10:00", "2026-11-28 10:00",
    "2026-11-28X", "28.11.2026", "1.1.2026", "01.01.2026", "31.02.2027", "1..1.2026", "+1.12.2026", "1.1.1.2026",
    "28.11.26", "2026-+1-05", "٢٠٢٦-١١-٢٨", "28.11.2026 ", "0000-01-01", "9999-12-31",
    "20%", "20 %", "12.5%", "%", "-5%", "1.234,5%",
    "1200", "1200.50", "1200.50 EUR", "EUR 1200", "€1200", "1200€", "1.234,56 €", "$1,200.00", "£5", "5 GBP",
    "5 usd", "5 CHF", "CHF5", "5CHF", "ABCD", "€", "€$5", "5$€", "1200 EURO", "EUR", "12.345 EUR", "0.00", "0,00",
    "1.234.567,89", "1,234,567.89", "123456789012345678901234", "-0", "  45  ", "\t45\n", "Café", "ß", "İ",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
  ]

  /// Random short cells from an alphabet that hits every branch.
  static func randomCells(count: Int) -> [String] {
    let alphabet: [String] = [
      "0", "1", "2", "5", "9", ".", ",", "-", "+", " ", "d", "h", "m", "i", "n", "o", "w", "y", "s", "D", "E", "U",
      "R", "S", "€", "$", "£", "%", "T", ":", "t", "r", "u", "e", "f", "a", "l", "N", "Y", "ä", "\u{0}",
    ]
    var state: UInt64 = 0x5EED
    func next() -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % 1_000_003)
    }
    return (0..<count).map { _ in
      (0..<(next() % 13)).map { _ in alphabet[next() % alphabet.count] }.joined()
    }
  }

  /// Number cells the old reader refused as "not money" (or not a number, a percent, a duration)
  /// are now refused with their real cause (too large, too many decimal places, part of a
  /// second): the same outcome, a truer message.
  static func isNamedCause(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old, before.message.contains(" is not ") else {
      return false
    }
    let causes = [
      "is too large for money", "money is exact to 4", "is too large to be read exactly",
      "has too many digits to be read exactly", "is not a whole number of seconds",
    ]
    return causes.contains {
      now.message.hasSuffix($0)
    }
  }

  /// Numbers past 64 bits, which the old reader refused (or took for text in an undeclared
  /// field), are now read exactly as decimals, up to 28 digits.
  static func isWiderNumber(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    switch (new, old) {
    case (.success(.decimal(let number)), .failure), (.success(.decimal(let number)), .success(.text)),
      (.success(.percent(let number)), .failure):
      return number.description.filter(\.isNumber).count >= 19
    default: return false
    }
  }

  /// Numbers the column's decimal mark cannot read, which the old reader took for text in an
  /// undeclared field (`"12,5"` with a decimal point), are now refused as such.
  static func isRefusedNumber(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .success(.text) = old else { return false }
    return now.message.contains("is a number written with a decimal") || now.message.contains("has two readings")
  }

  /// Cells in exponent notation (`1e3`), refused as before, now have a hint that says their
  /// exponent is not read and what the number is written out (`CellReader+Exponents.swift`).
  static func isExponentHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old else { return false }
    return now.message == before.message && now.hint?.hasPrefix("exponent notation is not read") == true
  }

  /// Number, money and percent cells in an exporter's habit (`.5`, `100-`), refused as before, now have
  /// a hint that gives the cell as it is read (`CellReader+NearMisses.swift`).
  static func isNearMissHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old, now.message == before.message,
      let hint = now.hint
    else { return false }
    return [
      "if it is negative", "write the minus next to", "group thousands with", "write the minus sign as",
      "write a digit on each side",
    ].contains { hint.hasPrefix($0) }
  }

  /// Amounts with a credit or debit mark (`12.50 CR`), refused as before, now have a hint that
  /// names the mark (`CellReader+DebitCredit.swift`).
  static func isDebitCreditHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old else { return false }
    return now.message == before.message && now.hint?.contains(", which is not read as a sign") == true
  }

  /// Money whose currency is written another way (`5 usd`, `¥1234`), refused as before (`¥1,234`
  /// was "two readings", though it reads with neither mark), now has a hint that names the
  /// currency's code (`CellReader+CurrencyForms.swift`).
  static func isCurrencyFormHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old, let hint = now.hint else { return false }
    let sameMessage =
      now.message == before.message || before.message.hasSuffix("has two readings: its decimal mark is not known")
    return sameMessage
      && (hint.hasPrefix("write the currency's code in capital letters") || hint.hasPrefix("write the euro's code")
        || hint.contains("stands for more than one currency"))
  }

  /// Amounts with a currency sign other than `€`, `$` and `£` (`S$9`, `500 zł`), now read in the
  /// currency the sign names (`CellScanner+CurrencySigns.swift`).
  static func isOtherCurrencySign(_ new: Result<Value, CellError>, _ cell: String) -> Bool {
    guard case .success(.money(let money)) = new else { return false }
    return CellScanner.otherSigns.contains { $0.currencies.contains(money.currency) && cell.contains($0.text) }
  }

  /// Durations with a unit written as exports write it, now read: abbreviated (`2 hrs`, `2Yr`),
  /// in German (`3 Tage`), with an abbreviation's point (`90 Min.`, `2w.`), in parts (`1h 30m`)
  /// or in ISO 8601's form (`PT1H30M`) (`CellScanner.unit(named:)`,
  /// `CellScanner+CompoundDurations.swift`).
  static func isAbbreviatedUnit(_ new: Result<Value, CellError>, _ cell: String) -> Bool {
    guard case .success(.duration) = new else { return false }
    let text = cell.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("."), text.dropLast().last?.isLetter == true { return true }
    let letters = String(text.reversed().prefix { $0.isLetter }.reversed()).lowercased()
    let words = [
      "secs", "mins", "hr", "hrs", "wk", "wks", "yr", "yrs", "sek", "sekunde", "sekunden", "minuten", "std", "stunde",
      "stunden", "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "jahr", "jahre", "jahren",
    ]
    if words.contains(letters) { return true }
    // In parts: a letter with a digit after it (`1h30m`), or ISO's `P…`.
    let firstLetter = text.firstIndex { $0.isLetter }
    return text.uppercased().hasPrefix("P") || firstLetter.map { text[$0...].contains { $0.isNumber } } == true
  }

  /// Truth values of German, French, Dutch, Spanish and Italian exports (`ja`, `oui`, `faux`), and
  /// a form's or a checkbox's (`on`, `checked`), now read.
  static func isGermanTruth(_ new: Result<Value, CellError>, _ cell: String) -> Bool {
    guard case .success(.bool) = new else { return false }
    let words = [
      "ja", "nein", "wahr", "falsch", "oui", "non", "vrai", "faux", "nee", "waar", "onwaar", "si", "sí", "sì", "vero",
      "verdadero", "falso", "on", "off", "checked", "unchecked", "sim", "não", "nao", "evet", "hayır", "hayir", "כן",
      "לא", "نعم", "لا",
    ]
    return words.contains(cell.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// Percents in a number field (`12%`), refused as before, now have a hint that names the
  /// percent type (`CellReader+OtherTypes.swift`).
  static func isPercentHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old else { return false }
    return now.message == before.message && now.hint?.hasPrefix("a number followed by % is a percent") == true
  }

  /// What exports write for a missing value (`N/A`, `-`) or an accounting format's zero (`$ -`),
  /// refused as before, now have a hint that says so (`CellReader+Placeholders.swift`).
  static func isPlaceholderHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old else { return false }
    return now.message == before.message
      && (now.hint?.hasPrefix("a missing value is an empty cell") == true
        || now.hint?.contains("is how a spreadsheet's accounting format shows zero") == true)
  }

  /// Money refused as before, whose hint of the usual forms is now in the field's currency and
  /// with the column's decimal mark (`CellReader.moneyForms`), where it named the euro and a point.
  static func isMoneyFormsHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old else { return false }
    return now.message == before.message && before.hint == "write money as 1200.50, 1200.50 EUR, €1200 or 1200 €"
      && now.hint?.hasPrefix("write money as 1200") == true
  }

  /// A number with `m` alone after it (`5m`), refused as before, now has a hint that it may be
  /// minutes or months.
  static func isMinutesOrMonthsHint(_ new: Result<Value, CellError>, _ old: Result<Value, CellError>) -> Bool {
    guard case .failure(let now) = new, case .failure(let before) = old else { return false }
    return now.message == before.message && now.hint?.hasPrefix("m alone may be minutes or months") == true
  }

  @Test(arguments: [false, true]) func sameResultsAsBefore(decimalComma: Bool) {
    let reader = CellReader(numbers: decimalComma ? .comma : .point)
    let legacy = LegacyCellReader(decimalComma: decimalComma)
    var compared = 0
    for cell in Self.curated + Self.randomCells(count: 40_000) {
      for field in Self.fields {
        let new = reader.read(cell, for: field)
        let old = legacy.read(cell, for: field)
        if case .success(.date) = new { continue }
        if case .success(.date) = old { continue }
        if new != old && !Self.isNamedCause(new, old) && !Self.isWiderNumber(new, old)
          && !Self.isRefusedNumber(new, old) && !Self.isExponentHint(new, old) && !Self.isNearMissHint(new, old)
          && !Self.isPercentHint(new, old) && !Self.isPlaceholderHint(new, old) && !Self.isDebitCreditHint(new, old)
          && !Self.isCurrencyFormHint(new, old) && !Self.isAbbreviatedUnit(new, cell) && !Self.isGermanTruth(new, cell)
          && !Self.isOtherCurrencySign(new, cell) && !Self.isMoneyFormsHint(new, old)
          && !Self.isMinutesOrMonthsHint(new, old)
        {
          Issue.record("\(Value.quote(cell)) as \(field.name), decimal comma \(decimalComma): \(new) but was \(old)")
        }
        compared += 1
      }
    }
    #expect(compared > 400_000)
  }
}
