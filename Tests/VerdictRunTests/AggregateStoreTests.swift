import Testing

@testable import Verdict
@testable import VerdictRun

/// ``AggregateStore``'s memory: chunks of clients sized by the policy's aggregates.
struct AggregateStoreTests {
  /// A chunk holds at most 4 MiB of accumulators: 16,384 clients for a few aggregates, fewer for
  /// many (2,000 aggregates took 800 MB for one client with one record, 10,000 ran out of memory).
  @Test(arguments: [1, 4, 100, 2000, 10_000, 200_000])
  func chunksAreSizedByTheAggregates(aggregates: Int) {
    let store = AggregateStore(aggregateCount: aggregates, tableCount: 1)
    let bytes = store.chunkClients * aggregates * MemoryLayout<AggregateAccumulator>.stride
    #expect(store.chunkClients >= 1 && store.chunkClients <= 16_384)
    #expect(bytes <= 4 << 20 || store.chunkClients == 1)
    #expect(store.chunkClients == 16_384 || bytes * 2 > 4 << 20, "the largest power of two that fits")
  }

  /// Clients over several small chunks keep accumulators of their own: each client's count,
  /// written through its accumulators, is read back unchanged.
  @Test func clientsAcrossChunksKeepTheirOwnAccumulators() {
    let aggregates = 3000
    let store = AggregateStore(aggregateCount: aggregates, tableCount: 1)
    let clients = store.chunkClients * 3 + 5
    for index in 0..<clients {
      let client = Array("client-\(index)".utf8).withUnsafeBufferPointer { store.client($0, table: 0, line: index + 2) }
      #expect(client == Int32(index))
      store.withAccumulators(of: client) { accumulators in
        for aggregate in [0, aggregates - 1] { accumulators[aggregate].count = UInt32(index * 7 + aggregate) }
      }
    }
    for index in 0..<clients {
      let counts = store.withAccumulators(of: Int32(index)) { [$0[0].count, $0[aggregates - 1].count] }
      #expect(counts == [UInt32(index * 7), UInt32(index * 7 + aggregates - 1)])
    }
  }
}

/// How a client's damaged records after the first are named: each of the first few by place, so
/// that every bad record can be found, and the rest counted (it said "and 1 more of its
/// records" without saying where).
struct DamagedRecordsTests {
  /// `count` damaged records of client 0, in file `ar.csv`, one a line from line 2.
  static func message(damaged count: Int) -> String? {
    let store = AggregateStore(aggregateCount: 1, tableCount: 1)
    let client = Array("acme".utf8).withUnsafeBufferPointer { store.client($0, table: 0, line: 2) }
    for line in 2..<(2 + count) {
      store.damage(client, at: "ar.csv:\(line)", table: 0, line: line, "amount: \"x\" is not money")
    }
    return store.damageMessage(of: client)
  }

  @Test(arguments: [
    (2, " (and 1 more of its records: ar.csv:3)"),
    (4, " (and 3 more of its records: ar.csv:3, ar.csv:4, ar.csv:5)"),
    (5, " (and 4 more of its records: ar.csv:3, ar.csv:4, ar.csv:5 and 1 more)"),
    (1002, " (and 1001 more of its records: ar.csv:3, ar.csv:4, ar.csv:5 and 998 more)"),
  ])
  func theOtherDamagedRecordsAreNamedThenCounted(damaged: Int, others: String) {
    #expect(
      Self.message(damaged: damaged)
        == "ar.csv:2: amount: \"x\" is not money\(others); its aggregates would leave the record out")
  }
}
