extension Value: CustomStringConvertible {
  /// The value as a literal of the language: `45`, `2.5`, `30d`, `20%`, `1234.50 EUR`, `2026-11-28`,
  /// `"text"`, `true`, `[1, 2]`; `missing` for a missing value.
  public var description: String {
    switch self {
    case .text(let text): Value.quote(text)
    case .missing: "missing"
    default: plainText
    }
  }

  /// The value as a report cell: like ``description`` but text is not quoted and missing is empty.
  public var plainText: String {
    switch self {
    case .missing: ""
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .real(let value): Value.format(value)
    case .duration(let span): span.description
    case .percent(let fraction): Value.format(fraction * 100) + "%"
    case .money(let money): money.description
    case .date(let date): date.description
    case .text(let text): text
    case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// A number without a trailing `.0` and without binary noise such as `0.30000000000000004`.
  static func format(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    for digits in 1...15 {
      let scale = pow10(digits)
      let rounded = (value * scale).rounded() / scale
      if abs(rounded - value) <= abs(value) * 1e-12 {
        var text = String(rounded)
        if text.contains("e") { return String(value) }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
      }
    }
    return String(value)
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// Text in double quotes with `"`, `\`, newline and tab escaped.
  package static func quote(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result + "\""
  }
}
