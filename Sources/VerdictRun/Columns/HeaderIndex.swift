import Verdict

/// Finds columns of a header by name, as people name them in exports: exactly first, then
/// without regard to letter case and spaces (`Customer Lifetime Value` is found as
/// `customer lifetime value` and `CustomerLifetimeValue`).
struct HeaderIndex {
  /// What a look-up found.
  enum Match: Equatable {
    /// One column.
    case found(Int)
    /// Several columns match equally well.
    case duplicated([Int])
    /// None.
    case missing
  }

  /// The header.
  let columns: [String]
  private let exact: [String: [Int]]
  private let loose: [String: [Int]]

  init(_ columns: [String]) {
    self.columns = columns
    var exact: [String: [Int]] = [:]
    var loose: [String: [Int]] = [:]
    for (index, column) in columns.enumerated() {
      exact[column, default: []].append(index)
      loose[HeaderIndex.folded(column), default: []].append(index)
    }
    self.exact = exact
    self.loose = loose
  }

  /// The column called `name`: exactly so, or else so but for case and spaces.
  func find(_ name: String) -> Match {
    if let indices = exact[name] { return indices.count == 1 ? .found(indices[0]) : .duplicated(indices) }
    guard let indices = loose[HeaderIndex.folded(name)] else { return .missing }
    return indices.count == 1 ? .found(indices[0]) : .duplicated(indices)
  }

  /// The indices of the columns that the fields `policy` reads take their cells from.
  func columnsRead(by policy: Policy) -> Set<Int> {
    Set(
      policy.fields.filter(\.isUsed).compactMap { field -> Int? in
        if case .found(let index) = find(field.columnName) { return index }
        return nil
      })
  }

  /// The name lowercased, without white space.
  static func folded(_ name: String) -> String {
    // Headers are nearly always ASCII, and a hint folds every column's name: bytes are cheaper
    // than Unicode properties (ASCII's white space is tab to carriage return, and space).
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      let kept = name.utf8.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) }
      return String(decoding: kept.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
    return String(name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
  }

  /// The column nearest to `name`, compared folded, if it is near enough to be a likely typo; else
  /// the one column whose letters and digits contain the name's (`Amount (EUR)` for `amount`,
  /// `Payment Delay (days)` for `payment_delay`).
  static func closest(to name: String, among columns: [String]) -> String? {
    let folded = columns.map(HeaderIndex.folded)
    if let near = Suggestion.closest(to: HeaderIndex.folded(name), among: folded),
      let index = folded.firstIndex(of: near)
    {
      return columns[index]
    }
    let letters = HeaderIndex.letters(name)
    guard letters.count >= 3 else { return nil }
    let containing = columns.filter { HeaderIndex.letters($0).contains(letters) }
    return containing.count == 1 ? containing[0] : nil
  }

  /// The name's letters and digits, lowercased: `Payment Delay (days)` is `paymentdelaydays`.
  private static func letters(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
  }

  /// Whether `column` can be written as a field name in a policy.
  static func isName(_ column: String) -> Bool {
    guard let first = column.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
    return column.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
  }
}
