import Foundation
import Testing

@testable import Verdict

/// Random valid policies, from the grammar: each must format to a text that parses to the same
/// statements and comments, and that formatting leaves as it is.
struct FormatterPropertyTests {
  static let policyCount = 600

  @Test func generatedPoliciesFormatStably() {
    var generator = PolicyGenerator(seed: 0x5EED_F0A7)
    var failures = 0
    for index in 0..<Self.policyCount {
      let text = generator.policy()
      let parsed = Parser.parse(SourceFile(name: "generated", text: text))
      guard !parsed.diagnostics.containsErrors else {
        Issue.record("generated policy \(index) does not parse:\n\(text)\n\(parsed.diagnostics.map(\.message))")
        failures += 1
        continue
      }
      if case .failure(let problem) = FormatCheck.format(text, name: "generated policy \(index)") {
        Issue.record("\(problem)\n--- input:\n\(text)")
        failures += 1
      }
      if failures >= 5 { break }
    }
  }

  @Test func generatorCoversTheGrammar() {
    var generator = PolicyGenerator(seed: 1)
    let texts = (0..<200).map { _ in generator.policy() }.joined(separator: "\n")
    let words = [
      "field", "let", "rule", "when", "then", "recommend", "verdicts", "otherwise", "strategy", " or ", " and ", "not ",
      " in ", " not in ", "contains", " is missing", " is present", "??", " + ", " - ", " * ", " / ", " < ", " <= ",
      " > ", " >= ", " == ", " != ", "notice", "reason", "refer", "cooldown", "hold until paid", "meet in person",
      "meet by phone", "meet by video", "(", "[", "#", "1_000", "30d", "20%", "500€", "€500", "1200 EUR", "2026-11-28",
      "\\u{", "true", "false", "most-severe", "first-match", " format \"", " from \"",
    ]
    for word in words {
      #expect(texts.contains(word), "the generator never writes '\(word)'")
    }
  }
}

/// SplitMix64: a small seeded generator, so that a failure can be reproduced.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// Writes random policies that follow `grammar/verdict.ebnf`, as tokens joined by random white
/// space and comments. They are syntactically valid; most would not pass the checker.
struct PolicyGenerator {
  var random: SeededRandom
  private var commentNumber = 0

  init(seed: UInt64) {
    random = SeededRandom(state: seed)
  }

  static let names = ["payment_delay", "revisions", "x", "y2", "_tmp", "délai", "today", "outstanding"]
  static let literals = [
    "0", "7", "45", "1_000", "12.50", "0.5", "30d", "2h", "90min", "1mo", "1y", "2w", "20%", "12.5%", "500€", "€500",
    "$12.50", "12.50$", "£3", "3£", "1200 EUR", "1200   USD", "7GBP", "2026-11-28", "true", "false",
  ]
  static let textPieces = ["a", " ", "\\\"", "\\\\", "\\n", "\\t", "\\u{1F600}", "\\u{7}", "é", "#", "\n", "\t", "x y"]
  static let comparisons = [["<"], ["<="], [">"], [">="], ["=="], ["!="], ["in"], ["not", "in"], ["contains"]]

  private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
  private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

  /// A whole policy.
  mutating func policy() -> String {
    var text = chance(30) ? "# top of the file\n\n" : ""
    for _ in 0..<Int.random(in: 1...8, using: &random) {
      text += join(statement()) + pick(["\n", "\n\n", "\n\n\n", " ", "  # after\n"])
    }
    if chance(30) { text += "\n# end of the file" + (chance(50) ? "\n" : "") }
    return text
  }

  /// Tokens joined by white space, sometimes with comments and line breaks.
  private mutating func join(_ tokens: [String]) -> String {
    var text = ""
    for (index, token) in tokens.enumerated() {
      if index > 0 { text += gap() }
      text += token
    }
    return text
  }

  private mutating func gap() -> String {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<70: return " "
    case 70..<80: return "\n    "
    case 80..<85: return "   "
    case 85..<88: return "\t"
    case 88..<94:
      commentNumber += 1
      return " # trailing \(commentNumber)  \n"
    default:
      commentNumber += 1
      return "\n  # own line \(commentNumber)\n"
    }
  }

  private mutating func statement() -> [String] {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<12:
      var tokens = ["field", pick(Self.names), ":", pick(["number", "duration", "money", "text", "bool", "date"])]
      if chance(40) { tokens += ["in", pick(["days", "hours", "EUR", "USD"])] }
      if chance(25) { tokens += ["format", pick(["\"M/D/YYYY\"", "\"DD.MM.YY\"", "\"YYYY-MM-DD\""])] }
      if chance(25) { tokens += ["from", text()] }
      return tokens
    case 12..<35: return ["let", pick(Self.names), "="] + expression(Int.random(in: 0...3, using: &random))
    case 35..<80:
      var tokens = chance(50) ? ["rule", text()] : []
      tokens += ["when"] + expression(Int.random(in: 0...3, using: &random)) + ["then"] + action()
      return tokens
    case 80..<88:
      var tokens = ["verdicts", pick(["keep", "watch"])]
      for _ in 0..<Int.random(in: 0...3, using: &random) { tokens += ["<", pick(["talk", "review", "fire"])] }
      return tokens
    case 88..<94: return ["otherwise"] + action()
    case 94..<97: return ["strategy", pick(["most-severe", "first-match"])]
    default: return example()
    }
  }

  /// `example "…" { name: value, … } expect VERDICT CLAUSE…`, sometimes with a trailing comma.
  private mutating func example() -> [String] {
    var tokens = ["example", text(), "{"]
    let count = Int.random(in: 0...4, using: &random)
    for index in 0..<count {
      tokens += [pick(Self.names), ":"] + expression(1)
      if index < count - 1 || chance(30) { tokens.append(",") }
    }
    return tokens + ["}", "expect"] + action().dropFirst()
  }

  private mutating func action() -> [String] {
    var tokens = ["recommend", pick(["keep", "watch", "fire"])]
    for _ in 0..<Int.random(in: 0...4, using: &random) {
      switch Int.random(in: 0..<6, using: &random) {
      case 0: tokens += ["notice"] + expression(1)
      case 1: tokens += ["reason"] + (chance(70) ? [text()] : expression(1))
      case 2: tokens += ["refer", text()]
      case 3: tokens += ["cooldown"] + expression(0)
      case 4: tokens += ["hold", "until", "paid"]
      default: tokens += ["meet"] + pick([["in", "person"], ["by", "phone"], ["by", "video"]])
      }
    }
    return tokens
  }

  private mutating func text() -> String {
    "\"" + (0..<Int.random(in: 0...5, using: &random)).map { _ in pick(Self.textPieces) }.joined() + "\""
  }

  // MARK: - Expressions, one function a precedence level

  mutating func expression(_ depth: Int) -> [String] {
    chain(depth, ["or"]) { $0.chain($1, ["and"]) { $0.negation($1) } }
  }

  /// `operand { op operand }`, with up to two operators when depth allows.
  private mutating func chain(
    _ depth: Int, _ operators: [String], operand: (inout PolicyGenerator, Int) -> [String]
  ) -> [String] {
    var tokens = operand(&self, depth)
    guard depth > 0 else { return tokens }
    for _ in 0..<Int.random(in: 0...2, using: &random) {
      tokens += [pick(operators)] + operand(&self, depth - 1)
    }
    return tokens
  }

  private mutating func negation(_ depth: Int) -> [String] {
    if depth > 0, chance(15) { return ["not"] + negation(depth - 1) }
    return comparison(depth)
  }

  private mutating func comparison(_ depth: Int) -> [String] {
    let left = coalesce(depth)
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<40: return left + pick(Self.comparisons) + coalesce(depth)
    case 40..<50: return left + ["is", pick(["missing", "present"])]
    default: return left
    }
  }

  private mutating func coalesce(_ depth: Int) -> [String] {
    let left = chain(depth, ["+", "-"]) { $0.chain($1, ["*", "/"]) { $0.negative($1) } }
    if depth > 0, chance(15) { return left + ["??"] + coalesce(depth - 1) }
    return left
  }

  private mutating func negative(_ depth: Int) -> [String] {
    if depth > 0, chance(10) { return ["-"] + negative(depth - 1) }
    return primary(depth)
  }

  private mutating func primary(_ depth: Int) -> [String] {
    let roll = Int.random(in: 0..<100, using: &random)
    if depth == 0 || roll < 35 { return chance(70) ? [pick(Self.literals)] : [text()] }
    if roll < 55 { return [pick(Self.names)] }
    if roll < 70 { return [pick(["max", "min", "days_until", "share"]), "("] + sequence(depth - 1) + [")"] }
    if roll < 88 { return ["("] + expression(depth - 1) + [")"] }
    return ["["] + sequence(depth - 1) + ["]"]
  }

  private mutating func sequence(_ depth: Int) -> [String] {
    var tokens: [String] = []
    for index in 0..<Int.random(in: 0...3, using: &random) {
      if index > 0 { tokens.append(",") }
      tokens += expression(depth)
    }
    return tokens
  }
}
