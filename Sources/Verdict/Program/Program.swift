/// A checked policy, ready to evaluate: fields as slots, lets as slots, rules in file order.
struct Program: Sendable {
  var fields: [FieldInfo]
  var lets: [LetInfo]
  var rules: [CheckedRule]
  /// Verdict names, least severe first.
  var verdicts: [String]
  var otherwise: CheckedAction
  var strategy: Strategy
  /// How many expression nodes the program has (trace ids run from 0 to this).
  var nodeCount: Int
  /// The population measures the policy uses, by field slot.
  var populationNeeds: [PopulationNeed]
  /// The record tables the policy declares.
  var tables: [TableProgram] = []
  /// The aggregates the policy uses; aggregate `i` is the client record's slot
  /// `fields.count + i`.
  var aggregates: [AggregateInfo] = []
  /// The history facts the policy reads; fact `i` is the client record's slot
  /// `fields.count + aggregates.count + i`.
  var historyFacts: [HistoryFact] = []

  /// The client record's slot of aggregate `index`: after the fields.
  func aggregateSlot(_ index: Int) -> Int { fields.count + index }
}

/// A field of the client record.
public struct FieldInfo: Sendable, Hashable {
  /// The field's name, as the policy uses it.
  public var name: String
  /// The header of the data column the field reads (`from "Due Date"`); `nil` for the column
  /// named like the field.
  package var column: String?
  /// Its type, where declared or inferred from its use; `nil` when the data decides.
  public var type: ValueType?
  /// How bare numbers in the data are read for a duration field (`in days`).
  package var durationUnit: TimeSpan.Unit?
  /// The currency of a money field (`in EUR`, or the one currency of the policy's literals).
  package var currency: Currency?
  /// The slot of the text field that names each row's currency, for a money field whose bare
  /// amounts are in it (`field gross: money in currency`); ``currency`` is then `nil`.
  package var currencyField: Int?
  /// How the cells of a date field are written (`format "M/D/YYYY"`); `nil` for the default
  /// forms, `2026-11-28` and `28.11.2026`.
  package var dateFormat: DateFormat?
  /// Whether a `field` statement declared it.
  public var isDeclared: Bool
  /// Where it was declared, or first used.
  package var range: SourceRange
  /// Whether a rule or a clause reads it, directly or through lets: a field that only unused
  /// lets read, or nothing, needs no column, and its cells are not converted.
  package var isUsed = true

  /// The header of the data column the field reads: ``column``, else the field's name.
  package var columnName: String { column ?? name }

  /// The currency a bare amount of the field is read in: ``currency``, or for a field whose rows
  /// name their currency the placeholder ``Currency/ofRow`` (``RowCurrencies`` settles it).
  package var cellCurrency: Currency? { currencyField == nil ? currency : .ofRow }

  /// Creates a field description.
  package init(
    name: String, type: ValueType?, durationUnit: TimeSpan.Unit? = nil, currency: Currency? = nil,
    column: String? = nil, dateFormat: DateFormat? = nil, isDeclared: Bool = true, range: SourceRange = .at(0)
  ) {
    self.name = name
    self.type = type
    self.durationUnit = durationUnit
    self.currency = currency
    self.column = column
    self.dateFormat = dateFormat
    self.isDeclared = isDeclared
    self.range = range
  }
}

/// A `let` definition.
struct LetInfo: Sendable {
  var name: String
  var range: SourceRange
  var value: CheckedExpr
}

/// How the winning rule is chosen among those that match.
package enum Strategy: String, Sendable, Hashable {
  /// The matching rule with the most severe verdict wins; ties go to the earlier rule.
  case mostSevere = "most-severe"
  /// The first matching rule in file order wins.
  case firstMatch = "first-match"
}

/// A rule after checking.
struct CheckedRule: Sendable {
  var name: String?
  var range: SourceRange
  var condition: CheckedExpr
  var action: CheckedAction
}

/// What a rule (or `otherwise`) recommends.
struct CheckedAction: Sendable {
  var verdict: Int
  var verdictRange: SourceRange
  var notice: CheckedExpr?
  var reason: CheckedExpr?
  var refer: CheckedExpr?
  var cooldown: CheckedExpr?
  var holdUntilPaid = false
  var meet: MeetingMode?

  /// What is said of a negative `cooldown`: by the checker when it is written as a constant, and
  /// by evaluation (an error row) when it is computed for a client. No verdict can be slept on for
  /// less than no time, and `0d` already means acting at once.
  static func negativeCooldown(_ cooldown: TimeSpan) -> (message: String, hint: String) {
    (
      "'cooldown' must be 0d or more, not \(cooldown)",
      "0d means acting at once; max(0d, …) keeps a computed one from going below"
    )
  }
}

/// A population measure a policy needs, for the first pass over the data.
package struct PopulationNeed: Sendable, Hashable {
  /// The measure.
  package var measure: PopulationMeasure
  /// The field's slot.
  package var field: Int
}
