import Foundation
import Verdict
import VerdictData

/// Reads a record table's file on a thread of its own, converting each record's cells to values
/// into batches, while the calling thread folds the batches read before: reading and converting
/// a record take about as long as finding its client and folding it.
struct TableReader {
  let source: any RecordSource
  let binder: ColumnBinder
  /// The table's fields.
  let fields: [FieldInfo]

  /// Batches in flight: enough to keep both threads busy, few enough to stay in the cache.
  private static let batchCount = 4
  private static let batchSize = 1024

  private struct Stopped: Error {}

  /// Reads the whole source, calling `fold` with each batch in order on the calling thread.
  /// - Throws: what reading the source threw (a ``DataReadError``, a ``RunFailure``), once every
  ///   batch read before it was folded.
  func run(_ fold: (RecordBatch) -> Void) throws {
    let free = Channel<RecordBatch>()
    let full = Channel<RecordBatch>()
    for _ in 0..<TableReader.batchCount {
      free.send(RecordBatch(slotCount: fields.count, capacity: TableReader.batchSize))
    }
    let failure = SharedBox<(any Error)?>(nil)
    let reading = UncheckedBox(self)
    Thread.detachNewThread {
      do {
        try reading.value.read(free: free, full: full)
      } catch {
        failure.value = error
      }
      full.close()
    }
    while let batch = full.receive() {
      fold(batch)
      free.send(batch)
    }
    free.close()
    if let error = failure.value, !(error is Stopped) { throw error }
  }

  private func read(free: Channel<RecordBatch>, full: Channel<RecordBatch>) throws {
    let row = RowBuffer(slots: fields.count)
    guard var batch = free.receive() else { return }
    batch.reset()
    // Made with the first record: a source without a header binds only then.
    var converter: RecordConverter?
    try source.forEachRow(row, binder: binder) { row in
      if batch.isFull {
        full.send(batch)
        guard let next = free.receive() else { throw Stopped() }
        batch = next
        batch.reset()
      }
      // A record that cannot be read comes with the key of the client it is surely about, or
      // none (a ragged CSV row whose key is not its first cell, a malformed JSON line, a key
      // that is not UTF-8): it then names no client, and its problem is counted for nobody.
      let record = batch.add(line: row.line, key: AggregateStore.trimmed(row.key))
      if let problem = row.problem {
        batch.problems.append(RecordProblem(record: record, message: problem))
        return
      }
      guard !batch.key(record).isEmpty else { return }
      let current =
        converter
        ?? RecordConverter(fields: fields, formats: source.binding?.formats ?? fields.map { CellFormat($0) })
      converter = current
      if let problems = current.convert(row, into: batch.values(record)) {
        batch.problems.append(
          RecordProblem(
            record: record, message: problems.map(\.message).joined(separator: "; "),
            hints: problems.compactMap(\.hint),
            badSlots: problems.map(\.slot)))
      }
    }
    full.send(batch)
  }
}

/// Why a record of a table cannot be folded whole.
struct RecordProblem {
  /// The record, in its batch.
  var record: Int
  /// What is wrong, as the client's row error says it.
  var message: String
  /// The hints of its bad cells, by field (``RowMessage/hints``).
  var hints: [FieldHint] = []
  /// The table's field slots whose cells could not be read, missing in the record's values; `nil`
  /// when the record could not be read at all (a ragged row, a malformed JSON record).
  var badSlots: [Int]?
}

/// A batch of a table's records on their way from the reading thread to the folding one: each
/// record's line, client key and values, and what is wrong with the records that cannot be folded.
final class RecordBatch: @unchecked Sendable {
  let slotCount: Int
  let capacity: Int
  /// Records filled.
  private(set) var count = 0
  /// The records that cannot be folded whole, in order, with why: the row could not be read (a
  /// ragged row) or a cell could not be converted.
  var problems: [RecordProblem] = []
  /// The line each record starts on.
  private let lines: UnsafeMutablePointer<Int>
  /// `slotCount` values a record; a record with a problem or without a key has stale ones.
  private let slots: UnsafeMutablePointer<Value>
  /// The records' keys, end to end, and where each ends.
  private var keyBytes: [UInt8] = []
  private let keyEnds: UnsafeMutablePointer<Int>
  /// Each key's ``ClientKeys/hash(_:)``, computed by the reading thread, which has time to
  /// spare, while the key is in its cache.
  private let keyHashes: UnsafeMutablePointer<UInt64>

  init(slotCount: Int, capacity: Int) {
    self.slotCount = slotCount
    self.capacity = capacity
    lines = .allocate(capacity: capacity)
    keyEnds = .allocate(capacity: capacity)
    keyHashes = .allocate(capacity: capacity)
    slots = .allocate(capacity: max(1, slotCount * capacity))
    slots.initialize(repeating: .missing, count: max(1, slotCount * capacity))
    keyBytes.reserveCapacity(capacity * 16)
  }

  deinit {
    lines.deallocate()
    keyEnds.deallocate()
    keyHashes.deallocate()
    slots.deinitialize(count: max(1, slotCount * capacity))
    slots.deallocate()
  }

  var isFull: Bool { count == capacity }

  /// Empties the batch for reuse.
  func reset() {
    count = 0
    problems.removeAll(keepingCapacity: true)
    keyBytes.removeAll(keepingCapacity: true)
  }

  /// Adds a record with its line and key; returns its index.
  func add(line: Int, key: UnsafeBufferPointer<UInt8>) -> Int {
    let record = count
    lines[record] = line
    keyBytes.append(contentsOf: key)
    keyEnds[record] = keyBytes.count
    keyHashes[record] = ClientKeys.hash(key)
    count += 1
    return record
  }

  /// The ``ClientKeys/hash(_:)`` of record `record`'s key.
  func keyHash(_ record: Int) -> UInt64 { keyHashes[record] }

  /// The line record `record` starts on.
  func line(_ record: Int) -> Int { lines[record] }

  /// The values of record `record`, one per field slot.
  func values(_ record: Int) -> UnsafeMutablePointer<Value> { slots + record * slotCount }

  /// The key of record `record`, valid until the batch is next changed.
  func key(_ record: Int) -> UnsafeBufferPointer<UInt8> {
    let start = record == 0 ? 0 : keyEnds[record - 1]
    return keyBytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<keyEnds[record]]) }
  }
}
