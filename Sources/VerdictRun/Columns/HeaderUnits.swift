import Verdict
import VerdictData

/// A column whose header names another currency or duration unit than the field that reads it:
/// `Amount (USD)` read by a field of euros, `Time (min)` by `duration in hours`. The field reads
/// every bare number in its own unit, so each is misread by the same factor, without a word; the
/// header is the export's own statement of its unit.
///
/// So is a header that counts in thousands or millions (`Umsatz (TEUR)`, `Revenue (k€)`, `in
/// thousands`), as accounting reports write, read by a money or number field: the field reads
/// `12.5` as it is, a thousandth of what the column means.
///
/// A warning, not an error: a header may be wrong, and the field's declaration is the policy's
/// word. Only clear statements count: a currency's sign (`€`, `$`, `£`) or a common code in
/// capitals (`USD`, not `VAT`), and a duration's unit written out (`Hours`, `minutes`, `Std`) or,
/// short, in brackets (`(h)`, `[min]`), since `min` alone may be a minimum and `s` a plural.
package enum HeaderUnits {
  /// A field, its column and the unit the header names.
  package struct Finding: Sendable {
    /// The field's slot.
    package var slot: Int
    /// The column's header.
    package var column: String
    /// The unit the header names (`USD`, `minutes`) and the one the field reads (`EUR`, `hours`).
    package var named: String
    package var read: String
    /// Whether the header names a scale (`thousands`), not a unit.
    package var isScale = false
    /// Whether the field reads each amount in its row's currency (`money in currency`), not in
    /// ``read``: Gumroad's `Sale Price ($)` is in dollars whatever its row's `Currency` says.
    package var readsRowCurrency = false
  }

  /// The fields of `policy` that read a column of `columns` whose header names another unit.
  package static func findings(columns: [String], policy: Policy) -> [Finding] {
    let header = HeaderIndex(columns)
    return policy.fields.indices.compactMap { slot in
      let field = policy.fields[slot]
      guard field.isUsed, case .found(let index) = header.find(field.columnName) else { return nil }
      let column = columns[index]
      switch field.type {
      case .money:
        let named = currencies(in: column)
        if field.currencyField == nil, let currency = field.currency, let first = named.first,
          !named.contains(currency)
        {
          return Finding(slot: slot, column: column, named: first.code, read: currency.code)
        }
        // A header naming one currency: `$` alone names a dollar, not which (many write it).
        if field.currencyField != nil, Set(named).count == 1, let only = named.first {
          let dollar = only == .dollar && column.contains("$") && !column.contains(only.code)
          return Finding(
            slot: slot, column: column, named: dollar ? "$" : only.code, read: "", readsRowCurrency: true)
        }
        return scale(in: column).map { Finding(slot: slot, column: column, named: $0, read: "units", isScale: true) }
      case .duration:
        guard let unit = field.durationUnit else { return nil }
        let named = durationUnits(in: column)
        guard let first = named.first, !named.contains(unit) else { return nil }
        return Finding(slot: slot, column: column, named: first.fieldUnit, read: unit.fieldUnit)
      case .number:
        return scale(in: column).map { Finding(slot: slot, column: column, named: $0, read: "units", isScale: true) }
      case .percent, .date, .text, .bool, .list, nil:
        return nil
      }
    }
  }

  /// The currencies a header names: by a sign (`€`, or one of a single currency alone in brackets,
  /// `Kwota (zł)`, `Betrag (Fr.)`; not `kr`, the sign of four), or a common code as a word,
  /// in capitals (`Amount (USD)`), or in small letters in a header without capitals, as JSON
  /// keys and machine exports write them (`gross_usd`; not `try`, a word before it is Turkey's
  /// lira).
  static func currencies(in header: String) -> [Currency] {
    // `$` after letters is the sign they make (`R$` the real, `US$`, `CA$`), or none that says
    // which dollar (`C$`), not the US dollar.
    let characters = Array(header)
    var found: [Currency] = characters.indices.compactMap { index in
      guard characters[index] == "$", index > 0, characters[index - 1].isLetter else {
        return Currency(symbol: characters[index])
      }
      var start = index
      while start > 0, characters[start - 1].isLetter { start -= 1 }
      return Currency(sign: String(characters[start...index])[...])
    }
    // A sign in brackets alone: `Ft` and `Fr.` are also words (`Rent per Sq Ft`).
    for inside in bracketed(in: header) {
      if let currency = Currency(sign: inside.trimmingCharacters(in: .whitespaces)[...]) { found.append(currency) }
    }
    let keyStyle = !header.contains(where: \.isUppercase)
    for word in header.split(whereSeparator: { !$0.isLetter }) where word.count == 3 {
      let code = word.uppercased()
      guard word == code || keyStyle && word != "try" else { continue }
      if CellReader.commonCodes.contains(code), let currency = Currency(code: code) { found.append(currency) }
    }
    // Once each: `(R$)` names the real by its sign alone in brackets and as a sign.
    return found.enumerated().filter { !found[..<$0.offset].contains($0.element) }.map(\.element)
  }

  /// The duration units a header names: a unit's word of four letters or more (`Hours`,
  /// `Minuten`), or any unit's word alone in brackets (`(h)`, `[min]`, `(hrs)`).
  static func durationUnits(in header: String) -> [TimeSpan.Unit] {
    var found: [TimeSpan.Unit] = []
    for word in header.split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
      if let unit = TimeSpan.Unit(word: String(word)) { found.append(unit) }
    }
    for inside in bracketed(in: header) {
      let word = inside.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["."])
      if let unit = TimeSpan.Unit(word: word) { found.append(unit) }
    }
    return found
  }

  /// The scale a header counts in, `thousands`, `millions` or `cents`: a word that says so
  /// (`thousands`, `Tsd`, `Tausend`, `milliers`, `TEUR`, `kEUR`, `Mio`, `amount_cents`) or a
  /// sign, in brackets or not (`(k)`, `(k€)`, `T€`, `('000)`); `nil` for none. Not `miles`,
  /// Spanish thousands but English miles.
  static func scale(in header: String) -> String? {
    let words = header.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && !$0.isNumber })
    for word in words {
      switch word {
      case "thousand", "thousands", "tsd", "tausend", "milliers", "migliaia", "tys", "teur", "tusd", "tchf", "keur",
        "kusd", "'000":
        return "thousands"
      case "million", "millions", "mio", "millionen", "millones", "milioni", "mln", "meur", "musd": return "millions"
      case "cent", "cents", "pence", "centavos", "centimes": return "cents"
      default: continue
      }
    }
    // A sign of thousands stands anywhere (`Umsatz T€`); `k` and `000` only alone in brackets.
    for inside in bracketed(in: header.lowercased()) {
      let word = inside.filter { !$0.isWhitespace }
      if thousandsSigns.contains(word) || ["k", "000", "'000"].contains(word) { return "thousands" }
    }
    for word in header.lowercased().split(whereSeparator: { $0.isWhitespace || "()[]".contains($0) }) {
      if thousandsSigns.contains(String(word)) { return "thousands" }
    }
    return nil
  }

  /// The signs of a currency in thousands: `k€`, `T€`, `$k`.
  private static let thousandsSigns: Set<String> = ["k€", "€k", "$k", "k$", "£k", "k£", "t€"]

  /// What each pair of brackets in a header holds, `(` or `[` to the next `)` or `]`: where a
  /// header states its unit or scale (`Time (min)`, `Revenue [k€]`).
  private static func bracketed(in header: String) -> [Substring] {
    var found: [Substring] = []
    var rest = Substring(header)
    while let open = rest.firstIndex(where: { $0 == "(" || $0 == "[" }) {
      let inside = rest[rest.index(after: open)...]
      guard let close = inside.firstIndex(where: { $0 == ")" || $0 == "]" }) else { break }
      found.append(inside[..<close])
      rest = inside[inside.index(after: close)...]
    }
    return found
  }

  /// The sentence for a finding in `file`, read by `policy`.
  package static func sentence(_ finding: Finding, policy: Policy) -> String {
    let field = policy.fields[finding.slot]
    if finding.isScale {
      return "the column '\(MessageText.escaped(finding.column))' counts in \(finding.named), but '\(field.name)' "
        + "reads each number as it is written"
    }
    let what = field.type == .money ? "bare amounts" : "bare numbers"
    if finding.readsRowCurrency {
      return "the column '\(MessageText.escaped(finding.column))' names \(finding.named), but '\(field.name)' reads "
        + "each of its bare amounts in its row's currency"
    }
    return "the column '\(MessageText.escaped(finding.column))' names \(finding.named), but '\(field.name)' reads its "
      + "\(what) as \(finding.read)"
  }

  /// The declaration that reads the column in the unit its header names.
  package static func hint(_ finding: Finding, policy: Policy) -> String {
    let field = policy.fields[finding.slot]
    if finding.isScale {
      let (reads, example) =
        switch finding.named {
        case "thousands": ("a thousandth of", "12.5 for 12,500")
        case "millions": ("a millionth of", "1.2 for 1,200,000")
        default: ("a hundred times", "1250 for 12.50")
        }
      return "it reads \(reads) what the column means (\(example)): compare it in \(finding.named), or export "
        + "the column in units"
    }
    let type = field.type == .money ? "money" : "duration"
    if finding.readsRowCurrency {
      let currency = finding.named == "$" ? "USD (or the dollar it is)" : finding.named
      return "if the column is in \(finding.named) whatever a row's currency, declare field \(field.name): "
        + "money in \(currency)"
    }
    return "if the column is in \(finding.named), declare field \(field.name): \(type) in \(finding.named)"
  }

  /// The summary's warnings for the columns of `file` that `policy` reads.
  package static func warnings(columns: [String], policy: Policy, file: String) -> [String] {
    findings(columns: columns, policy: policy).map {
      "warning: \(MessageText.escaped(file)): \(sentence($0, policy: policy)): \(hint($0, policy: policy))"
    }
  }
}
