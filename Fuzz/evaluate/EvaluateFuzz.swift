@testable import Verdict

#if canImport(Glibc)
  import Glibc
#endif

typealias VerdictValue = Verdict.Value

/// A policy and a client → evaluation, against `ReferenceEvaluator`.
///
/// The bytes steer `ExpressionGenerator`: lets, rules, a number expression and a condition over
/// number and bool fields, and the client's values. Checked: the policy compiles; each
/// expression (evaluated as the REPL does) gives the reference's value or error; the policy's
/// outcome has the reference's matched and unknown rules, winner and verdict, or its error; and
/// `evaluate`, `report`, `trace` and `explain` agree (`Outcome.checked`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var generator = ExpressionGenerator(input: FuzzInput(data, size))
  let model = numberModel
  let firstMatch = generator.input.chance(50)
  var lets: [Expression] = []
  for _ in 0..<generator.input.below(3) {
    lets.append(generator.number(3))
    generator.lets = lets.count
  }
  let rules = (0...generator.input.below(3)).map { _ in (generator.condition(4), generator.input.below(3)) }
  let number = generator.number(4)
  let condition = generator.condition(4)
  var numbers: [(VerdictValue, ReferenceEvaluator.Value)] = []
  for _ in 0..<ExpressionGenerator.numberFields {
    guard let value = generator.numberValue() else { return 0 }
    numbers.append(value)
  }
  let bools = (0..<ExpressionGenerator.boolFields).map { _ in generator.boolValue() }

  var text = (0..<ExpressionGenerator.numberFields).map { "field n\($0): number\n" }.joined()
  text += (0..<ExpressionGenerator.boolFields).map { "field b\($0): bool\n" }.joined()
  text += "verdicts keep < watch < fire\nstrategy \(firstMatch ? "first-match" : "most-severe")\n"
  for (index, value) in lets.enumerated() { text += "let v\(index) = \(value.text(&generator.input))\n" }
  let verdicts = ["keep", "watch", "fire"]
  for (rule, verdict) in rules { text += "when \(rule.text(&generator.input)) then recommend \(verdicts[verdict])\n" }

  let policy: Policy
  do {
    policy = try Policy(text)
  } catch {
    invariant(false, "the generated policy does not compile:\n\(text)\n\(error)")
    return 0
  }
  var values = [VerdictValue](repeating: .missing, count: policy.fields.count)
  for (index, value) in numbers.enumerated() { values[policy.slot(ofField: "n\(index)")!] = value.0 }
  for (index, value) in bools.enumerated() { values[policy.slot(ofField: "b\(index)")!] = value.0 }
  let client = Client(values: values)
  let reference = ReferenceEvaluator(numbers: numbers.map(\.1), bools: bools.map(\.1), lets: lets, model: model)

  do throws(ReferenceGivesUp) {
    for expression in [number, condition] {
      let source = expression.text(&generator.input)
      let expected = try reference.evaluate(expression)
      check(policy, source, client, expected, "\(text)\n\(source)")
    }
    let expected = try reference.outcome(of: rules.map(\.0), severities: rules.map(\.1), firstMatch: firstMatch)
    let outcome = Outcome.checked(policy, client)
    if let expected { invariant(outcome == expected, "the policy gives \(outcome), expected \(expected):\n\(text)") }
  } catch {
    return 0
  }
  return 0
}

/// Numbers as the implementation holds them: 28-digit decimals, as docs/language.md says.
let numberModel = NumberModel.decimal(digits: 28)

/// Evaluates `source` as the REPL does and compares it with the reference's result.
func check(
  _ policy: Policy, _ source: String, _ client: Client, _ expected: ReferenceEvaluator.Result, _ context: String
) {
  let compiled: CompiledExpression
  do {
    compiled = try policy.compileExpression(source)
  } catch {
    invariant(false, "the generated expression does not compile: \(error)\n\(context)")
    return
  }
  let found: Result<VerdictValue, EvaluationError>
  do {
    found = .success(try compiled.evaluate(client, in: SampleClients.context))
  } catch {
    found = .failure(error)
  }
  let matches: Bool
  switch (expected, found) {
  case (.undetermined, _): matches = true
  case (.error(let message), .failure(let error)): matches = error.message == message
  case (.value(.missing), .success(.missing)): matches = true
  case (.value(.bool(let truth)), .success(.bool(let value))): matches = truth == value
  case (.value(.number(let exact, true, _)), .success(.int(let value))):
    matches = exact == (try? Rational(Int128(value)))
  case (.value(.number(let exact, false, let isExact)), .success(.decimal(let value))):
    matches = !isExact || exact == (try? Rational(decimal: value.description))
  default: matches = false
  }
  invariant(matches, "\(source) gives \(found), expected \(expected)\n\(context)")
}

extension ReferenceEvaluator {
  /// The outcome the policy's rules give, or `nil` when a rule's condition is undetermined.
  func outcome(of rules: [Expression], severities: [Int], firstMatch: Bool) throws(ReferenceGivesUp) -> Outcome? {
    var evaluation = Evaluation(
      verdict: "keep", severity: 0, winningRule: nil, clauses: Clauses(), matchedRules: RuleSet(),
      unknownRules: RuleSet())
    var best = -1
    for (index, rule) in rules.enumerated() {
      switch try evaluate(rule) {
      case .undetermined: return nil
      case .error(let message): return .error(message)
      case .value(.missing): evaluation.unknownRules.insert(index)
      case .value(.bool(true)):
        evaluation.matchedRules.insert(index)
        // most-severe: the first rule of the most severe verdict; first-match: the first rule.
        if firstMatch ? best < 0 : severities[index] > best {
          best = severities[index]
          evaluation.winningRule = index
          evaluation.severity = best
          evaluation.verdict = ["keep", "watch", "fire"][best]
        }
      case .value: continue
      }
    }
    return .evaluation(evaluation)
  }
}
