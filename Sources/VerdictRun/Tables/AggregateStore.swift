import Verdict

/// Every client's aggregates, folded from the record tables before any client is evaluated:
/// one entry per client key (in the order keys first appear), and per entry one accumulator for
/// each aggregate of the policy. Memory grows with the clients and the aggregates, not with the
/// records.
final class AggregateStore: @unchecked Sendable {
  /// The policy's aggregates per client.
  let aggregateCount: Int
  /// The clients' keys, in the order they first appear in the tables.
  @exclusivity(unchecked) private(set) var keys = ClientKeys()
  /// `aggregateCount` accumulators per client, in key order, in chunks of ``chunkClients``
  /// clients: growing never copies them, so memory peaks at what they take, not half as much again.
  @exclusivity(unchecked) private var chunks: [UnsafeMutablePointer<AggregateAccumulator>] = []
  /// Clients per chunk: 16,384, or fewer (a power of two) so that a chunk holds at most
  /// ``chunkBytes``: a policy of 2,000 aggregates took 800 MB for its first client.
  private let chunkShift: Int
  var chunkClients: Int { 1 << chunkShift }
  private static let chunkBytes = 4 << 20
  /// How many records each client has, over all tables.
  @exclusivity(unchecked) private(set) var recordCounts: [UInt32] = []
  /// Where each client's first record is: the table's index and the line.
  @exclusivity(unchecked) private(set) var firstRecords: [(table: Int32, line: Int32)] = []

  /// Where client `client`'s first record is, as messages name it (`ar.csv:7`), in the files
  /// `tables` by table index (``TableFile/paths(_:byTableOf:)``).
  func firstPlace(of client: Int, in tables: [String]) -> String {
    let first = firstRecords[client]
    return "\(tables[Int(first.table)]):\(first.line)"
  }
  /// The first record of a client that could not be read or folded, the places of the next few
  /// (up to ``namedOtherRecords``), and how many such records it has: such a client gets an
  /// error rather than aggregates that miss records.
  private(set) var damage:
    [Int32: (
      place: String, line: Int32, table: Int32, message: String, hints: [FieldHint],
      others: [String], count: Int
    )] =
      [:]
  /// How many of a client's damaged records after the first its message names by place; past
  /// them it counts the rest.
  static let namedOtherRecords = 3
  /// Which aggregates read which fields of their table: what a record with bad cells leaves
  /// unknown (``leaveUnknown(_:table:badSlots:)``).
  let reads: AggregateReads
  /// For clients with records that could not be read or folded whole: the aggregates left
  /// unknown, as a mask (``AggregateReads``), which `share`, `rank` and `percentile` cannot
  /// measure them by.
  var unknown: [Int32: UInt64] = [:]
  /// The summary's warnings of texts the tables' lets compare with that their records write
  /// another way (``TextVariants``), table by table.
  var textVariants: [String] = []
  /// The tables' files' notes for the summary that are no failure (a footer left out: ``CSVFooter``).
  var remarks: [String] = []
  /// The summary's warnings of tables whose file has no record at all (``TablePass``).
  var emptyTables: [String] = []
  /// Whether the clients are the tables' keys (no client file): a client's row is then its first
  /// record, whose place its messages need not repeat.
  var clientsAreKeys = false
  /// Records that name no client (an empty key cell), which no client can be charged with.
  private(set) var keyless: (count: Int, first: String?) = (0, nil)
  /// Records read, by table.
  @exclusivity(unchecked) private(set) var recordsRead: [Int]
  /// Accumulators of a client with no records.
  private let empty: [AggregateAccumulator]

  /// A store for `aggregateCount` aggregates over `tableCount` tables, which `reads` says the
  /// fields of (none: a record with a problem leaves all of its client's aggregates unknown).
  init(aggregateCount: Int, tableCount: Int, reads: AggregateReads = AggregateReads()) {
    self.aggregateCount = aggregateCount
    self.reads = reads
    let fitting = AggregateStore.chunkBytes / (MemoryLayout<AggregateAccumulator>.stride * max(1, aggregateCount))
    chunkShift = min(14, max(0, Int.bitWidth - 1 - max(1, fitting).leadingZeroBitCount))
    recordsRead = Array(repeating: 0, count: tableCount)
    empty = Array(repeating: AggregateAccumulator(), count: max(1, aggregateCount))
  }

  deinit {
    for chunk in chunks { chunk.deallocate() }
  }

  /// The client whose key is `key` (trimmed, not empty), added if new; the record at `line` of
  /// table `table` is counted.
  func client(_ key: UnsafeBufferPointer<UInt8>, table: Int, line: Int) -> Int32 {
    client(key, hash: ClientKeys.hash(key), table: table, line: line)
  }

  /// The same, for a key whose ``ClientKeys/hash(_:)`` is known.
  func client(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, table: Int, line: Int) -> Int32 {
    let client = uncountedClient(key, hash: hash, table: table, line: line)
    recordCounts[Int(client)] &+= 1
    return client
  }

  /// The client whose key is `key`, added if new, without counting the record: the caller counts
  /// it later with ``count(_:)`` (after warming the counts, see ``warm(clients:)``).
  func uncountedClient(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, table: Int, line: Int) -> Int32 {
    recordsRead[table] &+= 1
    let (client, isNew) = keys.add(key, hash: hash)
    guard isNew else { return client }
    recordCounts.append(0)
    firstRecords.append((Int32(table), Int32(clamping: line)))
    if Int(client) & (chunkClients - 1) == 0 {
      let size = chunkClients * max(1, aggregateCount)
      let chunk = UnsafeMutablePointer<AggregateAccumulator>.allocate(capacity: size)
      chunk.initialize(repeating: AggregateAccumulator(), count: size)
      chunks.append(chunk)
    }
    return client
  }

  /// Reads the key slots of a batch's hashes and the accumulators of a batch's clients ahead of
  /// their use, so that the cache misses of a batch overlap (see ``ClientKeys/warm(_:)``).
  func warm(hashes: UnsafeBufferPointer<UInt64>) -> UInt64 { keys.warm(hashes) }

  /// The same for the clients' accumulators (their first cache line) and record counts.
  func warm(clients: UnsafeBufferPointer<Int32>) -> UInt64 {
    var sum: UInt64 = 0
    recordCounts.withUnsafeBufferPointer { counts in
      for client in clients where client >= 0 {
        sum &+= UInt64(accumulators(of: client).pointee.count) &+ UInt64(counts[Int(client)])
      }
    }
    return sum
  }

  /// Counts one record of `client` (found with ``uncountedClient(_:hash:table:line:)``).
  @inline(__always)
  func count(_ client: Int32) { recordCounts[Int(client)] &+= 1 }

  /// The client named `key`, if a table has records of it.
  func client(named key: String) -> Int32? {
    var key = key
    return key.withUTF8 { keys.number(of: $0) }
  }

  /// The accumulators of `client`.
  @inline(__always)
  private func accumulators(of client: Int32) -> UnsafeMutablePointer<AggregateAccumulator> {
    let index = Int(client)
    return chunks[index >> chunkShift] + (index & (chunkClients - 1)) * aggregateCount
  }

  /// Calls `body` with the accumulators of `client`.
  @inline(__always)
  func withAccumulators<Result>(
    of client: Int32, _ body: (UnsafeMutablePointer<AggregateAccumulator>) -> Result
  ) -> Result {
    body(accumulators(of: client))
  }

  /// Fills the aggregate slots of `values` (a client record of `policy`) for `client`, or as a
  /// client with no records for `nil`.
  func setAggregates(of values: inout Client, client: Int32?, policy: Policy) {
    guard let client else {
      empty.withUnsafeBufferPointer { policy.setAggregates(of: &values, from: $0.baseAddress!) }
      return
    }
    policy.setAggregates(of: &values, from: accumulators(of: client))
  }

  /// Records that a record of `client` could not be read or folded; the message is made only
  /// for the client's first such record, the place for the first few.
  /// `hints`: the hints of its bad cells, by field (``RowMessage/hints``).
  func damage(
    _ client: Int32, at place: @autoclosure () -> String, table: Int, line: Int, _ message: @autoclosure () -> String,
    hints: @autoclosure () -> [FieldHint] = []
  ) {
    if let known = damage[client] {
      damage[client]?.count = known.count + 1
      if known.others.count < AggregateStore.namedOtherRecords { damage[client]?.others.append(place()) }
    } else {
      damage[client] = (place(), Int32(clamping: line), Int32(table), message(), hints(), [], 1)
    }
  }

  /// Records a record without a client key; the message is made only for the first.
  func keylessRecord(_ message: @autoclosure () -> String) {
    keyless.count += 1
    if keyless.first == nil { keyless.first = message() }
  }

  /// The hints of the bad cells of the first damaged record of `client`.
  func damageHints(of client: Int32) -> [FieldHint] { damage[client]?.hints ?? [] }

  /// Why `client` cannot be evaluated, if one of its records was damaged.
  func damageMessage(of client: Int32) -> String? {
    damageReport(of: client).map { report in (report.place.map { "\($0): " } ?? "") + report.reason }
  }

  /// Why `client` cannot be evaluated, if one of its records was damaged: the damaged record's
  /// place, unless it is the client's row itself, and the reason.
  func damageReport(of client: Int32) -> (place: String?, reason: String)? {
    guard let damage = damage[client] else { return nil }
    let more = AggregateStore.otherRecords(damage.others, count: damage.count - 1)
    // Without a client file the client's row is its first record: its place is said already.
    let first = firstRecords[Int(client)]
    let isRowItself = clientsAreKeys && first.table == damage.table && first.line == damage.line
    return (isRowItself ? nil : damage.place, "\(damage.message)\(more); its aggregates would leave the record out")
  }

  /// ` (and 2 more of its records: ar.csv:7, ar.csv:9)`: a client's `count` damaged records
  /// after the first, named by their `places` (the first few) and the rest counted, so that
  /// every one can be found; empty when there are none.
  static func otherRecords(_ places: [String], count: Int) -> String {
    guard count > 0 else { return "" }
    let rest = count - places.count
    let named = places.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    return " (and \(count) more of its records: \(named))"
  }

  /// The key as the store files it: surrounding spaces dropped, as exports pad cells.
  static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: trimmed(bytes), as: UTF8.self)
  }

  /// The key's bytes without the spaces around it: spaces and tabs, and the invisible ones
  /// spreadsheets and exports leave (``invisibleSpaceLength(_:at:)``), so that `Acme GmbH`
  /// with a no-break space after it is `Acme GmbH`, not another client whose invoices are
  /// summed apart.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    // Nearly every key starts and ends with a letter or digit: two bytes say there is nothing
    // to trim, on a path small enough to inline into every loop over keys.
    guard let first = bytes.first, let last = bytes.last, first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80
    else { return bytes }
    return trimmedSlowly(bytes)
  }

  /// ``trimmed(_:)`` of a key that may start or end with a space.
  @inline(never)
  private static func trimmedSlowly(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end {
      if bytes[start] == 0x20 || bytes[start] == 0x09 {
        start += 1
      } else if bytes[start] >= 0xC2, let length = invisibleSpaceLength(bytes, at: start), start + length <= end {
        start += length
      } else {
        break
      }
    }
    while end > start {
      if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
        end -= 1
      } else if bytes[end - 1] >= 0x80, let length = invisibleSpaceEnding(bytes, at: end), end - length >= start {
        end -= length
      } else {
        break
      }
    }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// The length of the invisible space at `index` in UTF-8 `bytes`, if one starts there: a
  /// no-break space (U+00A0), the spaces U+2000–U+200A, a zero-width space (U+200B), a narrow
  /// no-break space (U+202F), a medium mathematical space (U+205F), a word joiner (U+2060), an
  /// ideographic space (U+3000), a byte order mark (U+FEFF), or a direction mark of right-to-left
  /// text (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, the Arabic letter mark U+061C), as
  /// Hebrew and Arabic spreadsheets put around keys. ``LookalikeKeys`` folds the same ones inside
  /// a key.
  static func invisibleSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let count = bytes.endIndex - index
    let lead = bytes[index]
    if lead == 0xC2 { return count >= 2 && bytes[index + 1] == 0xA0 ? 2 : nil }
    if let mark = Value.directionMarkLength(bytes, at: index, end: bytes.endIndex) { return mark }
    guard count >= 3, lead == 0xE2 || lead == 0xE3 || lead == 0xEF else { return nil }
    let (second, third) = (bytes[index + 1], bytes[index + 2])
    switch lead {
    case 0xE2:
      if second == 0x80 { return third <= 0x8B || third == 0xAF ? 3 : nil }
      return second == 0x81 && (third == 0x9F || third == 0xA0) ? 3 : nil
    case 0xE3: return second == 0x80 && third == 0x80 ? 3 : nil
    default: return second == 0xBB && third == 0xBF ? 3 : nil
    }
  }

  /// The length of the invisible space that ends just before `end`, if one does.
  private static func invisibleSpaceEnding(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Int? {
    if end - 2 >= bytes.startIndex, invisibleSpaceLength(bytes, at: end - 2) == 2 { return 2 }
    if end - 3 >= bytes.startIndex, invisibleSpaceLength(bytes, at: end - 3) == 3 { return 3 }
    return nil
  }
}
