/// How an explanation writes the parts of a condition: operands with their values, and the
/// policy's own text.
extension ExplanationBuilder {
  /// An operand as the explanation shows it: a literal as written, a name with its value
  /// (`payment_delay 42d`), anything else with its value in parentheses.
  func operand(_ expr: CheckedExpr) -> String {
    let written = text(expr.range)
    if isConstant(expr) { return written }
    let unit = durationUnit(of: expr)
    let shown = values[Int32(expr.id)].map { ExplanationBuilder.display($0, unit: unit) } ?? "not computed"
    if case .field = expr.kind { return "\(written) \(shown)" }
    if case .letValue = expr.kind { return "\(written) \(shown)" }
    if case .today = expr.kind { return "\(written) \(shown)" }
    return "\(written) (\(shown))"
  }

  /// A value as an explanation shows it: fractions rounded half to even to two places.
  ///
  /// A duration is shown in `unit`, the unit its field is declared in, when it is a whole number
  /// of them (`payment_delay 42d`, not `6w`).
  static func display(_ value: Value, unit: TimeSpan.Unit? = nil) -> String {
    switch value {
    case .duration(let span):
      guard let unit, span.seconds % unit.seconds == 0 else { return span.description }
      return "\(span.seconds / unit.seconds)\(unit.rawValue)"
    case .decimal(let number): return number.rounded(toPlaces: 2).description
    case .percent(let fraction): return DecimalNumber.text(fraction.rounded(toPlaces: 4), shiftingPointRightBy: 2) + "%"
    case .missing, .bool, .int, .money, .date, .text, .list: return value.description
    }
  }

  /// The unit a field is declared in (`duration in days`), for a field or a let that is one.
  func durationUnit(of expr: CheckedExpr) -> TimeSpan.Unit? {
    if case .field(let slot) = expr.kind { return program.fields[slot].durationUnit }
    if case .letValue(let slot) = expr.kind { return durationUnit(of: program.lets[slot].value) }
    return nil
  }

  /// Whether `expr` is written as a constant: a literal, a negative literal, a list of them.
  func isConstant(_ expr: CheckedExpr) -> Bool {
    switch expr.kind {
    case .constant: true
    case .negate(let operand): isConstant(operand)
    case .list(let elements): elements.allSatisfy(isConstant)
    case .field, .letValue, .today, .not, .and, .or, .compare, .arithmetic, .coalesce, .isMissing, .member,
      .contains, .call, .population:
      false
    }
  }

  /// The policy text in `range` on one line: comments dropped, runs of white space outside texts
  /// made one space.
  func text(_ range: SourceRange) -> String {
    let bytes = policy.source.bytes
    var kept: [UInt8] = []
    var offset = max(0, range.start)
    let end = min(range.end, bytes.count)
    var inString = false
    var escaped = false
    let comments = policy.syntax.comments.filter { $0.range.start < end && $0.range.end > offset }
    while offset < end {
      if !inString, let comment = comments.first(where: { $0.range.start == offset }) {
        offset = comment.range.end
        continue
      }
      let byte = bytes[offset]
      offset += 1
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      }
      let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
      if !isSpace {
        kept.append(byte)
      } else if inString && (byte == 0x20 || byte == 0x09) {
        kept.append(byte)
      } else if kept.last != 0x20 {
        kept.append(0x20)
      }
    }
    while kept.last == 0x20 { kept.removeLast() }
    while kept.first == 0x20 { kept.removeFirst() }
    return String(decoding: kept, as: UTF8.self)
  }
}
