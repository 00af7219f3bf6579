import Foundation
import Verdict
import VerdictData

/// The first pass for `share`, `rank` and `percentile`: reads every data file once, converting
/// only the columns those functions need, and builds the population. Files are simply read again
/// by the second pass; standard input is spooled (only the columns the policy uses) on the way.
struct PopulationPass {
  let policy: Policy
  let binder: ColumnBinder
  /// The clients' aggregates, when the policy reads record tables (`share(revenue)` of a sum).
  var store: AggregateStore?

  /// Makes missing in `client` the cells of `problems`, which could not be read, so that the
  /// client is left out of the figures of those fields only, as a missing value is
  /// (docs/language.md); returns whether there were any.
  private static func forget(_ problems: [CellProblem]?, in client: inout Client) -> Bool {
    guard let problems else { return false }
    for problem in problems { client.values[problem.slot] = .missing }
    return true
  }

  /// Fills `client`'s aggregates from the records of `found` in `store` (none: no records), the
  /// ones its records leave unknown missing, so that a client with a bad cell in a table is left
  /// out of the figures that read that cell only (``AggregateReads``); returns whether one of the
  /// measured aggregates was.
  private func aggregates(of found: Int32?, from store: AggregateStore, into client: inout Client) -> Bool {
    store.setAggregates(of: &client, client: found, policy: policy)
    guard let found else { return false }
    return store.forgetUnknown(policy.measuredAggregates, of: found, in: &client, fieldCount: policy.fields.count)
  }

  /// What the pass leaves for the second pass.
  struct Result {
    /// The population of every client whose needed cells could be read.
    var population: Population?
    /// The spool that replaces standard input, if it was among the inputs.
    var standardInput: SpoolSource?
    /// Why standard input could not be read to the end, if it could not.
    var standardInputTail: String?
    /// The clients left out of the population: their rows, the cells it needs or their records
    /// could not be read (they are error rows of the run).
    var leftOut = 0
  }

  /// Runs the pass over `inputs`; `standardInput` is the already opened source for `-`.
  func run(
    inputs: [BatchReader.Input], open: @escaping (String) throws(RunFailure) -> any RecordSource,
    standardInput: (any RecordSource)?
  ) throws(RunFailure) -> Result {
    guard standardInput != nil else { return try readAhead(inputs, open: open) }
    return try readInPlace(inputs, open: open, standardInput: standardInput)
  }

  /// The pass over files, on two threads: one reads the records into batches, as the run's own
  /// reading thread does, while this one converts the cells the population needs, in the order
  /// of the data (so the population is the same whatever the timing). A file that cannot be
  /// opened or read to the end is left for the second pass to report, as its rows are.
  private func readAhead(
    _ inputs: [BatchReader.Input], open: @escaping (String) throws(RunFailure) -> any RecordSource
  ) throws(RunFailure) -> Result {
    var builder = PopulationBuilder(for: policy)
    let needed = Array(Set(policy.populationNeeds.map(\.field).filter { $0 < policy.fields.count })).sorted()
    var client = Client(values: Array(repeating: .missing, count: policy.fields.count + policy.aggregateCount))
    let free = Channel<Batch>()
    for _ in 0..<4 {
      free.send(Batch(slotCount: policy.fields.count, capacity: 4096, verdictCount: policy.verdicts.count))
    }
    let work = Channel<Batch>()
    let fatal = SharedBox<RunFailure?>(nil)
    let reader = UncheckedBox(BatchReader(policy: policy, binder: binder, open: open))
    let readerInputs = UncheckedBox(inputs)
    Thread.detachNewThread {
      do throws(RunFailure) {
        try reader.value.run(readerInputs.value, free: free, send: { work.send($0) }) { _, _ in }
      } catch {
        fatal.value = error
      }
      work.close()
    }
    var converters: [Int: RowConverter] = [:]
    var leftOut = 0
    while let batch = work.receive() {
      let converter =
        converters[batch.source]
        ?? RowConverter(fields: policy.fields, formats: batch.formats, slots: needed)
      if batch.formats.count == policy.fields.count { converters[batch.source] = converter }
      var nextProblem = 0
      for row in 0..<batch.count {
        if nextProblem < batch.problems.count, batch.problems[nextProblem].row == row {
          nextProblem += 1
          leftOut += 1
          continue
        }
        for slot in needed { client.values[slot] = .missing }
        let problems = client.values.withUnsafeMutableBufferPointer { values in
          values.baseAddress.flatMap { converter.convert(row: row, of: batch, into: $0) }
        }
        var unmeasured = PopulationPass.forget(problems, in: &client)
        if let store {
          let found = store.client(named: batch.withKey(row) { AggregateStore.key($0) })
          unmeasured = aggregates(of: found, from: store, into: &client) || unmeasured
        }
        if unmeasured { leftOut += 1 }
        builder.add(client)
      }
      free.send(batch)
    }
    free.close()
    if let failure = fatal.value { throw failure }
    return Result(population: builder.build(), leftOut: leftOut)
  }

  /// The pass over inputs among which is standard input, which is spooled on the way (its rows
  /// cannot be read twice), on this thread.
  private func readInPlace(
    _ inputs: [BatchReader.Input], open: (String) throws(RunFailure) -> any RecordSource,
    standardInput: (any RecordSource)?
  ) throws(RunFailure) -> Result {
    var builder = PopulationBuilder(for: policy)
    let needed = Array(Set(policy.populationNeeds.map(\.field).filter { $0 < policy.fields.count })).sorted()
    var client = Client(values: Array(repeating: .missing, count: policy.fields.count + policy.aggregateCount))
    let row = RowBuffer(slots: policy.fields.count)
    var result = Result()
    for input in inputs {
      let source: any RecordSource
      switch input {
      case .path(let path): source = try open(path)
      case .opened(let opened, _): source = opened
      }
      let isStandardInput = standardInput.map { $0 === source } ?? false
      let spool = isStandardInput ? try SpoolWriter(slots: policy.fields.count) : nil
      var converter: RowConverter?
      do {
        try source.forEachRow(row, binder: binder) { row in
          try spool?.add(row)
          guard row.problem == nil else {
            result.leftOut += 1
            return
          }
          // Made with the first record: a source without a header binds only then.
          let current = converter ?? RowConverter(fields: policy.fields, formats: formats(source), slots: needed)
          converter = current
          for slot in needed { client.values[slot] = .missing }
          let problems = client.values.withUnsafeMutableBufferPointer { current.convert(row, into: $0.baseAddress!) }
          var unmeasured = PopulationPass.forget(problems, in: &client)
          if let store {
            let found = store.client(named: AggregateStore.key(row.key))
            unmeasured = aggregates(of: found, from: store, into: &client) || unmeasured
          }
          if unmeasured { result.leftOut += 1 }
          builder.add(client)
        }
      } catch let error as DataReadError {
        // The second pass reports it for files; for standard input, remember it.
        if spool != nil { result.standardInputTail = SourceNotes.unreadableTail(source.name, error) }
      } catch let failure as RunFailure {
        spool?.discard()
        throw failure
      } catch {
        spool?.discard()
        throw RunFailure(.data, "\(error)")
      }
      if let spool {
        result.standardInput = try spool.finish(
          name: source.name, numbers: source.numbers, binding: source.binding)
      }
    }
    result.population = builder.build()
    return result
  }

  /// How the source's cells are read, by slot.
  private func formats(_ source: any RecordSource) -> [CellFormat] {
    source.binding?.formats ?? policy.fields.map { CellFormat($0, numbers: source.numbers) }
  }
}

/// Messages about data files as a whole.
enum SourceNotes {
  /// `clients.csv:5000: column 7: unterminated quoted field; the rest of the file was not read`.
  static func unreadableTail(_ name: String, _ error: DataReadError) -> String {
    located(name, error) + "; the rest of the file was not read"
  }

  /// `clients.json:4: column 1: unexpected ']' after ','…`: the error at its line and column, as a
  /// row error names them, when it has them, and its hint.
  static func located(_ name: String, _ error: DataReadError) -> String {
    var text = name
    if error.line > 0 { text += ":\(error.line)" }
    text += ": "
    if error.line > 0, error.column > 0 { text += "column \(error.column): " }
    text += error.message
    if let hint = error.hint { text += " (hint: \(hint))" }
    return text
  }
}
