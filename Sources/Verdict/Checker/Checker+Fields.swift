/// `field` statements: a field's type, the unit of its bare numbers, the format of its dates and
/// the column it reads.
extension Checker {
  mutating func declareField(_ declaration: FieldDeclaration) {
    let name = declaration.name.name
    if let slot = fieldSlots[name], fields[slot].isDeclared {
      error(
        "duplicate-field", "field '\(name)' is already declared", at: declaration.name.range,
        notes: [.init("the first declaration is here", at: fields[slot].range)])
      return
    }
    guard let type = ValueType(rawValue: declaration.type.name) else {
      let hint =
        Suggestion.closest(to: declaration.type.name, among: ValueType.allCases.map(\.rawValue)).map {
          "did you mean '\($0)'?"
        }
        ?? "the types are \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))"
      error("unknown-type", "unknown type '\(declaration.type.name)'", at: declaration.type.range, hint: hint)
      // Keep the field, untyped, so that its uses do not each report an unknown name.
      fieldSlots[name] = fields.count
      fields.append(
        FieldInfo(
          name: name, type: nil, column: column(of: declaration), isDeclared: true, range: declaration.name.range))
      return
    }
    var field = FieldInfo(
      name: name, type: type, column: column(of: declaration), isDeclared: true, range: declaration.name.range)
    if let format = declaration.format { field.dateFormat = dateFormat(format, type: type) }
    if let unit = declaration.unit {
      switch type {
      case .duration:
        guard let durationUnit = TimeSpan.Unit(fieldUnit: unit.name) else {
          error(
            "unknown-unit", "unknown duration unit '\(unit.name)'", at: unit.range,
            hint: "write in seconds, in minutes, in hours, in days, in weeks, in months or in years")
          return
        }
        field.durationUnit = durationUnit
      case .money:
        moneyUnits.append((fields.count, unit))
      case .bool, .number, .percent, .date, .text, .list:
        error(
          "unexpected-unit", "a \(type.rawValue) field takes no unit", at: unit.range,
          hint: "'in' gives the unit of duration and money fields")
      }
    } else if type == .money {
      field.currency = literalCurrency
    }
    fieldSlots[name] = fields.count
    fields.append(field)
  }

  /// Gives each money field declared `in NAME` its currency: the field NAME's, a text field
  /// naming each row's currency (`field gross: money in currency`), when the table or policy
  /// declares one, else the currency whose code NAME is.
  mutating func resolveMoneyUnits() {
    for (slot, unit) in moneyUnits {
      if let source = fieldSlots[unit.name], fields[source].isDeclared {
        guard fields[source].type == .text else {
          if let type = fields[source].type {
            error(
              "currency-field-type",
              "the currency of '\(fields[slot].name)' is read from '\(unit.name)', a \(type.rawValue) field",
              at: unit.range, hint: "a field that names each row's currency is text: field \(unit.name): text",
              notes: [.init("'\(unit.name)' is declared here", at: fields[source].range)])
          }
          continue
        }
        fields[slot].currencyField = source
      } else if let currency = Currency(code: unit.name) {
        fields[slot].currency = currency
      } else {
        error(
          "unknown-currency", "'\(unit.name)' is not a currency code or a field", at: unit.range,
          hint: Currency(code: unit.name.uppercased()).map { "write the code in capital letters: in \($0.code)" }
            ?? Suggestion.closest(to: unit.name, among: fields.filter { $0.type == .text }.map(\.name)).map {
              "did you mean '\($0)'?"
            }
            ?? "write a three-letter code (in EUR, in USD), or the name of the text field that names each row's "
            + "currency, declared \(tableName.map { "in table '\($0)' beside it" } ?? "beside it"): field \(unit.name): text"
        )
      }
    }
  }

  /// The column a declaration names with `from`, or `nil` for the field's own name; an empty
  /// header is an error.
  mutating func column(of declaration: FieldDeclaration) -> String? {
    guard let column = declaration.column else { return nil }
    guard column.text.contains(where: { !$0.isWhitespace }) else {
      error(
        "empty-column", "'from' names no column", at: column.range,
        hint: "write the column's header as the data has it: from \"Due Date\"")
      return nil
    }
    return column.text
  }

  /// The date format `format "…"` declares for a field of `type`, or `nil` (with an error) when
  /// the field is not a date or the pattern is not a format.
  mutating func dateFormat(_ format: QuotedText, type: ValueType) -> DateFormat? {
    guard type == .date else {
      error(
        "unexpected-format", "a \(type.rawValue) field takes no date format", at: format.range,
        hint: "'format' tells how the cells of a date field are written")
      return nil
    }
    do throws(DateFormat.PatternError) {
      return try DateFormat(validating: format.text)
    } catch {
      self.error("invalid-date-format", error.message, at: format.range, hint: DateFormat.patternHint)
      return nil
    }
  }
}
