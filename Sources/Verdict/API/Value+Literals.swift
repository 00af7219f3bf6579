/// Literals for building clients: `["payment_delay": "45d", "revisions": 7, "vip": true]`.
///
/// A string literal is text, read by the field it is given for as a data cell would be (`"45d"`
/// for a duration, `"1.200,50 €"` for money, `"2026-11-28"` for a date); there is no float literal,
/// because a `Double` cannot hold most decimal fractions exactly: write `"12.5"` instead.
extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral
{
  /// Text.
  public init(stringLiteral text: String) { self = .text(text) }
  /// A whole number.
  public init(integerLiteral number: Int64) { self = .int(number) }
  /// A truth value.
  public init(booleanLiteral truth: Bool) { self = .bool(truth) }
  /// A list.
  public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

extension CalendarDate {
  /// A date that could not be read from text.
  public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was given.
    public var text: String
    /// `"2026-02-30" is not a date in the form YYYY-MM-DD`.
    public var description: String { "\(Value.text(text)) is not a date in the form YYYY-MM-DD" }
  }

  /// The date written as `YYYY-MM-DD`, such as `try CalendarDate("2026-12-05")`.
  ///
  /// - Throws: ``FormatError`` for any other text, and for a day that does not exist.
  public init(_ text: String) throws(FormatError) {
    // Ten bytes: the ISO form with no time after it, read as a data cell's ISO date is.
    let bytes = Array(text.utf8)
    guard bytes.count == 10,
      let date = bytes.withUnsafeBufferPointer({ CellScanner.isoDate.date(in: $0, from: 0, to: 10) })
    else { throw FormatError(text: text) }
    self = date
  }
}

extension Evaluation: CustomStringConvertible {
  /// `fire by rule 1: notice 30d`, or `keep by otherwise (rule 2 undecided)`: rules by number, from
  /// 1 in file order (an evaluation does not hold the rules' names; ``Policy/rules`` does).
  public var description: String {
    var text = verdict + (winningRule.map { " by rule \($0 + 1)" } ?? " by otherwise")
    let clauseList = ExplanationText.clauses(clauses)
    if !clauseList.isEmpty { text += ": " + clauseList.joined(separator: ", ") }
    if !unknownRules.isEmpty {
      let rules = unknownRules.map { String($0 + 1) }.joined(separator: ", ")
      text += " (\(unknownRules.count == 1 ? "rule" : "rules") \(rules) undecided)"
    }
    return text
  }
}

extension Clauses: CustomStringConvertible {
  /// `notice 30d, hold until paid`, in the order the language lists clauses; empty for none.
  public var description: String { ExplanationText.clauses(self).joined(separator: ", ") }
}

extension RuleSet: CustomStringConvertible {
  /// The rule indices, such as `[0, 2]`.
  public var description: String { "[" + map(String.init).joined(separator: ", ") + "]" }
}
