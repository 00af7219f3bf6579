import Verdict

/// Turns an evaluation into the text of `:explain`. The session holds one as an existential, so a
/// fuller explanation (values of each condition) can replace ``BasicExplainer`` without touching
/// the session.
public protocol Explainer: Sendable {
  /// The explanation of `evaluation`, the outcome of `policy` for `client`.
  func explain(_ evaluation: Evaluation, of client: Client, in policy: Policy) -> String
}

/// The winning verdict and rule with its clauses, every other matched rule, and the rules that
/// could not be evaluated with the fields they miss.
///
/// ```
/// fire — rule 1 "slow payer" (notice 30d)
///   also matched: rule 3 "night owl" (talk)
///   not evaluable: rule 4 "ends soon" (watch): missing project_end
/// ```
public struct BasicExplainer: Explainer {
  /// Creates the explainer.
  public init() {}

  /// See ``Explainer/explain(_:of:in:)``.
  public func explain(_ evaluation: Evaluation, of client: Client, in policy: Policy) -> String {
    var lines: [String] = []
    if let winner = evaluation.winningRule {
      let clauses = BasicExplainer.clauses(evaluation.clauses)
      lines.append(
        "\(evaluation.verdict) — \(BasicExplainer.ruleName(winner, in: policy))"
          + (clauses.isEmpty ? "" : " (\(clauses.joined(separator: ", ")))"))
    } else {
      lines.append("\(evaluation.verdict) — no rule matched (otherwise)")
    }
    for rule in evaluation.matchedRules where rule != evaluation.winningRule {
      lines.append("  also matched: \(BasicExplainer.ruleName(rule, in: policy)) (\(policy.rules[rule].verdict))")
    }
    let conditions = RuleConditions(policy)
    for rule in evaluation.unknownRules {
      let missing = conditions.fields(of: rule).filter { field in
        policy.slot(ofField: field).map { client.value(at: $0).isMissing } ?? true
      }
      let why = missing.isEmpty ? "" : ": missing " + missing.joined(separator: ", ")
      lines.append(
        "  not evaluable: \(BasicExplainer.ruleName(rule, in: policy)) (\(policy.rules[rule].verdict))\(why)")
    }
    return lines.joined(separator: "\n")
  }

  /// `rule 3 "slow payer"` or `rule 3`.
  public static func ruleName(_ index: Int, in policy: Policy) -> String {
    let name = policy.rules.indices.contains(index) ? policy.rules[index].name : nil
    return "rule \(index + 1)" + (name.map { " \"\($0)\"" } ?? "")
  }

  /// `notice 30d`, `reason "…"`, … in the order the language lists them.
  static func clauses(_ clauses: Clauses) -> [String] {
    var parts: [String] = []
    if let notice = clauses.notice { parts.append("notice \(notice)") }
    if let cooldown = clauses.cooldown { parts.append("cooldown \(cooldown)") }
    if let reason = clauses.reason { parts.append("reason \(Value.text(reason))") }
    if let refer = clauses.refer { parts.append("refer \(Value.text(refer))") }
    if clauses.holdUntilPaid { parts.append("hold until paid") }
    if let meet = clauses.meet { parts.append("meet \(meet.rawValue)") }
    return parts
  }
}

/// The fields each rule's condition reads, through the lets it uses.
struct RuleConditions {
  private let conditions: [Expr]
  private let lets: [String: Expr]
  private let fields: Set<String>

  init(_ policy: Policy) {
    var conditions: [Expr] = []
    var lets: [String: Expr] = [:]
    for statement in policy.syntax.statements {
      switch statement.kind {
      case .rule(let rule): conditions.append(rule.condition)
      case .let(let binding): lets[binding.name.name] = binding.value
      default: break
      }
    }
    self.conditions = conditions
    self.lets = lets
    self.fields = Set(policy.fields.map(\.name))
  }

  /// The fields rule `index` reads, sorted by name.
  func fields(of index: Int) -> [String] {
    guard conditions.indices.contains(index) else { return [] }
    var found = Set<String>()
    var seenLets = Set<String>()
    var pending = [conditions[index]]
    while let expr = pending.popLast() {
      switch expr.kind {
      case .literal: break
      case .name(let name):
        if let value = lets[name], seenLets.insert(name).inserted {
          pending.append(value)
        } else if fields.contains(name) {
          found.insert(name)
        }
      case .unary(_, let operand), .isMissing(let operand, _), .parenthesized(let operand):
        pending.append(operand)
      case .binary(_, let left, let right): pending += [left, right]
      case .call(_, _, let arguments), .list(let arguments): pending += arguments
      }
    }
    return found.sorted()
  }
}
