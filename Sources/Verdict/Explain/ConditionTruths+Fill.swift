/// Filling the truths for one client: every node of the plan, or one rule's.
extension ConditionTruths {
  /// Evaluates every node of the plan for `client`, or those of rule `rule`'s condition alone;
  /// `false` when the values might not be the trace's (see the type's description), the caller
  /// then tracing instead. `deciding`: for ``decision()``, which may find the decision
  /// remembered for the tests' truths, the combinations of tests are then left for
  /// ``combine(rule:)``.
  func fill(
    policy: Policy, clientAt client: UnsafePointer<Client>, contextAt context: UnsafePointer<EvaluationContext>,
    rule: Int? = nil, deciding: Bool = false
  ) -> Bool {
    startClient()
    subject = (client, context)
    var observer = NoObserver()
    do throws(EvaluationError) {
      return try policy.withInterpreter(recordAt: client, contextAt: context, emptyLets: emptiedLets(), &observer) {
        (interpreter) throws(Interrupt) -> Bool in
        let pass = rule.map { $0 + 1 } ?? 0
        if testsFirst[pass], fillTestsFirst(pass, deciding: deciding, &interpreter) { return true }
        for position in passes[pass] {
          let index = Int(order[position])
          let entry = entries[index]
          let truth: Truth?
          switch entry.kind {
          case .and, .or, .not:
            truth = combination(entry)
          case .let where entry.count > 0:
            truth = combination(entry)
          case .let, .comparison, .field, .test:
            do throws(Interrupt) {
              guard let test = try self.test(index, entry, &interpreter) else { return false }
              truth = test
            } catch {
              interpreter.scratch?.takeUnretainedValue().failure = nil
              guard skippedAlone(entry) else { return false }
              truth = nil
            }
          }
          truths[index] = truth
        }
        passStamps[pass] = generation
        return true
      }
    } catch {
      return false
    }
  }

  /// Works out the `and`s, `or`s, `not`s and lets of rule `rule`'s condition (of every rule when
  /// `nil`) that the fill left for later (`deciding`), from the tests' truths.
  @inline(__always)
  func combine(rule: Int? = nil) {
    guard passStamps[0] != generation else { return }
    let pass = rule.map { $0 + 1 } ?? 0
    guard passStamps[pass] != generation else { return }
    for position in firstCombined[pass]..<passes[pass].upperBound {
      let index = Int(grouped[position])
      truths[index] = combination(entries[index])
    }
    passStamps[pass] = generation
  }

  /// Whether a test whose evaluation failed is an operand that a trace skips alone: an earlier
  /// operand of its chain decided the chain.
  func skippedAlone(_ entry: Entry) -> Bool {
    guard entry.skippedAlone, entry.chain >= 0 else { return false }
    let chain = entries[Int(entry.chain)]
    let decider: Truth = chain.kind == .and ? .false : .true
    for position in Int(chain.first)..<Int(chain.first + chain.count) {
      let operand = children[position]
      if entries[Int(operand)].id == entry.id { return false }
      if truths[Int(operand)] == decider { return true }
    }
    return false
  }

  /// ``lets``, every slot emptied, for an evaluation of the client: set up on the stack for each
  /// (``Policy/withInterpreter(recordAt:contextAt:_:_:)``), sixteen slots were emptied, about 33
  /// instructions each time, and a line evaluates its client once or twice.
  @inline(__always)
  func emptiedLets() -> UnsafeMutableBufferPointer<Scalar?> {
    lets.update(repeating: nil)
    return lets
  }
}
