/// The texts a policy compares its fields with, for the warning that the data writes them
/// another way (`Pro` where the rule says `plan == "pro"`): text is compared exactly, so such a
/// row silently does not match.
extension Policy {
  /// Each field slot that the rules, clauses or lets compare with text constants by `==`, `!=`,
  /// `in`, `not in` or a list's `contains`, with those texts. A field compared through a function
  /// (`lower(plan) == "pro"`) is not among them: the policy already allows for how it is written.
  package var comparedTexts: [Int: Set<String>] { texts(searched: false) }

  /// Each field slot that the rules, clauses or lets search for a text constant (`name contains
  /// "GmbH"`), with those texts.
  package var searchedTexts: [Int: Set<String>] { texts(searched: true) }

  /// ``comparedTexts``, or with `searched` ``searchedTexts``.
  private func texts(searched: Bool) -> [Int: Set<String>] {
    var found: [Int: Set<String>] = [:]
    var pending: [CheckedExpr] = program.lets.map(\.value)
    for rule in program.rules {
      pending.append(rule.condition)
      pending += [rule.action.notice, rule.action.reason, rule.action.refer, rule.action.cooldown].compactMap { $0 }
    }
    // A worklist rather than recursion: expressions nest up to 128 levels, and lets are their own
    // entries, never followed through `letValue`.
    while let expr = pending.popLast() {
      if searched {
        if case .contains(let container, let element) = expr.kind { Policy.note(container, element, in: &found) }
      } else if case .compare(let comparison, let left, let right) = expr.kind,
        comparison == .equal || comparison == .notEqual
      {
        Policy.note(left, right, in: &found)
        Policy.note(right, left, in: &found)
      } else if case .member(let element, let list, _) = expr.kind {
        for text in Policy.constantTexts(in: list) { Policy.note(element, text: text, in: &found) }
      } else if case .contains(let list, let element) = expr.kind {
        for text in Policy.constantTexts(in: list) { Policy.note(element, text: text, in: &found) }
      }
      pending += expr.operands
    }
    return found
  }

  /// Notes `constant`'s text, when it is one, as compared with `field`, when it is a field.
  private static func note(_ field: CheckedExpr, _ constant: CheckedExpr, in found: inout [Int: Set<String>]) {
    guard case .constant(.text(let text)) = constant.kind else { return }
    note(field, text: text, in: &found)
  }

  private static func note(_ field: CheckedExpr, text: String, in found: inout [Int: Set<String>]) {
    guard case .field(let slot) = field.kind else { return }
    found[slot, default: []].insert(text)
  }

  /// The texts of a list of constants, as written (`["email", "chat"]`) or folded to one constant.
  private static func constantTexts(in list: CheckedExpr) -> [String] {
    if case .constant(.list(let values)) = list.kind {
      return values.compactMap { if case .text(let text) = $0 { text } else { nil } }
    }
    if case .list(let elements) = list.kind {
      return elements.compactMap { if case .constant(.text(let text)) = $0.kind { text } else { nil } }
    }
    return []
  }
}
