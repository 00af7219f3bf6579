/// The functions that sum up a client's records: `count(invoices where disputed)`,
/// `sum(invoices.amount)`, `latest(incidents.date)`.
package enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
  /// How many records (that pass the filter, and whose column is present when one is named).
  case count
  /// The total of a number, duration or money column; 0 in the column's unit for no records.
  case sum
  /// The mean of a number, duration, percent or money column; missing for no records.
  case average
  /// The smallest value of a column; missing for no records.
  case min
  /// The largest value of a column; missing for no records.
  case max
  /// Whether some record meets the condition (or has a true column); false for no records.
  case any
  /// Whether every record meets the condition (or has a true column); true for no records.
  case all
  /// The latest date of a date column; missing for no records.
  case latest
  /// The earliest date of a date column; missing for no records.
  case earliest

  /// What the function needs and gives, for hints.
  var signature: String {
    switch self {
    case .count: "count(TABLE [where CONDITION]) -> number"
    case .sum: "sum(TABLE.COLUMN [where CONDITION]): a number, duration or money column"
    case .average: "average(TABLE.COLUMN [where CONDITION]): a number, duration, percent or money column"
    case .min, .max: "\(rawValue)(TABLE.COLUMN [where CONDITION]): a number, duration, percent, money or date column"
    case .any, .all: "\(rawValue)(TABLE where CONDITION), or \(rawValue)(TABLE.COLUMN) of a bool column"
    case .latest, .earliest: "\(rawValue)(TABLE.COLUMN [where CONDITION]): a date column"
    }
  }

  /// The column types the function takes; `nil` for `count`, which takes any.
  var columnTypes: [ValueType]? {
    switch self {
    case .count: nil
    case .sum: [.number, .duration, .money]
    case .average: [.number, .duration, .percent, .money]
    case .min, .max: [.number, .duration, .percent, .money, .date]
    case .any, .all: [.bool]
    case .latest, .earliest: [.date]
    }
  }
}

/// An aggregate after checking: the table it reads, the table program's lets that give each
/// record's value and filter, and the type of the result. Its value is a slot of the client
/// record after the fields (``Program/aggregateSlot(_:)``).
struct AggregateInfo: Sendable {
  var function: AggregateFunction
  /// The table, by index in ``Program/tables``.
  var table: Int
  /// The table program's let that gives each record's value; `nil` for `count(TABLE)`.
  var value: Int?
  /// The table program's let that says whether a record counts; `nil` for every record.
  var filter: Int?
  /// The type of the result; `nil` when the column's type is left to the data.
  var type: ValueType?
  /// The currency of a money result, where known statically.
  var currency: Currency?
  var range: SourceRange
  /// `average(invoices.days_late)`, as written, for explanations.
  var text: String
  /// The table's field slots its value and filter read, directly or through the table's lets:
  /// a record whose cell in one of them cannot be read leaves the aggregate unknown for its
  /// client, and one whose bad cells are all elsewhere still counts in it.
  var fieldsRead: [Int] = []
}

/// A record table after checking: its own program (the table's fields as slots, its lets, and
/// one let for the value and the filter of each aggregate over it) and its key column.
struct TableProgram: Sendable {
  var name: String
  /// The header of the column that holds the client's key.
  var keyColumn: String
  /// Where the table's name was written.
  var range: SourceRange
  /// Where the key column was written.
  var keyRange: SourceRange
  var program: Program
  /// The aggregates over this table, by index in ``Program/aggregates``.
  var aggregates: [Int]
}
