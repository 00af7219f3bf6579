import Verdict

/// A clause typed on a line of its own after the rule or `otherwise` it belongs to, as `verdict
/// fmt` lays a policy out:
///
/// ```
/// rule "slow payer"
///   when payment_delay > 45d
///   then recommend fire
///     notice 30d
/// ```
///
/// The rule is complete at `recommend fire`, so the REPL adds it there; the clause line after it
/// then amends it (it was read as an expression and refused, the clause lost without a word).
extension PolicyDraft {
  /// Whether the draft's last statement is a rule or `otherwise`, which a clause line may amend.
  var endsWithClauseTaker: Bool {
    guard let last = segments.last else { return false }
    switch last.role {
    case .rule: return true
    case .definition(let key): return key == "otherwise"
    case .example: return false
    }
  }

  /// Adds the clauses of `clauses` to the draft's last statement, a rule or `otherwise`; on an
  /// error the draft is unchanged and the error's diagnostics point into the amended statement.
  /// - Returns: what to print (`rule 10 "slow payer": added notice 30d`); `nil`, the draft
  ///   unchanged, when its last statement takes no clauses.
  mutating func amendLast(with clauses: String) throws(PolicyError) -> Change? {
    guard endsWithClauseTaker, let last = segments.last else { return nil }
    let saved = self
    segments.removeLast()
    let amended = last.text + "\n" + clauses
    let change: Change
    do {
      change = try add(amended)
    } catch {
      self = saved
      throw error
    }
    let what = clauses.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: "; ")
    let statement: String
    if last.role == .rule {
      let number = policy.rules.count
      statement = "rule \(number)" + (policy.rule(at: number - 1)?.name.map { " " + Value.quote($0) } ?? "")
    } else {
      statement = "otherwise"
    }
    return Change(messages: ["\(statement): added \(what)"], warnings: change.warnings)
  }
}
