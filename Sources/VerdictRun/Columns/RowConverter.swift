import Verdict

/// Converts a record's cells to values by the policy's `field` declarations (undeclared fields
/// take the type their text shows) and the source's number formats. Only the fields the policy
/// reads are converted. A cell that does not fit is an error for that client only.
final class RowConverter {
  /// How each field's cells are read (trivially copyable, so reading a cell copies no name).
  private let formats: UnsafeMutablePointer<CellFormat>
  private let names: [String]
  private let reader: CellReader
  /// The slots to convert (all of them, or only those a population pass needs).
  private let slots: UnsafeMutableBufferPointer<Int>
  /// The short texts read lately, by slot (a converter is used by one thread at a time).
  private let recent: UnsafeMutablePointer<RecentTexts>
  /// The money fields whose rows name their currency, settled once a row is read.
  private let currencies: RowCurrencies
  /// Whether there are any: asked on every row, where reading the array's count through the
  /// class would retain it.
  private let settles: Bool

  /// A converter for `fields` read in `formats` (one per field), of the slots `slots` or else of
  /// every field the policy reads.
  init(fields: [FieldInfo], formats cellFormats: [CellFormat], slots: [Int]? = nil) {
    formats = .allocate(capacity: fields.count)
    // Formats for every field, else (a batch read before its source was bound, whose rows are
    // all problems and converted by no one) each field's own.
    let complete = cellFormats.count == fields.count ? cellFormats : fields.map { CellFormat($0) }
    formats.initialize(from: complete, count: fields.count)
    names = fields.map(\.name)
    reader = CellReader()
    currencies = RowCurrencies(fields)
    settles = !currencies.isEmpty
    let some = slots ?? fields.indices.filter { fields[$0].isUsed }
    let chosen = some + currencies.currencySlots(of: some).filter { !some.contains($0) }
    self.slots = .allocate(capacity: chosen.count)
    _ = self.slots.initialize(from: chosen)
    recent = .allocate(capacity: 1)
    recent.initialize(to: RecentTexts(slotCount: fields.count))
  }

  deinit {
    formats.deallocate()
    slots.deallocate()
    recent.deinitialize(count: 1)
    recent.deallocate()
  }

  /// Writes the row's values to `values` (one per slot); on a bad cell returns what is wrong with
  /// every bad cell (the values are then all missing), else `nil`.
  func convert(_ row: RowBuffer, into values: UnsafeMutablePointer<Value>) -> [CellProblem]? {
    var problems: [CellProblem]?
    for slot in slots {
      switch reader.read(row.cells[slot], as: formats[slot]) {
      case .success(let value):
        values[slot] = value
      case .failure(let error):
        values[slot] = .missing
        problems = (problems ?? []) + [CellProblem(field: names[slot], slot: slot, error: error)]
      }
    }
    if settles { currencies.settle(values, names: names, into: &problems) }
    return problems
  }
  /// Writes the values of row `row` of `batch` to `values`, like ``convert(_:into:)``.
  func convert(row: Int, of batch: Batch, into values: UnsafeMutablePointer<Value>) -> [CellProblem]? {
    var problems: [CellProblem]?
    batch.withRow(row) { cells, bytes in
      reader.readRow(cells, in: bytes, formats: formats, slots: slots, into: values, recent: recent) { slot, error in
        problems = (problems ?? []) + [CellProblem(field: names[slot], slot: slot, error: error)]
      }
    }
    if settles { currencies.settle(values, names: names, into: &problems) }
    return problems
  }

}

extension RowCurrencies {
  /// Gives a converted row's bare amounts the currency their row names (``settle(_:failed:)``),
  /// adding each amount refused to `problems` as the problem of the field `names[slot]`: the step
  /// ``RowConverter`` and ``RecordConverter`` take after their cells.
  func settle(_ values: UnsafeMutablePointer<Value>, names: [String], into problems: inout [CellProblem]?) {
    settle(values) { slot, error in
      problems = (problems ?? []) + [CellProblem(field: names[slot], slot: slot, error: error)]
    }
  }
}

/// A cell that does not fit its field.
struct CellProblem {
  /// The field's name.
  var field: String
  /// The field's slot.
  var slot: Int
  /// What is wrong.
  var error: CellError

  /// `payment_delay: "fourty" is not a duration`.
  var message: String { "\(field): \(error.message)" }
  /// The cell's hint, if it has one.
  var hint: FieldHint? {
    error.hint.map { FieldHint(field: field, text: $0, kind: error.hintGroup ?? $0) }
  }
}

/// The hint for one bad cell, shown on standard error the first time its kind comes for its field.
struct FieldHint {
  /// The field's name (`invoices.amount` for a table's).
  var field: String
  /// The hint.
  var text: String
  /// What the hint says whatever the cell (``CellError/hintKind``): the text itself unless it
  /// quotes its cell.
  var kind: String
}
