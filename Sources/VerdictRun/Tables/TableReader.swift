import Foundation
import Verdict
import VerdictData

/// Reads a record table's file on threads of its own while the calling thread folds the records
/// read before, in file order.
///
/// With one converter, one thread reads and converts each record (about as long as finding its
/// client and folding it takes). With more, one thread reads the file, copying each record's
/// cells into a batch (a CSV file is read in order: a quoted cell may hold a line break), and
/// `converters` threads each take a batch and convert its cells to values. Either way the
/// calling thread puts the batches back in order and folds them, so every client's records are
/// folded in the order of the file, and every aggregate, error and message is the same.
struct TableReader {
  let source: any RecordSource
  let binder: ColumnBinder
  /// The table's fields.
  let fields: [FieldInfo]
  /// The threads that convert records: one converts on the reading thread.
  var converters = 1
  /// Records a batch: enough to share the work, few enough to stay in the cache.
  var batchSize = 1024

  private struct Stopped: Error {}

  /// Reads the whole source, calling `fold` with each batch in order on the calling thread.
  /// - Throws: what reading the source threw (a ``DataReadError``, a ``RunFailure``), once every
  ///   batch read before it was folded.
  func run(_ fold: (RecordBatch) -> Void) throws {
    let converters = max(1, self.converters)
    let batchSize = max(1, self.batchSize)
    // Batches in flight: each thread has one or two at hand.
    let freeRecords = Channel<RecordBatch>()
    let fullRecords = Channel<RecordBatch>()
    for _ in 0..<(2 * converters + 2) {
      freeRecords.send(RecordBatch(slotCount: fields.count, capacity: batchSize))
    }
    let freeCells = Channel<Batch>()
    let failure = SharedBox<(any Error)?>(nil)
    let reading = UncheckedBox(self)
    if converters == 1 {
      Thread.detachNewThread {
        do { try reading.value.readConverting(free: freeRecords, full: fullRecords) } catch { failure.value = error }
        fullRecords.close()
      }
    } else {
      let fullCells = Channel<Batch>()
      for _ in 0..<(2 * converters + 2) {
        freeCells.send(Batch(slotCount: fields.count, capacity: batchSize, verdictCount: 0))
      }
      Thread.detachNewThread {
        do { try reading.value.read(free: freeCells, full: fullCells) } catch { failure.value = error }
        fullCells.close()
      }
      let running = SharedBox(converters)
      let fields = self.fields
      for _ in 0..<converters {
        Thread.detachNewThread {
          TableReader.convert(
            fields: fields, cells: fullCells, freeCells: freeCells, free: freeRecords, full: fullRecords)
          if running.decrement() == 0 { fullRecords.close() }
        }
      }
    }
    var next = 0
    var pending: [Int: RecordBatch] = [:]
    while let batch = fullRecords.receive() {
      pending[batch.sequence] = batch
      while let ready = pending.removeValue(forKey: next) {
        fold(ready)
        next += 1
        freeRecords.send(ready)
      }
    }
    freeRecords.close()
    freeCells.close()
    if let error = failure.value, !(error is Stopped) { throw error }
  }

  /// The reading thread with one converter: reads and converts each record into batches.
  private func readConverting(free: Channel<RecordBatch>, full: Channel<RecordBatch>) throws {
    let row = RowBuffer(slots: fields.count)
    let filling = RecordFilling(fields: fields)
    guard var batch = free.receive() else { return }
    batch.reset(sequence: 0)
    try source.forEachRow(row, binder: binder) { row in
      if batch.isFull {
        full.send(batch)
        guard let next = free.receive() else { throw Stopped() }
        next.reset(sequence: batch.sequence + 1)
        batch = next
      }
      // A source without a header binds with its first good record.
      filling.add(row, formats: source.binding?.formats ?? [], to: batch)
    }
    full.send(batch)
  }

  /// The reading thread with several converters: copies each record's line, key, cells and
  /// problem into batches of cells.
  private func read(free: Channel<Batch>, full: Channel<Batch>) throws {
    let row = RowBuffer(slots: fields.count)
    var sequence = 0
    guard var batch = free.receive() else { return }
    batch.reset(sequence: sequence, source: 0)
    var formats: [CellFormat] = []
    try source.forEachRow(row, binder: binder) { row in
      if batch.isFull {
        full.send(batch)
        guard let next = free.receive() else { throw Stopped() }
        batch = next
        sequence += 1
        batch.reset(sequence: sequence, source: 0)
      }
      if batch.count == 0 || batch.formats.isEmpty {
        // A source without a header binds with its first good record.
        if formats.isEmpty { formats = source.binding?.formats ?? [] }
        batch.formats = formats
      }
      batch.add(row)
    }
    full.send(batch)
  }

  /// A converting thread: takes a free batch of records first, then the next batch of cells
  /// (so a batch taken is always converted, whatever order the folding thread waits for), and
  /// adds each record to it as the reading thread with one converter does.
  private static func convert(
    fields: [FieldInfo], cells: Channel<Batch>, freeCells: Channel<Batch>, free: Channel<RecordBatch>,
    full: Channel<RecordBatch>
  ) {
    let row = RowBuffer(slots: fields.count)
    let filling = RecordFilling(fields: fields)
    while let batch = free.receive() {
      guard let read = cells.receive() else {
        free.send(batch)
        return
      }
      batch.reset(sequence: read.sequence)
      var nextProblem = 0
      for index in 0..<read.count {
        row.line = read.lines[index]
        row.key = read.key(index)
        row.problem = nil
        if nextProblem < read.problems.count && read.problems[nextProblem].row == index {
          row.problem = read.problems[nextProblem].message
          nextProblem += 1
        }
        read.withRow(index) { spans, bytes in
          for slot in 0..<fields.count {
            row.cells[slot] = UnsafeBufferPointer(
              start: bytes + spans[slot].start, count: spans[slot].end - spans[slot].start)
          }
        }
        filling.add(row, formats: read.formats, to: batch)
      }
      freeCells.send(read)
      full.send(batch)
    }
  }
}

/// Adds records to a batch of records, converting their cells with a converter made for the
/// first record to convert; one a thread.
private final class RecordFilling {
  let fields: [FieldInfo]
  private var converter: RecordConverter?

  init(fields: [FieldInfo]) { self.fields = fields }

  /// Adds `row` to `batch`: a record without a key as such, one with a problem with it, and
  /// any other converted, with what is wrong with its cells if they do not read.
  @inline(__always)
  func add(_ row: RowBuffer, formats: @autoclosure () -> [CellFormat], to batch: RecordBatch) {
    let record = batch.add(line: row.line, key: AggregateStore.trimmed(row.key))
    guard !batch.key(record).isEmpty else { return }
    if let problem = row.problem {
      batch.problems.append((record, problem))
      return
    }
    let current: RecordConverter
    if let converter {
      current = converter
    } else {
      let known = formats()
      current = RecordConverter(fields: fields, formats: known.isEmpty ? fields.map { CellFormat($0) } : known)
      converter = current
    }
    if let problems = current.convert(row, into: batch.values(record)) {
      batch.problems.append((record, problems.map(\.message).joined(separator: "; ")))
    }
  }
}
