import Verdict

/// A ``BatchEvaluator``'s clients' aggregates, from the records of the policy's tables.
extension BatchEvaluator {
  /// Fills the client's aggregates from its records; returns why it cannot be evaluated when one
  /// of its records could not be read (``AggregateStore/damageReport(of:)``), with the hints of its
  /// bad cells.
  @inline(never)
  func aggregate(_ row: Int, of batch: Batch, from store: AggregateStore)
    -> (place: String?, reason: String, hints: [FieldHint])?
  {
    let found = meet(row, of: batch, in: store)
    if let found {
      if let damage = store.damageReport(of: found) {
        // The page charts a damaged client by the aggregates its bad cells leave known, as
        // `share()` measures it; the others are missing.
        if let page {
          store.setAggregates(of: &client, client: found, policy: policy)
          let fields = policy.fields.count
          let charted = [page.measureSlot, page.histogramSlot].compactMap { $0 }.filter { $0 >= fields }
          _ = store.forgetUnknown(charted.map { $0 - fields }, of: found, in: &client, fieldCount: fields)
        }
        return (damage.place, damage.reason, store.damageHints(of: found))
      }
    }
    store.setAggregates(of: &client, client: found, policy: policy)
    return nil
  }

  /// The store's client with the key of `row`, if a table has records of it, crossed off as met:
  /// its records match a client of the client file, whether or not its row could be evaluated.
  @inline(__always)
  func meet(_ row: Int, of batch: Batch, in store: AggregateStore) -> Int32? {
    let found = batch.withKey(row) { store.keys.number(of: AggregateStore.trimmed($0)) }
    if let found {
      met[Int(found) / 64] |= 1 << UInt64(found % 64)
    } else if unmetKeys.count < BatchEvaluator.unmetLimit {
      batch.withKey(row) { key in
        let trimmed = AggregateStore.trimmed(key)
        if !trimmed.isEmpty { unmetKeys.append((batch.sequence, row, String(decoding: trimmed, as: UTF8.self))) }
      }
    }
    return found
  }
}

extension BatchEvaluator {
  /// The most keys ``unmetKeys`` keeps.
  static let unmetLimit = 10_000

  /// The first ``unmetLimit`` keys of `evaluators`' ``unmetKeys``, in the data's order.
  static func firstUnmetKeys(_ evaluators: [BatchEvaluator]) -> [String] {
    let all = evaluators.flatMap(\.unmetKeys).sorted { ($0.batch, $0.row) < ($1.batch, $1.row) }
    return all.prefix(unmetLimit).map(\.key)
  }
}
