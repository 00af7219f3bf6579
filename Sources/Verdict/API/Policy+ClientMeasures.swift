/// The values of one client that a run can set side by side with every other client's: the
/// policy's fields and its aggregates, which are what `share`, `rank` and `percentile` measure,
/// and what the HTML report can chart.
extension Policy {
  /// A field or an aggregate of the policy, under one of its names.
  package struct ClientMeasure: Sendable, Hashable {
    /// `hours` for a field; `revenue` for an aggregate a let names, or the aggregate as the policy
    /// writes it (`sum(invoices.amount)`).
    package let name: String
    /// The value's slot in a client (``Client/values``): the field's, or after the fields the
    /// aggregate's.
    package let slot: Int
    /// Its type; `nil` when the data decides it.
    package let type: ValueType?
    /// Whether a rule reads it, directly or through lets: a run converts no other field's cells
    /// and folds no other aggregate, so only these have values.
    package let isRead: Bool
  }

  /// Every field of the policy, under its name, then every aggregate: under each let whose value
  /// it is, directly or through other lets (`let revenue = sum(invoices.amount)`), and as the
  /// policy writes it (once, when the policy writes it twice). Lets that compute
  /// something else are no client's measured value.
  package var clientMeasures: [ClientMeasure] {
    var measures = program.fields.enumerated().map {
      ClientMeasure(name: $0.element.name, slot: $0.offset, type: $0.element.type, isRead: $0.element.isUsed)
    }
    let folded = Set(program.tables.flatMap(\.aggregates))
    for (index, aggregate) in program.aggregates.enumerated() {
      let (slot, isRead) = (program.aggregateSlot(index), folded.contains(index))
      for binding in program.lets where !binding.name.hasPrefix("#") && !binding.name.hasPrefix("%") {
        if self.aggregate(behind: binding.value) == index {
          measures.append(ClientMeasure(name: binding.name, slot: slot, type: aggregate.type, isRead: isRead))
        }
      }
      // As the policy writes it: its text in full (`sum(invoices.amount where paid is missing)`),
      // and shortened as explanations show it (`sum(invoices.amount where …)`) when that differs.
      let written = String(decoding: source.bytes[aggregate.range.start..<aggregate.range.end], as: UTF8.self)
      for name in Set([aggregate.text, written]).sorted() {
        let measure = ClientMeasure(name: name, slot: slot, type: aggregate.type, isRead: isRead)
        // The same aggregate written twice is one measure: the one a rule reads, if either is.
        if let twin = measures.firstIndex(where: { $0.name == name }) {
          if isRead && !measures[twin].isRead { measures[twin] = measure }
        } else {
          measures.append(measure)
        }
      }
    }
    return measures
  }

  /// The measure called `name`: a field or a let by its name, an aggregate as the policy writes
  /// it, spaces aside (`sum( invoices.amount )` is `sum(invoices.amount)`), but for those inside
  /// its text constants (`"late paid"` is not `"latepaid"`).
  package func clientMeasure(named name: String) -> ClientMeasure? {
    let measures = clientMeasures
    if let exact = measures.first(where: { $0.name == name }) { return exact }
    let spaceless = Policy.spaceless(name)
    return measures.first { $0.slot >= program.fields.count && Policy.spaceless($0.name) == spaceless }
  }

  /// `text` without the white space outside its double-quoted text constants.
  private static func spaceless(_ text: String) -> String {
    var kept = ""
    var (quoted, escaped) = (false, false)
    for character in text {
      if quoted {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          quoted = false
        }
      } else if character == "\"" {
        quoted = true
      } else if character.isWhitespace {
        continue
      }
      kept.append(character)
    }
    return kept
  }

  /// Whether the policy has a let called `name`.
  package func hasLet(named name: String) -> Bool {
    program.lets.contains { $0.name == name }
  }

  /// The aggregate `expr` is, directly or through lets.
  private func aggregate(behind expr: CheckedExpr) -> Int? {
    var expr = expr
    // A chain of lets ends: the checker refuses cycles.
    while case .letValue(let slot) = expr.kind, program.lets.indices.contains(slot) {
      expr = program.lets[slot].value
    }
    guard case .aggregate(let index) = expr.kind else { return nil }
    return index
  }
}
