/// Money cells whose currency is written in a way the reader does not take: a sign of several
/// currencies in a field of none of them (`¥1234` in a field of dollars, `1 200 kr` in one of
/// euros), a common code in small letters (`12.50 eur`) or the euro's name (`12.50 Euro`).
///
/// Such a cell stays refused: `¥` is the yen's and the yuan's sign, and a code in small letters
/// may be a word. The hint names the currency's codes, with the cell rewritten when that reads in
/// the field, where the generic hint offered the forms of euros. The error path alone pays for it.
extension CellReader {
  /// The error for a trimmed `cell` of a money `field` whose currency is written as above and
  /// that reads with its code instead; `nil` for any other cell.
  func currencyWrittenAnotherWay(_ cell: CellScanner, _ field: CellFormat) -> CellError? {
    // No amount is longer: a cell of megabytes is not looked at character by character.
    guard cell.end > cell.start, cell.end - cell.start <= 64 else { return nil }
    let minus = cell.bytes[cell.start] == UInt8(ascii: "-") ? 1 : 0
    if let (sign, _) = cell.otherSign(from: cell.start + minus, to: cell.end), sign.currencies.count > 1 {
      let text = cell.string
      guard let range = text.firstRange(of: sign.text) else { return nil }
      let amount = CellReader.collapsed(text[..<range.lowerBound] + text[range.upperBound...])
      guard amount.contains(where: \.isNumber) else { return nil }
      let codes = sign.currencies.map(\.code)
      let written = codes.map { "\(amount) \($0)" }
      // With the cell rewritten only when that reads: `¥1,234` has two readings as well.
      let code = written.allSatisfy { reads($0, as: field) } ? written : codes
      return cell.mismatch(
        "money",
        hint: "\"\(sign.text)\" stands for more than one currency (\(codes.joined(separator: ", "))): declare the "
          + "field's currency, such as money in \(codes[0]), or write the code: \(code.joined(separator: " or "))",
        kind: "currency sign")
    }
    let text = cell.string
    let words = text.split(separator: " ")
    guard words.count == 2, let word = words.first(where: { $0.allSatisfy(\.isLetter) }) else { return nil }
    let lowered = word.lowercased()
    let code = ["euro", "euros"].contains(lowered) ? "EUR" : lowered.uppercased()
    guard code != String(word), ["euro", "euros"].contains(lowered) || CellReader.commonCodes.contains(code) else {
      return nil
    }
    let rewritten = words.map { $0 == word ? code : String($0) }.joined(separator: " ")
    guard reads(rewritten, as: field) else { return nil }
    let why = code == word.uppercased() ? "write the currency's code in capital letters" : "write the euro's code"
    return cell.mismatch("money", hint: "\(why): \(rewritten)", kind: why)
  }

  /// The codes whose small letters are taken for a currency's code (`12.50 eur`); another word
  /// after an amount (`12.50 net`) may be anything. A header's word in capitals is taken for a
  /// currency among these only (`Amount (USD)`, not `VAT`).
  package static let commonCodes: Set<String> = [
    "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF",
    "RON", "BGN", "INR", "BRL", "MXN", "ZAR", "SGD", "HKD", "ILS", "TRY", "UAH", "RUB", "KRW", "THB",
    "ARS", "CLP", "COP", "PEN", "UYU", "AED", "SAR", "EGP", "QAR", "KWD", "BHD", "OMR", "JOD", "MAD", "NGN",
    "KES", "PKR", "LKR", "BDT", "IDR", "MYR", "VND", "TWD", "ISK",
  ]
}
