/// The two sides of each comparison: what a ranking measures the distance between and what the
/// line shows.
extension ConditionTruths {
  /// The two sides of comparison `index`, for the client the truths were filled for. A field
  /// compared with a constant has them read here, and a comparison decided by its step
  /// (``Entry/step``) has them computed here, on first asking: most clients never need them (only
  /// a tie in the ranking or the line of its rule does), and computing them with the truths cost
  /// a division or a multiplication of decimals a client. `nil` when that computing fails, which
  /// the step's decision rules out (it computes as the evaluation does, and the evaluation of
  /// these sides succeeded).
  func sides(of index: Int) -> (Scalar, Scalar)? {
    let entry = entries[index]
    if entry.slot >= 0 {
      // A field compared with a constant: the field as the evaluation reads it.
      guard let subject else { return nil }
      let value = subject.client.pointee.value(at: Int(entry.slot))
      return (Scalar(inline: value) ?? Scalar(kind: .field, payload: Int64(entry.slot)), constants[index])
    }
    guard entry.step >= 0, sideStamps[index] != generation else { return sides[index] }
    guard let subject else { return nil }
    var observer = NoObserver()
    do throws(EvaluationError) {
      let computed = try policy.withInterpreter(recordAt: subject.client, contextAt: subject.context, &observer) {
        (interpreter) throws(Interrupt) -> (Scalar, Scalar) in
        let expression = interpreter.nodes[Int(entry.id)]
        // As the step's own fallback computes them (``Interpreter/compareComputed(_:)``).
        return (try interpreter.computed(expression.a), try interpreter.computed(expression.b))
      }
      sides[index] = computed
      sideStamps[index] = generation
      return computed
    } catch {
      return nil
    }
  }
}
