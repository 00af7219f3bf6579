import Verdict

/// Which of a client's aggregates a record with bad cells leaves unknown: those that read one of
/// its bad cells, directly or through the table's lets. The client is an error row all the same,
/// but `share`, `rank` and `percentile` still measure it by an aggregate its bad cells do not
/// touch, as a client file's row with a bad cell in another column is measured
/// (docs/language.md, population functions): left out, it changed every other client's share.
///
/// Sets of aggregates are bit masks: bit `i` for aggregate `i` below 63, and bit 63 for all the
/// others together (a policy of more aggregates leaves those of a damaged client unknown alike).
struct AggregateReads: Sendable {
  /// By table: each of its aggregates' bit, with the table's field slots it reads.
  private let byTable: [[(bit: UInt64, fields: [Int])]]
  /// By table: the bits of all its aggregates.
  private let allOf: [UInt64]

  /// No tables: every record with a problem leaves all of its client's aggregates unknown.
  init() {
    byTable = []
    allOf = []
  }

  /// The aggregates of `policy`'s tables and the fields each reads.
  init(policy: Policy) {
    var byTable = Array(repeating: [(bit: UInt64, fields: [Int])](), count: policy.tables.count)
    for aggregate in 0..<policy.aggregateCount {
      byTable[policy.aggregateTable(aggregate)].append(
        (AggregateReads.bit(aggregate), policy.aggregateFieldsRead(aggregate)))
    }
    self.byTable = byTable
    allOf = byTable.map { $0.reduce(0) { $0 | $1.bit } }
  }

  /// The bit of aggregate `index`.
  static func bit(_ index: Int) -> UInt64 { 1 << UInt64(min(index, 63)) }

  /// The aggregates of table `table` that a record whose cells in `badSlots` could not be read
  /// leaves unknown: every one of the table's for a record not read at all (`nil`), and every
  /// aggregate when the table is not known here.
  func unknown(table: Int, badSlots: [Int]?) -> UInt64 {
    guard byTable.indices.contains(table) else { return ~0 }
    guard let badSlots else { return allOf[table] }
    var unknown: UInt64 = 0
    for aggregate in byTable[table] where aggregate.fields.contains(where: badSlots.contains) {
      unknown |= aggregate.bit
    }
    return unknown
  }
}

extension AggregateStore {
  /// Folds one record of `client` (from table `table`, at `line`, `place` in messages) into its
  /// accumulators, as a run and the commands that read tables into memory both do. A `problem`
  /// makes the client an error row and leaves unknown the aggregates that read its bad cells (all
  /// of the table's for a record not read at all, whose `badSlots` are `nil`); the record still
  /// counts in the others, its bad cells missing in the values `fold` reads. A fold that fails
  /// (`fold` returns its message) does the same, for all of the table's aggregates, which it left
  /// partly updated.
  func account(
    _ client: Int32, table: Int, line: Int, at place: @autoclosure () -> String, problem: RecordProblem?,
    fold: (UnsafeMutablePointer<AggregateAccumulator>) -> String?
  ) {
    if let problem {
      damage(client, at: place(), table: table, line: line, problem.message, hints: problem.hints)
      leaveUnknown(client, table: table, badSlots: problem.badSlots)
      guard problem.badSlots != nil else { return }
    }
    guard let failure = withAccumulators(of: client, fold) else { return }
    // A record with bad cells was counted as damaged already.
    if problem == nil { damage(client, at: place(), table: table, line: line, failure) }
    leaveUnknown(client, table: table, badSlots: nil)
  }

  /// Records that a record of `client` in table `table` leaves some of its aggregates unknown:
  /// those reading a cell of `badSlots`, or all of the table's for a record not folded at all
  /// (`nil`: not read, or its fold failed midway).
  func leaveUnknown(_ client: Int32, table: Int, badSlots: [Int]?) {
    unknown[client, default: 0] |= reads.unknown(table: table, badSlots: badSlots)
  }

  /// Makes missing in `values` (a client record of a policy with `fieldCount` fields) those of
  /// `aggregates` (indices among the policy's) that the records of `client` leave unknown, so
  /// that `share`, `rank` and `percentile`, or the HTML page, leave it out of the figures of those
  /// only, as a missing value is; returns whether one was.
  func forgetUnknown(_ aggregates: [Int], of client: Int32, in values: inout Client, fieldCount: Int) -> Bool {
    guard !unknown.isEmpty, let unknown = unknown[client] else { return false }
    var forgot = false
    for aggregate in aggregates where unknown & AggregateReads.bit(aggregate) != 0 {
      values.values[fieldCount + aggregate] = .missing
      forgot = true
    }
    return forgot
  }
}
