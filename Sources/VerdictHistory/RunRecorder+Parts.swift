import GRDB

/// Writing a run's changes, the clients it carried over and its new keys in parts as they come
/// (``StoredParts``), in the recorder's open transaction.
extension RunRecorder {
  /// Adds a change to the pending part: `stored` is the outcome id + 1, or 0 for a departure.
  func append(_ client: Int, stored: Int32) throws(HistoryError) {
    PackedNumbers.append(signed: Int64(client - previousClient), to: &pendingChanges)
    PackedNumbers.append(UInt64(stored), to: &pendingChanges)
    previousClient = client
    pendingCount += 1
    changes += 1
    if pendingCount == Self.partSize { try writeParts(final: false) }
  }

  /// Adds a client kept without being judged to the pending part of them.
  func appendCarried(_ client: Int) throws(HistoryError) {
    PackedNumbers.append(signed: Int64(client - previousCarried), to: &pendingCarried)
    previousCarried = client
    carriedCount += 1
    if carriedCount == Self.partSize { try writeParts(final: false) }
  }

  /// Writes the pending changes and clients carried over as parts, and the new keys in parts of
  /// `partSize` (all of them when `final`).
  func writeParts(final: Bool) throws(HistoryError) {
    let known = baseline.count
    try writing("recording") { db in
      if pendingCount > 0 {
        try StoredParts.insertChanges(db, day: day, part: partsWritten, count: pendingCount, data: pendingChanges)
        partsWritten += 1
      }
      if carriedCount > 0 && (final || carriedCount == Self.partSize) {
        try StoredParts.insertCarried(db, day: day, part: carriedParts, count: carriedCount, data: pendingCarried)
        carriedParts += 1
        pendingCarried.removeAll(keepingCapacity: true)
        carriedCount = 0
        previousCarried = 0
      }
      while newKeys.count - keysWritten >= Self.partSize || (final && newKeys.count > keysWritten) {
        let end = Swift.min(newKeys.count, keysWritten + Self.partSize)
        try StoredParts.insertKeys(db, day: day, first: known + keysWritten, from: newKeys, keysWritten..<end)
        keysWritten = end
      }
    }
    pendingChanges.removeAll(keepingCapacity: true)
    pendingCount = 0
    previousClient = 0
  }

  /// Runs `body` in the open transaction; on failure rolls the whole run back and finishes.
  func writing(_ doing: String, _ body: (Database) throws -> Void) throws(HistoryError) {
    do {
      try history.queue.writeWithoutTransaction(body)
    } catch {
      abandon()
      throw HistoryError.sqlite(error, path: history.path, doing: "\(doing) the run of \(run.today)")
    }
  }
}
