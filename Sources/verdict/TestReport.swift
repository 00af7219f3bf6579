import Verdict

/// What `verdict test` prints: each failing example with the expectation, the outcome and the
/// explanation; with `--coverage`, each policy's rules with the examples that made them match and
/// win; at the end, `N passed, N failed`.
struct TestReport {
  let showsCoverage: Bool
  private(set) var passed = 0
  private(set) var failed = 0
  /// Policies or test files that did not compile.
  var brokenFiles = 0
  private var coverageText = ""

  init(showsCoverage: Bool) {
    self.showsCoverage = showsCoverage
  }

  /// Reports the results of one policy's examples.
  mutating func add(_ results: [ExampleResult], of policy: Policy) {
    for result in results {
      if result.passed {
        passed += 1
        continue
      }
      failed += 1
      Terminal.show(failure(result, of: policy))
    }
    if showsCoverage { coverageText += coverage(of: results, in: policy) }
  }

  /// Prints the coverage and the summary line.
  func finish() {
    if showsCoverage, !coverageText.isEmpty { Terminal.show((failed > 0 ? "\n" : "") + coverageText) }
    if passed == 0, failed == 0, brokenFiles == 0 {
      Terminal.out("no examples found; write some: example \"NAME\" { FIELD: VALUE } expect VERDICT\n")
      return
    }
    let broken = brokenFiles == 0 ? "" : ", \(brokenFiles) polic\(brokenFiles == 1 ? "y" : "ies") with errors"
    Terminal.out("\(passed) passed, \(failed) failed\(broken)\n")
  }

  /// `rules/firing_test.verdict:12: "late and picky": expected fire notice 30d, got talk (rule 8
  /// "slow payer")`, then the mismatches and the explanation, indented.
  private func failure(_ result: ExampleResult, of policy: Policy) -> String {
    let example = result.example
    let head = "\(example.source.name):\(example.line): \(Value.quote(example.name)): expected \(result.expected)"
    if let failure = result.failure {
      let rendered = DiagnosticRenderer().render(failure.diagnostic, in: failure.source)
      return head + ", but it could not run:\n" + indent(rendered, by: 4)
    }
    guard let evaluation = result.evaluation, let client = result.client, let context = result.context else {
      return head + "\n"
    }
    let rule = evaluation.winningRule.flatMap { policy.rule(at: $0)?.title(index: $0) } ?? "otherwise"
    var lines = [head + ", got \(evaluation.verdict) (\(rule))"]
    for mismatch in result.mismatches {
      switch mismatch {
      case .verdict: continue  // the first line already says which verdict was expected and given
      case .clause: lines.append("    \(mismatch)")
      }
    }
    let explanation = policy.explain(client, in: context)
    return lines.joined(separator: "\n") + "\n" + indent(ExplanationText.render(explanation, client: nil), by: 4)
  }

  private func coverage(of results: [ExampleResult], in policy: Policy) -> String {
    let rules = policy.rules
    let counts = ExampleCoverage(results, ruleCount: rules.count)
    let titles = rules.indices.map { rules[$0].title(index: $0) }
    let width = (titles + ["otherwise"]).map(\.count).max() ?? 0
    func pad(_ text: String) -> String { text + String(repeating: " ", count: width - text.count) }
    let countWidth = String(counts.matched.max() ?? 0).count
    var lines = ["coverage of \(policy.source.name): \(results.count) example\(results.count == 1 ? "" : "s")"]
    for (index, title) in titles.enumerated() {
      let note = counts.won[index] > 0 ? "" : counts.matched[index] > 0 ? "  (never wins)" : "  (never matches)"
      let matched = String(counts.matched[index]).padding(toLength: countWidth, withPad: " ", startingAt: 0)
      lines.append("  \(pad(title))  matched \(matched)  won \(counts.won[index])\(note)")
    }
    lines.append("  \(pad("otherwise"))  decided \(counts.otherwise)")
    let winning = counts.won.filter { $0 > 0 }.count
    lines.append("  \(winning) of \(titles.count) rules won in some example")
    return lines.joined(separator: "\n") + "\n"
  }

  private func indent(_ text: String, by width: Int) -> String {
    let prefix = String(repeating: " ", count: width)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : prefix + $0 }
      .joined(separator: "\n")
  }
}
