/// The built-in functions (the population functions are ``PopulationMeasure``).
enum Builtin: String, Sendable, CaseIterable {
  case daysSince = "days_since"
  case daysUntil = "days_until"
  case min
  case max
  case abs
  case round
  case lower
  case len
  case count

  /// How the function is called, for messages.
  var signature: String {
    switch self {
    case .daysSince: "days_since(date) -> duration"
    case .daysUntil: "days_until(date) -> duration"
    case .min: "min(x, y, …) -> the smallest, all of one type"
    case .max: "max(x, y, …) -> the largest, all of one type"
    case .abs: "abs(number | duration | money | percent)"
    case .round: "round(number | money | percent | duration)"
    case .lower: "lower(text) -> text"
    case .len: "len(text | list) -> number"
    case .count: "count(condition, …) -> number of true conditions"
    }
  }

  /// The allowed argument counts.
  var arity: ClosedRange<Int> {
    switch self {
    case .daysSince, .daysUntil, .abs, .round, .lower, .len: 1...1
    case .min, .max, .count: 1...Int.max
    }
  }
}

extension Checker {
  /// Checks a call's arguments and gives its result type.
  mutating func checkCall(_ builtin: Builtin, _ arguments: [CheckedExpr], at range: SourceRange) -> (
    ValueType?, Currency?
  ) {
    let types = arguments.map(\.type)
    func require(_ index: Int, _ allowed: [ValueType]) -> Bool {
      guard let type = types[index] else { return true }
      if allowed.contains(type) { return true }
      let names = allowed.map(\.described).joined(separator: " or ")
      error(
        "argument-type", "\(builtin.rawValue) takes \(names), not \(type.described)", at: arguments[index].range,
        hint: builtin.signature)
      return false
    }
    switch builtin {
    case .daysSince, .daysUntil:
      _ = require(0, [.date])
      return (.duration, nil)
    case .abs, .round:
      _ = require(0, [.number, .duration, .money, .percent])
      return (types[0], arguments[0].currency)
    case .lower:
      _ = require(0, [.text])
      return (.text, nil)
    case .len:
      _ = require(0, [.text, .list])
      return (.number, nil)
    case .count:
      for index in arguments.indices { _ = require(index, [.bool]) }
      return (.number, nil)
    case .min, .max:
      let known = types.compactMap { $0 }
      for index in arguments.indices {
        guard require(index, [.number, .duration, .money, .percent, .date]) else { return (nil, nil) }
      }
      if let first = known.first, let other = arguments.first(where: { $0.type != nil && $0.type != first }) {
        error(
          "argument-type",
          "\(builtin.rawValue) needs arguments of one type, not \(first.described) and \(other.type!.described)",
          at: other.range, hint: builtin.signature)
        return (nil, nil)
      }
      return (known.first, commonCurrency(arguments))
    }
  }
}
