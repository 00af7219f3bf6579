import Foundation
import Verdict
import VerdictData

/// Reads a record table's file on threads of its own while the calling thread folds the records
/// read before, in file order. One thread reads the file, copying each record's cells into a
/// batch (a CSV file is read in order: a quoted cell may hold a line break); `converters`
/// threads each take a batch and convert its cells to values (the dearer part, which any number
/// of threads can share); the calling thread puts the batches back in order and folds them, so
/// every client's records are folded in the order of the file, and every aggregate, error and
/// message is what reading on one thread gives.
struct TableReader {
  let source: any RecordSource
  let binder: ColumnBinder
  /// The table's fields.
  let fields: [FieldInfo]
  /// The threads that convert records (at least one).
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
    // Batches in flight: each converting thread and each other stage has one or two at hand.
    let freeCells = Channel<Batch>()
    let fullCells = Channel<Batch>()
    let freeRecords = Channel<RecordBatch>()
    let fullRecords = Channel<RecordBatch>()
    for _ in 0..<(2 * converters + 2) {
      freeCells.send(Batch(slotCount: fields.count, capacity: batchSize, verdictCount: 0))
      freeRecords.send(RecordBatch(slotCount: fields.count, capacity: batchSize))
    }
    let failure = SharedBox<(any Error)?>(nil)
    let reading = UncheckedBox(self)
    Thread.detachNewThread {
      do {
        try reading.value.read(free: freeCells, full: fullCells)
      } catch {
        failure.value = error
      }
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

  /// The reading thread: copies each record's line, key, cells and problem into batches.
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
  /// converts every record with a key and no problem.
  private static func convert(
    fields: [FieldInfo], cells: Channel<Batch>, freeCells: Channel<Batch>, free: Channel<RecordBatch>,
    full: Channel<RecordBatch>
  ) {
    let row = RowBuffer(slots: fields.count)
    // Made with the first record to convert, whose batch knows how the source's cells read.
    var converter: RecordConverter?
    while let batch = free.receive() {
      guard let read = cells.receive() else {
        free.send(batch)
        return
      }
      batch.reset()
      batch.sequence = read.sequence
      var nextProblem = 0
      for index in 0..<read.count {
        let record = batch.add(line: read.lines[index], key: AggregateStore.trimmed(read.key(index)))
        let problem = nextProblem < read.problems.count && read.problems[nextProblem].row == index
        if problem { nextProblem += 1 }
        guard !batch.key(record).isEmpty else { continue }
        if problem {
          batch.problems.append((record, read.problems[nextProblem - 1].message))
          continue
        }
        let current =
          converter
          ?? RecordConverter(
            fields: fields, formats: read.formats.isEmpty ? fields.map { CellFormat($0) } : read.formats)
        converter = current
        read.withRow(index) { spans, bytes in
          for slot in 0..<fields.count {
            row.cells[slot] = UnsafeBufferPointer(
              start: bytes + spans[slot].start, count: spans[slot].end - spans[slot].start)
          }
        }
        if let problems = current.convert(row, into: batch.values(record)) {
          batch.problems.append((record, problems.map(\.message).joined(separator: "; ")))
        }
      }
      freeCells.send(read)
      full.send(batch)
    }
  }
}
