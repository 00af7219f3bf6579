import Verdict

/// Which of a client's aggregates a record with bad cells leaves unknown: those that read one of
/// its bad cells, directly or through the table's lets. The client is an error row all the same,
/// but `share`, `rank` and `percentile` still measure it by an aggregate its bad cells do not
/// touch, as a client file's row with a bad cell in another column is measured
/// (docs/language.md, population functions): left out, it changed every other client's share.
struct AggregateReads: Sendable {
  /// By table: each of its aggregates, with the table's field slots it reads.
  private let byTable: [[(aggregate: Int, fields: [Int])]]

  /// No tables: every record with a problem leaves all of its client's aggregates unknown.
  init() { byTable = [] }

  init(policy: Policy) {
    var byTable = Array(repeating: [(aggregate: Int, fields: [Int])](), count: policy.tables.count)
    for aggregate in 0..<policy.aggregateCount {
      byTable[policy.aggregateTable(aggregate)].append((aggregate, policy.aggregateFieldsRead(aggregate)))
    }
    self.byTable = byTable
  }

  /// The aggregates of table `table` that a record whose cells in `badSlots` could not be read
  /// leaves unknown; every one of the table's for a record not read at all (`nil`); `nil` when
  /// the table is not known here, for all of them.
  func unknown(table: Int, badSlots: [Int]?) -> [Int]? {
    guard byTable.indices.contains(table) else { return nil }
    guard let badSlots else { return byTable[table].map(\.aggregate) }
    return byTable[table].filter { aggregate in aggregate.fields.contains(where: badSlots.contains) }.map(\.aggregate)
  }
}

extension AggregateStore {
  /// Records that a record of `client` in table `table` leaves some of its aggregates unknown:
  /// those reading a cell of `badSlots`, or all of the table's for a record not folded at all
  /// (`nil`: not read, or its fold failed midway).
  func leaveUnknown(_ client: Int32, table: Int, badSlots: [Int]?) {
    guard let aggregates = reads.unknown(table: table, badSlots: badSlots) else {
      unknown[client, default: []].insert(AggregateStore.everyAggregate)
      return
    }
    unknown[client, default: []].formUnion(aggregates)
  }

  /// Whether `share`, `rank` and `percentile` measure `client` by `aggregates` (indices among the
  /// policy's): none of them is unknown, though the client is an error row when a record of its
  /// could not be read.
  func isMeasured(_ client: Int32, by aggregates: [Int]) -> Bool {
    guard let unknown = unknown[client] else { return true }
    return !unknown.contains(AggregateStore.everyAggregate) && !aggregates.contains(where: unknown.contains)
  }

  /// In ``unknown``: every aggregate of the client.
  static let everyAggregate = -1
}
