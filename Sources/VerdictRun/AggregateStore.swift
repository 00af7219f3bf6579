import Verdict

/// Every client's aggregates, folded from the record tables before any client is evaluated:
/// one entry per client key (in the order keys first appear), and per entry one accumulator for
/// each aggregate of the policy. Memory grows with the clients and the aggregates, not with the
/// records.
final class AggregateStore: @unchecked Sendable {
  /// The policy's aggregates per client.
  let aggregateCount: Int
  /// The clients' keys, in the order they first appear in the tables.
  private(set) var keys: [String] = []
  private var index: [String: Int32] = [:]
  /// `aggregateCount` accumulators per client, in key order.
  private var accumulators: [AggregateAccumulator] = []
  /// How many records each client has, over all tables.
  private(set) var recordCounts: [UInt32] = []
  /// Where each client's first record is: the table's index and the line.
  private(set) var firstRecords: [(table: Int32, line: Int32)] = []
  /// The first record of a client that could not be read or folded, and how many such records
  /// it has: such a client gets an error rather than aggregates that miss records.
  private(set) var damage: [Int32: (message: String, count: Int)] = [:]
  /// Records that name no client (an empty key cell), which no client can be charged with.
  private(set) var keyless: (count: Int, first: String?) = (0, nil)
  /// Records read, by table.
  private(set) var recordsRead: [Int]
  /// Accumulators of a client with no records.
  private let empty: [AggregateAccumulator]

  init(aggregateCount: Int, tableCount: Int) {
    self.aggregateCount = aggregateCount
    recordsRead = Array(repeating: 0, count: tableCount)
    empty = Array(repeating: AggregateAccumulator(), count: max(1, aggregateCount))
  }

  /// The client named `key`, added if new; the record at `line` of table `table` is counted.
  func client(_ key: String, table: Int, line: Int) -> Int32 {
    recordsRead[table] += 1
    if let client = index[key] {
      recordCounts[Int(client)] &+= 1
      return client
    }
    let client = Int32(keys.count)
    index[key] = client
    keys.append(key)
    recordCounts.append(1)
    firstRecords.append((Int32(table), Int32(clamping: line)))
    accumulators.append(contentsOf: repeatElement(AggregateAccumulator(), count: aggregateCount))
    return client
  }

  /// The client named `key`, if a table has records of it.
  func client(named key: String) -> Int32? { index[key] }

  /// Calls `body` with the accumulators of `client`.
  func withAccumulators<Result>(
    of client: Int32, _ body: (UnsafeMutablePointer<AggregateAccumulator>) -> Result
  ) -> Result {
    accumulators.withUnsafeMutableBufferPointer { buffer in
      body(buffer.baseAddress! + Int(client) * aggregateCount)
    }
  }

  /// Fills the aggregate slots of `values` (a client record of `policy`) for `client`, or as a
  /// client with no records for `nil`.
  func setAggregates(of values: inout Client, client: Int32?, policy: Policy) {
    guard let client else {
      empty.withUnsafeBufferPointer { policy.setAggregates(of: &values, from: $0.baseAddress!) }
      return
    }
    accumulators.withUnsafeBufferPointer { buffer in
      policy.setAggregates(of: &values, from: buffer.baseAddress! + Int(client) * aggregateCount)
    }
  }

  /// Records that a record of `client` could not be read or folded.
  func damage(_ client: Int32, _ message: String) {
    if let known = damage[client] {
      damage[client] = (known.message, known.count + 1)
    } else {
      damage[client] = (message, 1)
    }
  }

  /// Records a record without a client key.
  func keylessRecord(_ message: String) {
    keyless.count += 1
    if keyless.first == nil { keyless.first = message }
  }

  /// Why `client` cannot be evaluated, if one of its records was damaged.
  func damageMessage(of client: Int32) -> String? {
    guard let damage = damage[client] else { return nil }
    let more = damage.count > 1 ? " (and \(damage.count - 1) more of its records)" : ""
    return "\(damage.message)\(more); its aggregates would leave the record out"
  }

  /// The key as the store files it: surrounding spaces and tabs dropped, as exports pad cells.
  static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}
