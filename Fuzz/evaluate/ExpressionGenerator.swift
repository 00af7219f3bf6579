@testable import Verdict

/// Expressions of the generated language, steered by the fuzzer's bytes. Fields `n0`…`n3` are
/// numbers, `b0`…`b2` truth values; `v0`, `v1` are lets.
struct ExpressionGenerator {
  var input: FuzzInput
  /// The lets an expression may use.
  var lets = 0
  /// Nodes left to generate; bounds the size of a case.
  var budget = 60

  static let numberFields = 4
  static let boolFields = 3

  /// Literals where arithmetic goes wrong: powers of two around 2^53 and 2^63, the square root of
  /// 2^63, fractions that binary floating point holds and those it does not.
  static let literals = [
    "0", "1", "2", "3", "7", "10", "1_000", "4294967296", "3037000499", "3037000500", "9007199254740992",
    "9007199254740993", "4611686018427387904", "9223372036854775807", "0.5", "0.25", "1.5", "2.75", "0.125", "0.1",
    "0.2", "0.3", "1.0", "2.0", "0.0", "12.50", "9007199254740993.0", "4503599627370496.5",
    "9999999999999999999999999999", "0.0000000000000000000000000001", "0.3333333333333333333333333333",
  ]

  /// Decimals a client's number field may hold, beside eighths.
  static let decimals = ["0.1", "0.7", "1000000000000000.5", "-2.675", "-0.3333333333333333333333333333"]

  mutating func number(_ depth: Int) -> Expression {
    budget -= 1
    if depth == 0 || budget <= 0 || input.chance(25) {
      switch input.below(10) {
      case 0..<4: return .literal(literal())
      case 4..<9: return .numberField(input.below(Self.numberFields))
      default: return lets > 0 ? .letValue(input.below(lets)) : .numberField(input.below(Self.numberFields))
      }
    }
    switch input.below(9) {
    case 0: return .negate(number(depth - 1))
    case 1: return .coalesce(number(depth - 1), number(depth - 1))
    default: return .arithmetic(input.pick(["+", "-", "*", "/"]), number(depth - 1), number(depth - 1))
    }
  }

  mutating func condition(_ depth: Int) -> Expression {
    budget -= 1
    if depth == 0 || budget <= 0 || input.chance(15) {
      return input.chance(20) ? .bool(input.chance(50)) : .boolField(input.below(Self.boolFields))
    }
    switch input.below(12) {
    case 0: return .not(condition(depth - 1))
    case 1, 2: return .and(condition(depth - 1), condition(depth - 1))
    case 3, 4: return .or(condition(depth - 1), condition(depth - 1))
    case 5: return .coalesce(condition(depth - 1), condition(depth - 1))
    case 6: return .isMissing(input.chance(50) ? number(depth - 1) : condition(depth - 1), negated: input.chance(50))
    case 7: return .compare(input.pick(["==", "!="]), condition(depth - 1), condition(depth - 1))
    default:
      return .compare(input.pick(["<", "<=", ">", ">=", "==", "!="]), number(depth - 1), number(depth - 1))
    }
  }

  /// A literal from the list, or digits with up to three decimals.
  mutating func literal() -> String {
    if input.chance(60) { return input.pick(Self.literals) }
    let whole = String(input.below(1_000))
    let decimals = input.below(4)
    guard decimals > 0 else { return whole }
    return whole + "." + (0..<decimals).map { _ in String(input.below(10)) }.joined()
  }

  /// A client's number: missing, a whole number (some at the edges of 64 bits) or a decimal.
  mutating func numberValue() -> (value: VerdictValue, reference: ReferenceEvaluator.Value)? {
    switch input.below(8) {
    case 0, 1: return (.missing, .missing)
    case 2, 3:
      let whole = Int64(input.below(21)) - 10
      return (.int(whole), .number(try! Rational(Int128(whole)), whole: true, exact: true))
    case 4:
      let edges: [Int64] = [.max, .min, .min + 1, 1 << 53 + 1, -(1 << 53), 3_037_000_500, 1 << 62]
      let whole = input.pick(edges)
      return (.int(whole), .number(try! Rational(Int128(whole)), whole: true, exact: true))
    default:
      let eighths = DecimalNumber(Int64(input.below(161)) - 80)
      let decimal =
        input.chance(50)
        ? try! DecimalNumber.dividing(eighths, DecimalNumber(8))
        : input.pick(Self.decimals.map { DecimalNumber($0)! })
      // The client holds exactly this decimal; so does the reference.
      guard let exact = try? Rational(decimal: decimal.description) else { return nil }
      return (.decimal(decimal), .number(exact, whole: false, exact: true))
    }
  }

  mutating func boolValue() -> (value: VerdictValue, reference: ReferenceEvaluator.Value) {
    switch input.below(3) {
    case 0: return (.missing, .missing)
    case 1: return (.bool(true), .bool(true))
    default: return (.bool(false), .bool(false))
    }
  }
}
