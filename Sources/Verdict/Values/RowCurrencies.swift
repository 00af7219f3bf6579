/// The money fields whose bare amounts are in the currency their row names in another field
/// (`field gross: money in currency`), as payment exports write them: PayPal, Stripe and Wise
/// give each row an amount without a sign (`Gross`: `12.50`) and its currency in a column of its
/// own (`Currency`: `USD`).
///
/// A reader reads such an amount's cell as it reads any money cell, a bare amount taking the
/// placeholder ``Currency/ofRow``; once the row's cells are read, ``settle(_:failed:)`` gives each
/// bare amount its row's currency, and refuses an amount whose row names no currency, or another
/// currency than the amount's own cell (`$12.50` in a row of `EUR`). So a dollar row is never
/// read as euros because the policy's other money is in euros: the amount is exact or refused.
package struct RowCurrencies: Sendable {
  /// A money field and the text field that names its rows' currency.
  struct Pair: Sendable {
    /// The money field's slot.
    var amount: Int
    /// The slot of the field holding the row's currency.
    var currency: Int
    /// The currency field's column header, for messages.
    var column: String
  }

  /// The pairs, in slot order of their amounts.
  let pairs: [Pair]

  /// The money fields of `fields` that declare their rows' currency field, and those fields.
  package init(_ fields: [FieldInfo]) {
    pairs = fields.indices.compactMap { slot in
      fields[slot].currencyField.map { Pair(amount: slot, currency: $0, column: fields[$0].columnName) }
    }
  }

  /// Whether no field takes its rows' currency: a reader then has nothing to settle.
  package var isEmpty: Bool { pairs.isEmpty }

  /// The slots of the currency fields that the amounts among `slots` read: a reader that converts
  /// only some fields must convert these too.
  package func currencySlots(of slots: some Sequence<Int>) -> [Int] {
    let chosen = Set(slots)
    return pairs.filter { chosen.contains($0.amount) }.map(\.currency)
  }

  /// Gives each bare amount among a row's `values` (one per slot, read) its row's currency; an
  /// amount that cannot have one, or names another, becomes missing and `failed` is called with
  /// its slot and why, in slot order.
  package func settle(_ values: UnsafeMutablePointer<Value>, failed: (Int, CellError) -> Void) {
    for pair in pairs {
      guard case .money(var money) = values[pair.amount] else { continue }
      let named = RowCurrencies.currency(named: values[pair.currency])
      if money.currency == .ofRow {
        switch named {
        case .success(let currency):
          money.currency = currency
          values[pair.amount] = .money(money)
        case .failure(let problem):
          values[pair.amount] = .missing
          failed(pair.amount, noCurrency(money, problem, column: pair.column))
        }
      } else if let sign = money.currency.rowSign {
        if let settled = RowCurrencies.currency(ofSign: sign, named) {
          money.currency = settled
          values[pair.amount] = .money(money)
        } else {
          values[pair.amount] = .missing
          failed(pair.amount, signRefusal(money, sign: sign, named, column: pair.column))
        }
      } else if case .success(let currency) = named, currency != money.currency {
        values[pair.amount] = .missing
        failed(
          pair.amount,
          RowCurrencies.refusal(
            "\(money) in a row whose \(Value.quote(pair.column)) is \(currency.code)",
            hint: "an amount and its row name two currencies: correct the one that is wrong, or write the amount bare "
              + "(\(Money.format(money.scaledAmount))) to take the row's", kind: "row currency other"))
      }
    }
  }

  /// ``settle(_:failed:)`` on a row held in an array.
  package func settle(_ values: inout [Value], failed: (Int, CellError) -> Void) {
    guard !pairs.isEmpty else { return }
    values.withUnsafeMutableBufferPointer { settle($0.baseAddress!, failed: failed) }
  }

  /// The currency a row's currency cell names: a three-letter code in any letter case (Stripe
  /// writes `usd`) or the sign `€`, `$` or `£`; the cell itself when it names none (or is missing).
  static func currency(named value: Value) -> Result<Currency, CurrencyCellProblem> {
    guard case .text(let text) = value else { return .failure(.empty) }
    // A code is three ASCII letters, a sign at most three bytes: a longer cell is looked at no further.
    let bytes = text.utf8
    if bytes.count == 3, bytes.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }),
      let currency = Currency(code: text.uppercased())
    {
      return .success(currency)
    }
    if bytes.count <= 3, text.count == 1, let currency = Currency(symbol: text.first!) { return .success(currency) }
    return .failure(.notACode(text))
  }

  /// The currency of an amount written with sign `sign` (``Currency/rowSign``, an index of ``CellScanner/rowSigns``) in a row whose
  /// currency cell names `named`: the row's currency when the sign stands for it, the sign's own
  /// when the cell is empty and the sign has one for that (`$`: the US dollar); else `nil` (a
  /// cell that names something else than a currency, `Euro`, contradicts the sign).
  private static func currency(ofSign sign: Int, _ named: Result<Currency, CurrencyCellProblem>) -> Currency? {
    let (_, currencies, unnamed) = CellScanner.rowSigns[sign]
    switch named {
    case .success(let currency): return currencies.contains(currency) ? currency : nil
    case .failure(.empty): return unnamed
    case .failure(.notACode): return nil
    }
  }

  /// The error for an amount written with sign `sign` whose row names another currency than the
  /// sign stands for, or names none where the sign stands for several.
  private func signRefusal(
    _ money: Money, sign: Int, _ named: Result<Currency, CurrencyCellProblem>, column: String
  ) -> CellError {
    let (text, currencies, _) = CellScanner.rowSigns[sign]
    let amount = Money.format(money.scaledAmount)
    let codes = currencies.map(\.code).joined(separator: ", ")
    switch named {
    case .success(let currency):
      return RowCurrencies.refusal(
        "\(amount) written with \"\(text)\" in a row whose \(Value.quote(column)) is \(currency.code)",
        hint: "\"\(text)\" stands for \(codes), not \(currency.code): correct the one that is wrong, or write the "
          + "amount bare (\(amount)) to take the row's", kind: "row currency other sign \(text) \(currency.code)")
    case .failure(let problem):
      let row =
        switch problem {
        case .empty: "its row's \(Value.quote(column)) is empty"
        case .notACode(let cell):
          "its row's \(Value.quote(column)) is \(RowCurrencies.quoted(cell)), not a currency code"
        }
      return RowCurrencies.refusal(
        "\(amount) written with \"\(text)\" has no currency: \"\(text)\" stands for \(codes), and \(row)",
        hint: "write the row's three-letter currency code in \(Value.quote(column)) (\(currencies[0].code)), or the "
          + "amount with its code: \(amount) \(currencies[0].code)", kind: "row currency sign unnamed \(text)")
    }
  }

  /// The error for a bare amount whose row's currency cell names no currency.
  private func noCurrency(_ money: Money, _ problem: CurrencyCellProblem, column: String) -> CellError {
    let amount = Money.format(money.scaledAmount)
    switch problem {
    case .empty:
      return RowCurrencies.refusal(
        "\(amount) has no currency: its row's \(Value.quote(column)) is empty",
        hint: "write the row's three-letter currency code in \(Value.quote(column)) (EUR, USD), or the amount with "
          + "its code: \(amount) EUR",
        kind: "row currency empty")
    case .notACode(let text):
      let code = ["euro", "euros"].contains(text.lowercased()) ? "EUR" : nil
      return RowCurrencies.refusal(
        "\(amount) has no currency: its row's \(Value.quote(column)) is \(RowCurrencies.quoted(text)), not a currency code",
        hint: code.map { "write the euro's code in \(Value.quote(column)): \($0)" }
          ?? "write the row's currency in \(Value.quote(column)) as its three-letter code (EUR, USD) or as €, $ or £",
        kind: code == nil ? "row currency unread" : nil)
    }
  }

  /// A currency cell in quotes for a message, its first 40 characters when longer: a cell of
  /// megabytes is quoted on every row whose amount it leaves without a currency.
  static func quoted(_ text: String) -> String {
    text.count > 40 ? Value.quote(String(text.prefix(40)) + "…") : Value.quote(text)
  }

  /// The error for an amount its row refuses, which reads as money (``CellError/concernsRow``).
  private static func refusal(_ message: String, hint: String, kind: String?) -> CellError {
    var error = CellError(message: message, hint: hint, hintKind: kind)
    error.concernsRow = true
    return error
  }
}

/// Why a row's currency cell names no currency.
enum CurrencyCellProblem: Error {
  /// The cell is empty.
  case empty
  /// The cell holds this text, which is no code or sign.
  case notACode(String)
}

extension Currency {
  /// The placeholder currency of a bare amount in a field whose rows name their currency, until
  /// ``RowCurrencies/settle(_:failed:)`` gives it the row's: no code packs to zero.
  package static let ofRow = Currency(packed: 0)

  /// The placeholder currency of an amount written with a sign of several currencies (`$`, `kr`,
  /// numbered as ``CellScanner/rowSigns`` lists them) in a field whose rows name their currency, until
  /// ``RowCurrencies/settle(_:failed:)`` gives it its row's currency when the sign stands for
  /// it. Bit 24 set: no code packs to it.
  static func ofRow(sign number: Int) -> Currency { Currency(packed: 0x0100_0000 | UInt32(number)) }

  /// The number of the sign a placeholder of ``ofRow(sign:)`` stands for; `nil` for a currency.
  var rowSign: Int? { packed & 0xFF00_0000 == 0x0100_0000 ? Int(packed & 0xFFFF) : nil }
}
