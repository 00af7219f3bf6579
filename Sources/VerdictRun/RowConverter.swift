import Verdict

/// Converts a record's cells to values by the policy's `field` declarations (undeclared fields
/// take the type their text shows). A cell that does not fit is an error for that client only.
struct RowConverter {
  let fields: [FieldInfo]
  let reader: CellReader
  /// The slots to convert (all of them, or only those a population pass needs).
  let slots: [Int]

  init(fields: [FieldInfo], decimalComma: Bool, slots: [Int]? = nil) {
    self.fields = fields
    reader = CellReader(decimalComma: decimalComma)
    self.slots = slots ?? Array(fields.indices)
  }

  /// Writes the row's values to `values` (one per slot); on a bad cell returns what is wrong with
  /// every bad cell (the values are then all missing), else `nil`.
  func convert(_ row: RowBuffer, into values: UnsafeMutablePointer<Value>) -> [CellProblem]? {
    var problems: [CellProblem]?
    for slot in slots {
      switch reader.read(row.cells[slot], for: fields[slot]) {
      case .success(let value):
        values[slot] = value
      case .failure(let error):
        values[slot] = .missing
        problems = (problems ?? []) + [CellProblem(field: fields[slot].name, error: error)]
      }
    }
    return problems
  }
}

/// A cell that does not fit its field.
struct CellProblem {
  /// The field's name.
  var field: String
  /// What is wrong.
  var error: CellError

  /// `payment_delay: "fourty" is not a duration`.
  var message: String { "\(field): \(error.message)" }
}
