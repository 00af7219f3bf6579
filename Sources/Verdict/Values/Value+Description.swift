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
  package var plainText: String {
    switch self {
    case .missing: ""
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .decimal(let number): number.description
    case .duration(let span): span.description
    case .percent(let fraction): DecimalNumber.text(fraction, shiftingPointRightBy: 2) + "%"
    case .money(let money): money.description
    case .date(let date): date.description
    case .text(let text): text
    case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
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
