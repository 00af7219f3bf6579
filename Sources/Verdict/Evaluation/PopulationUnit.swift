/// What a population figure's numbers count: ``Value/populationNumber`` gives money in
/// ten-thousandths and durations in seconds, so numbers of two units would be added or ranked
/// as if they were one (1,000,000 JPY against 400 EUR, `10d` against `5`).
///
/// Each measured field keeps the unit of its first value; a value of another unit marks the
/// field mixed, and measuring it is an evaluation error, as adding the two values would be.
enum PopulationUnit: Sendable, Hashable, CustomStringConvertible {
  /// Whole and decimal numbers.
  case number
  case percent
  /// Durations, counted in seconds.
  case duration
  /// Money of one currency, counted in ten-thousandths.
  case money(Currency)

  /// The unit of a value the population counts; `nil` for one it leaves out.
  init?(_ value: Value) {
    switch value {
    case .int, .decimal: self = .number
    case .percent: self = .percent
    case .duration: self = .duration
    case .money(let money): self = .money(money.currency)
    case .missing, .bool, .date, .text, .list: return nil
    }
  }

  var description: String {
    switch self {
    case .number: "numbers"
    case .percent: "percentages"
    case .duration: "durations"
    case .money(let currency): currency.code
    }
  }

  /// Why a field whose values came in `first` and then `other` cannot be measured.
  static func mixed(_ first: PopulationUnit, _ other: PopulationUnit) -> ValueFailure {
    if case .money = first, case .money = other {
      return ValueFailure(
        "the clients' amounts are in \(first) and \(other): amounts of different currencies are not added up or "
          + "ranked together", hint: "there is no conversion; give every client's amount in one currency")
    }
    return ValueFailure(
      "the clients' values are \(first) and \(other), which are not added up or ranked together",
      hint: "declare the field's type, so that every cell is read as one kind of value")
  }
}

/// The unit of each measured field (by slot), as clients are added.
struct PopulationUnits: Sendable {
  private var units: [Int: PopulationUnit] = [:]
  /// The fields whose values came in two units, with the first two found.
  private var mixed: [Int: (PopulationUnit, PopulationUnit)] = [:]

  init() {}

  /// Units found by a builder that kept them by its own index (see ``PopulationBuilder``).
  init(units: [Int: PopulationUnit], mixed: [Int: (PopulationUnit, PopulationUnit)]) {
    self.units = units
    self.mixed = mixed
  }

  /// Notes the unit of `value`, a value of field `field`.
  mutating func note(_ value: Value, field: Int) {
    guard let unit = PopulationUnit(value) else { return }
    guard let first = units[field] else {
      units[field] = unit
      return
    }
    if first != unit, mixed[field] == nil { mixed[field] = (first, unit) }
  }

  /// Throws when field `field` had values of two units.
  func check(_ field: Int) throws(ValueFailure) {
    if let (first, other) = mixed[field] { throw PopulationUnit.mixed(first, other) }
  }
}
