/// Reading an example's values as its fields' values, and its expected clauses.
enum ExampleValues {
  /// The value of `expr` for `field`. A value of the field's type is taken as it is; a bare
  /// number for a percent, a duration or money is read as a data cell would be (`20` is 20%, `45`
  /// is 45 days for `duration in days`, 1200 is 1200 EUR for `money in EUR`). A field whose type
  /// the data decides takes any value.
  static func read(_ expr: Expr, for field: FieldInfo, _ constants: ExampleConstants) -> Result<Value, Diagnostic> {
    let value: Value
    switch constants.value(of: expr) {
    case .success(let computed): value = computed
    case .failure(let diagnostic): return .failure(diagnostic)
    }
    guard let type = field.type else { return .success(value) }
    if value.type == type {
      if case .money(let money) = value, let currency = field.currency, money.currency != currency {
        return .failure(
          .mistake(
            .value, "'\(field.name)' is in \(currency.code), not \(money.currency.code)", at: expr.range,
            hint: "write the amount in \(currency.code)"))
      }
      return .success(value)
    }
    if value.type == .number, readsBareNumbers(type) {
      switch CellReader().read(value.plainText, for: field) {
      case .success(let read): return .success(read)
      case .failure(let error):
        // With the field's unit known, a duration fails only by not fitting: CellReader's hint,
        // about how to write a cell, would not say so. (Its money errors name the cause.)
        let hint =
          switch type {
          case .duration where field.durationUnit != nil:
            "the number is too large for a duration, or not a whole number of seconds"
          case .duration, .money, .percent, .number, .bool, .date, .text, .list: error.hint
          }
        return .failure(.mistake(.value, error.message, at: expr.range, hint: hint))
      }
    }
    return .failure(
      .mistake(
        .value, "'\(field.name)' is \(type.described), but this is \(value.type?.described ?? "missing")",
        at: expr.range, hint: "for example: \(field.name): \(example(of: type))"))
  }

  /// Whether a bare number is read as a value of `type`, in its field's unit: quantities are;
  /// text, true or false, dates and lists are written as such, even where data cells are lenient.
  /// Gives the bare amounts among an example's `values` the currency their example or record
  /// names in another field (`field gross: money in currency`), as a data row's are given; the
  /// error at the first amount that cannot have one, or names another.
  static func settle(_ values: inout [Value], by currencies: RowCurrencies, written: [(slot: Int, value: Expr)])
    -> Diagnostic?
  {
    var refused: Diagnostic?
    currencies.settle(&values) { slot, error in
      guard refused == nil, let expr = written.first(where: { $0.slot == slot })?.value else { return }
      refused = .mistake(.value, error.message, at: expr.range, hint: error.hint)
    }
    return refused
  }

  private static func readsBareNumbers(_ type: ValueType) -> Bool {
    switch type {
    case .percent, .duration, .money: true
    case .number, .bool, .date, .text, .list: false
    }
  }

  /// Checks that an expected clause's value has the clause's type.
  static func expected(_ clause: Clause, _ constants: ExampleConstants) -> Result<Value?, Diagnostic> {
    let expr: Expr
    let type: ValueType
    switch clause.kind {
    case .notice(let value), .cooldown(let value): (expr, type) = (value, .duration)
    case .reason(let value), .refer(let value): (expr, type) = (value, .text)
    case .holdUntilPaid, .meet: return .success(nil)
    }
    return constants.value(of: expr).flatMap { value in
      guard value.type == type else {
        return .failure(
          .mistake(
            .clauseType, "'\(clause.keyword)' needs \(type.described), not \(value.type?.described ?? "missing")",
            at: expr.range, hint: "for example: \(clause.keyword) \(example(of: type))"))
      }
      return .success(value)
    }
  }

  private static func example(of type: ValueType) -> String {
    switch type {
    case .bool: "true"
    case .number: "7"
    case .duration: "30d"
    case .percent: "20%"
    case .money: "1200€"
    case .date: "2026-11-28"
    case .text: "\"text\""
    case .list: "[\"chat\", \"sms\"]"
    }
  }
}
