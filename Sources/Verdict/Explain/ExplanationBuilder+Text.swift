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
    if case .history = expr.kind { return "\(written) \(shown)" }
    if let aggregate = aggregate(behind: expr), let origin = origin(of: aggregate) {
      return "\(written) \(shown) (\(origin))"
    }
    if case .letValue = expr.kind { return "\(written) \(shown)" }
    if case .today = expr.kind { return "\(written) \(shown)" }
    return "\(written) (\(shown))"
  }

  /// The aggregate an expression is, directly or as a let defined as one.
  func aggregate(behind expr: CheckedExpr) -> Int? {
    if case .aggregate(let index) = expr.kind { return index }
    if case .letValue(let slot) = expr.kind { return aggregate(behind: program.lets[slot].value) }
    return nil
  }

  /// `average of 28 invoices`, `sum of 3 invoices, 1 without a value`: what went into an
  /// aggregate, when the client's records were read; `nil` for a count, which says it itself.
  func origin(of index: Int) -> String? {
    ExplanationBuilder.origin(of: index, in: program, records: records)
  }

  /// ``origin(of:)`` for a client whose records came to `records`.
  static func origin(of index: Int, in program: Program, records: [RecordTally]) -> String? {
    guard index < records.count else { return nil }
    let aggregate = program.aggregates[index]
    guard aggregate.function != .count else { return nil }
    let tally = records[index]
    let table = program.tables[aggregate.table].name
    var text = "\(aggregate.function.rawValue) of \(tally.counted) \(tally.counted == 1 ? singular(table) : table)"
    if tally.missing > 0 { text += ", \(tally.missing) without a value" }
    return text
  }

  /// Why aggregate `index`, missing, is: `1 of 3 invoices without a value`, or `no invoices` (a
  /// sum of none has no currency); `nil` when the client's records were not read, or for a count.
  func missingOrigin(of index: Int) -> String? {
    guard index < records.count else { return nil }
    let aggregate = program.aggregates[index]
    guard aggregate.function != .count else { return nil }
    let tally = records[index]
    let table = program.tables[aggregate.table].name
    if tally.counted == 0 { return "no \(table)" }
    guard tally.missing > 0 else { return nil }
    let records = tally.counted == 1 ? ExplanationBuilder.singular(table) : table
    return "\(tally.missing) of \(tally.counted) \(records) without a value"
  }

  /// `invoice` for `invoices`, `entry` for `entries`: a table's name for one record.
  static func singular(_ name: String) -> String {
    if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
    if name.hasSuffix("s"), !name.hasSuffix("ss") { return String(name.dropLast()) }
    return name
  }

  /// A value as an explanation shows it: long fractions rounded (``ExplanationRounding``).
  ///
  /// A duration is shown in `unit`, the unit its field is declared in (`payment_delay 42d`, not
  /// `6w`); an average of days is rarely whole, and 40.67d reads better than 976h.
  static func display(_ value: Value, unit: TimeSpan.Unit? = nil) -> String {
    switch value {
    case .duration(let span):
      guard let unit else { return span.description }
      guard span.seconds % unit.seconds != 0 else { return "\(span.seconds / unit.seconds)\(unit.rawValue)" }
      let (units, rounded) = ExplanationRounding.shown(seconds: span.seconds, in: unit)
      return (rounded ? ExplanationRounding.mark : "") + units.description + unit.rawValue
    case .decimal(let number):
      let (shown, rounded) = ExplanationRounding.shownMarked(number)
      return (rounded ? ExplanationRounding.mark : "") + shown.description
    case .percent(let fraction):
      let (points, rounded) = ExplanationRounding.shownPercent(fraction)
      return (rounded ? ExplanationRounding.mark : "") + points.description + "%"
    case .missing, .bool, .int, .money, .date, .text, .list: return value.description
    }
  }

  /// The unit a field is declared in (`duration in days`), for a field or a let that is one;
  /// for an aggregate of durations, the unit of the table's column it reads (`sum(calls.spent)`
  /// with `spent: duration in minutes`: `45min > 40min (by 5min)`, where days showed
  /// `0.03125d > 40min (by 0.0035d)`), else days.
  func durationUnit(of expr: CheckedExpr) -> TimeSpan.Unit? {
    if case .field(let slot) = expr.kind { return program.fields[slot].durationUnit }
    if case .aggregate(let index) = expr.kind, program.aggregates[index].type == .duration {
      let aggregate = program.aggregates[index]
      let table = program.tables[aggregate.table].program
      if let value = aggregate.value, case .field(let slot) = table.lets[value].value.kind,
        let unit = table.fields[slot].durationUnit
      {
        return unit
      }
      return .day
    }
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
      .contains, .call, .population, .populationOfAggregate, .aggregate, .history:
      false
    }
  }

  /// The policy text in `range` on one line: comments dropped, runs of white space outside texts
  /// made one space.
  func text(_ range: SourceRange) -> String {
    wording.text(range) { oneLine($0) }
  }

  /// ``text(_:)`` worked out from the policy's bytes.
  private func oneLine(_ range: SourceRange) -> String {
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
