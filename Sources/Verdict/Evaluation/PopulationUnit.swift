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

/// The unit of each measured field's first value, as clients are added, and the fields whose
/// values came in two units.
struct PopulationUnits: Sendable {
  /// The measured fields, by slot, each once.
  private let fields: [Int]
  /// The unit of each of ``fields``' first value, by index there: an array, as a dictionary
  /// look-up per client and field cost more than the rest of adding the client.
  private var units: [PopulationUnit?]
  /// The fields, by slot, whose values came in two units, with the first two found.
  private var mixed: [Int: (PopulationUnit, PopulationUnit)] = [:]

  /// Units of no client yet, for `fields` (slots).
  init(fields: [Int] = []) {
    self.fields = fields
    units = Array(repeating: nil, count: fields.count)
  }

  /// Notes the unit of `client`'s value of each measured field.
  mutating func note(_ client: some ClientRecord) {
    for index in fields.indices {
      guard let unit = PopulationUnit(client.value(at: fields[index])) else { continue }
      guard let first = units[index] else {
        units[index] = unit
        continue
      }
      if first != unit, mixed[fields[index]] == nil { mixed[fields[index]] = (first, unit) }
    }
  }

  /// Throws when field `field` had values of two units.
  func check(_ field: Int) throws(ValueFailure) {
    if let (first, other) = mixed[field] { throw PopulationUnit.mixed(first, other) }
  }
}
