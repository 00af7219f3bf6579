/// Computes the constants an example is written with (its values and its expected clauses):
/// literals, lists, `today`, and arithmetic on them such as `today + 10d`. Names of fields and
/// lets are not constants: an example describes a client, it does not compute one.
struct ExampleConstants {
  /// The date `today` means.
  let today: CalendarDate

  /// The date `today` means while examples are checked, before any runs: any date would do.
  static let referenceDate = CalendarDate(year: 2000, month: 1, day: 1)!

  /// The value of `expr`, or a diagnostic pointing at the part that is not a constant.
  func value(of expr: Expr) -> Result<Value, Diagnostic> {
    switch expr.kind {
    case .literal(let value):
      return .success(value)
    case .name("today"):
      return .success(.date(today))
    case .name(let name):
      return .failure(
        .mistake(
          .constant, "an example's values are constants, and '\(name)' is not one", at: expr.range,
          hint: "write the value itself: 45d, 1200€, 2026-11-28, \"text\", true, or today + 10d"))
    case .parenthesized(let inner):
      return value(of: inner)
    case .unary(.negate, let operand):
      return value(of: operand).flatMap { value in
        arithmetic(.subtract, Value.zero(like: value), value, at: expr.range)
      }
    case .binary(let op, let left, let right):
      guard let arithmetic = Arithmetic(rawValue: op.rawValue) else { return notConstant(expr) }
      return value(of: left).flatMap { left in
        value(of: right).flatMap { right in self.arithmetic(arithmetic, left, right, at: expr.range) }
      }
    case .list(let elements):
      var values: [Value] = []
      for element in elements {
        switch value(of: element) {
        case .success(let value): values.append(value)
        case .failure(let diagnostic): return .failure(diagnostic)
        }
      }
      return .success(.list(values))
    case .unary(.not, _), .isMissing, .call, .aggregate:
      return notConstant(expr)
    }
  }

  private func arithmetic(_ op: Arithmetic, _ left: Value, _ right: Value, at range: SourceRange) -> Result<
    Value, Diagnostic
  > {
    do throws(ValueFailure) {
      return .success(try Value.arithmetic(op, left, right))
    } catch {
      return .failure(.mistake(.constant, error.message, at: range, hint: error.hint))
    }
  }

  private func notConstant(_ expr: Expr) -> Result<Value, Diagnostic> {
    .failure(
      .mistake(
        .constant, "an example's values are constants: literals, lists, today and + - * / on them",
        at: expr.range, hint: "write the value itself: 45d, 1200€, 2026-11-28, \"text\", true, or today + 10d"))
  }
}
