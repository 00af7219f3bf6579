import Verdict

/// A batch of a table's records on their way from the reading thread to the folding one: each
/// record's line, client key and values, and what is wrong with the records that cannot be folded.
final class RecordBatch: @unchecked Sendable {
  let slotCount: Int
  let capacity: Int
  /// The batch's place in the table: the folding thread folds batches in this order.
  var sequence = 0
  /// Records filled.
  private(set) var count = 0
  /// The records that cannot be folded, in order, with why: the row could not be read (a ragged
  /// row) or a cell could not be converted.
  var problems: [(record: Int, message: String)] = []
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
