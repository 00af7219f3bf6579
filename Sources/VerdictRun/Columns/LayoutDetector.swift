import Verdict
import VerdictData

/// Decides from the first records of a CSV file how each column the policy reads writes its
/// numbers, before any client is evaluated: a column is read with one decimal mark, so that
/// `1.250` never means 1.25 in one row and 1250 in the next.
///
/// Only a sample is read, so that a run over a large file does not read it twice. A column the
/// sample leaves undecided is read cell by cell: a later cell with two readings is refused, with
/// the option that settles it, and costs only its own client.
struct LayoutDetector {
  /// How many records are sampled.
  static let sampleSize = 5_000
  /// How many cells of a date column are sampled (a day past the 12th settles most columns early,
  /// and each cell is tried in every candidate format).
  static let dateSampleSize = 1_000

  let policy: Policy
  let options: DataReadOptions
  /// Whether to learn how the file writes money and dates (``DataNotation``), for the HTML report.
  var learnsNotation = false

  /// Samples `source` (opened on `path`, not standard input) and sets the number format of every
  /// numeric slot of its binding, and the date format of every date slot without a declared one.
  /// - Throws: ``RunFailure`` when a column mixes decimal marks, or has numbers with two readings
  ///   and nothing in the file settles them.
  func detect(_ source: CSVRecordSource, path: String) throws(RunFailure) {
    guard var binding = source.binding else { return }
    let slots = policy.fields.indices.filter { slot in
      let field = policy.fields[slot]
      return field.isUsed && binding.columnOfSlot[slot] >= 0 && (field.type?.isNumeric ?? true)
    }
    let dateSlots = policy.fields.indices.filter { slot in
      let field = policy.fields[slot]
      return field.isUsed && binding.columnOfSlot[slot] >= 0 && field.type == .date && field.dateFormat == nil
    }
    let moneySlots = learnsNotation ? slots.filter { policy.fields[$0].type == .money } : []
    let fixed = options.csvDecimalMark
    var tallies = slots.map { _ in DecimalMarkTally() }
    var dates = dateSlots.map { _ in [(line: Int, text: String)]() }
    var money: [String] = []
    if path != "-" && (fixed == nil && !slots.isEmpty || !dateSlots.isEmpty || !moneySlots.isEmpty) {
      try sample(
        path, dialect: source.reader.dialect, shape: source.shape, binding: binding, slots: fixed == nil ? slots : [],
        into: &tallies,
        dateSlots: dateSlots, dates: &dates, moneySlots: moneySlots, money: &money)
    }
    var failures: [RunFailure] = []
    let yearFirst = DateColumn.mayWriteYearFirst(encoding: source.encoding, columns: binding.columns)
    for (slot, samples) in zip(dateSlots, dates) {
      let column = binding.columns[binding.columnOfSlot[slot]]
      switch DateColumn.decide(samples, column: column, yearFirst: yearFirst) {
      case .success(let format):
        binding.formats[slot].dateFormat = format
      case .failure(let ambiguity): failures.append(RunFailure(.data, located: "\(source.name): \(ambiguity.text)"))
      }
    }
    let named = zip(slots, tallies).map { (column: binding.columns[binding.columnOfSlot[$0]], tally: $1) }
    var (decisions, problems) = DecimalMarkTally.decide(named, grouping: options.grouping ?? .any)
    if let fixed {
      decisions = slots.map { _ in DecimalMarkDecision(mark: fixed, source: .option) }
      problems = []
    }
    if !problems.isEmpty {
      failures += problems.map { RunFailure(.data, located: "\(source.name): \($0.message)") }
      failures[failures.count - 1] = failures[failures.count - 1].hinting(DecimalMarkProblem.hint(for: problems))
    }
    guard failures.isEmpty else { throw RunFailure(gathering: failures) }
    for (slot, decision) in zip(slots, decisions) {
      binding.formats[slot].numbers = NumberFormat(decimalMark: decision.mark, grouping: options.grouping ?? .any)
    }
    if learnsNotation {
      binding.notation = notation(
        binding, moneySlots: moneySlots, money: money, dateSlots: dateSlots, dates: dates, yearFirst: yearFirst)
    }
    source.binding = binding
  }

  /// How the file writes money (its sampled money cells, read with the first money column's
  /// decimal mark) and dates (the first date column's declared format, or the one its sampled
  /// cells show, two-digit years first among the formats when `yearFirst`).
  private func notation(
    _ binding: ColumnBinding, moneySlots: [Int], money: [String], dateSlots: [Int],
    dates: [[(line: Int, text: String)]], yearFirst: Bool
  ) -> DataNotation {
    var notation = DataNotation.plain
    if let slot = moneySlots.first {
      notation.money = MoneyNotation.decide(money, mark: binding.formats[slot].numbers.decimalMark)
    }
    let firstDate = policy.fields.indices.first { slot in
      policy.fields[slot].isUsed && binding.columnOfSlot[slot] >= 0 && policy.fields[slot].type == .date
    }
    if let slot = firstDate {
      if let declared = policy.fields[slot].dateFormat {
        notation.dateFormat = declared
      } else if let index = dateSlots.firstIndex(of: slot),
        case .format(let format) = DateFormat.detect(dates[index].map(\.text), yearFirst: yearFirst)
      {
        notation.dateFormat = format
      }
    }
    return notation
  }

  /// Counts the decimal marks of the sampled records' cells, slot by slot, and collects the cells of
  /// the date slots.
  private func sample(
    _ path: String, dialect: CSVDialect, shape: CSVRowShape, binding: ColumnBinding, slots: [Int],
    into tallies: inout [DecimalMarkTally], dateSlots: [Int], dates: inout [[(line: Int, text: String)]],
    moneySlots: [Int], money: inout [String]
  ) throws(RunFailure) {
    let reader: CSVReader
    do {
      reader = try CSVReader(
        source: try ByteSource(path: path, encoding: options.encoding), dialect: dialect, skipLines: options.skipLines)
    } catch {
      throw SourceOpener.failure(path, error)
    }
    let undeclared = slots.map { policy.fields[$0].type == nil }
    let formats = slots.map {
      CellFormat(policy.fields[$0], numbers: NumberFormat(decimalMark: .undecided, grouping: options.grouping ?? .any))
    }
    // Only rows the run will read count: a damaged row (a lost separator, a quote out of place)
    // costs its own client, and must not decide how every other row's numbers are read.
    let key = binding.keyColumn ?? -1
    var seen = 0
    struct Enough: Error {}
    do {
      try reader.forEachRecord { record in
        guard seen < LayoutDetector.sampleSize else { throw Enough() }
        seen += 1
        // A row whose key cell is blank or a totals label (see ``TotalsRow``) is an error row,
        // read by no one: it decides nothing, as `check --data`, `explain` and the REPL leave it
        // out too. A totals row's sums, the file's largest numbers, would otherwise be the ones
        // with a thousands separator.
        guard shape.fits(record),
          key < 0 ? !TotalsRow.isLabel(record[0]) : !ClientKey.isBlank(record[key]) && !TotalsRow.isLabel(record[key])
        else { return }
        for (index, slot) in slots.enumerated() {
          let cell = record[binding.columnOfSlot[slot]]
          // A column whose type the data decides may hold dates such as 28.11.2026: no number.
          if undeclared[index], case .success(.date) = CellReader().read(cell, as: CellFormat(policy.fields[slot])) {
            continue
          }
          tallies[index].add(cell, line: record.position.line, as: formats[index])
        }
        for slot in moneySlots where money.count < LayoutDetector.dateSampleSize {
          let cell = record[binding.columnOfSlot[slot]]
          if !cell.isEmpty { money.append(String(decoding: cell, as: UTF8.self)) }
        }
        for (index, slot) in dateSlots.enumerated() {
          let cell = record[binding.columnOfSlot[slot]]
          if !cell.isEmpty, dates[index].count < LayoutDetector.dateSampleSize {
            dates[index].append((record.position.line, String(decoding: cell, as: UTF8.self)))
          }
        }
      }
    } catch {
      // Enough records, or a file that breaks off: the run reports that where it happens.
    }
  }
}
