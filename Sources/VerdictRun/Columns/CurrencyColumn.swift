import Verdict
import VerdictData

/// A data file's column that names each row's currency (`Currency`, `currency_code`,
/// `Währung`), as payment exports have beside a bare amount (PayPal's `Gross`, Stripe's
/// `Amount`), while the policy reads its money fields' bare amounts in one currency.
///
/// Each such amount is then read in the field's currency whatever its row says, so a row in
/// dollars would count as euros: the warning names the column and the declaration that reads
/// the amounts in their rows' currencies (`field gross: money in currency`). A warning, not an
/// error: a file of one currency throughout is read right, and the run cannot know which it is
/// before reading every row.
package enum CurrencyColumn: UnreadColumn {
  /// Headers that name a row's currency, lowercased and with letters alone (`Currency Code` is
  /// `currencycode`), in the languages of the exports seen; any header ending in `currency` too.
  private static let names: Set<String> = [
    "currency", "currencycode", "currencyiso", "isocurrency", "ccy", "curr", "cur", "währung", "waehrung",
    "devise", "moneda", "divisa", "valuta", "moeda", "waluta", "měna", "valuuta", "valūta",
    "währungscode", "waehrungscode", "wkz", "wkzumsatz", "munt", "valutaiso", "valutatransazione",
    "codicevaluta", "codigomoneda", "códigomoneda", "devisedelopération", "devisedeloperation", "pénznem",
    "通貨", "通貨コード", "币种", "幣別", "币别", "貨幣", "货币", "통화", "통화코드", "parabirimi", "dövizcinsi",
    "dovizcinsi", "العملة", "מטבע",
  ]

  /// What is wrong: `has a column 'Currency', but 'gross' reads every bare amount as EUR, …`.
  package static func sentence(_ found: UnreadColumnFinding, columns: [String], policy: Policy) -> String {
    let field = policy.fields[found.field]
    return "has a column '\(MessageText.escaped(columns[found.column]))', but '\(field.name)' reads every bare "
      + "amount as \(field.currency?.code ?? ""), whatever a row's currency"
  }

  /// The declarations that read the amounts in their rows' currencies, with a name for the
  /// currency's field that no field has (`converted_currency` when `currency` is taken).
  package static func hint(_ found: UnreadColumnFinding, columns: [String], policy: Policy) -> String {
    let name = newFieldName("currency", header: columns[found.column], policy: policy)
    return "if the amounts are in their rows' currencies, declare field \(name): text from "
      + "\"\(MessageText.escaped(columns[found.column]))\" and field \(policy.fields[found.field].name): money in \(name)"
  }

  /// Whether `field` reads bare amounts in a currency of its own (not its rows').
  package static func concerns(_ field: FieldInfo) -> Bool {
    field.currency != nil
  }

  /// Whether a header names a row's currency.
  package static func isNamed(_ header: String) -> Bool {
    let letters = String(header.lowercased().filter(\.isLetter))
    return names.contains(letters) || letters.hasSuffix("currency")
  }
}
