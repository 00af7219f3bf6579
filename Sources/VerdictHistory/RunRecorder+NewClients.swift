/// Adding clients new to the history in a first run's numbers: their index slots loaded ahead of
/// them, and only this run's new keys searched.
extension RunRecorder {
  /// Prepares to add the clients with `keys`, in this order, by ``addNew(key:code:)``: makes
  /// room for them in the index of new keys, and from then on loads the slots where the next
  /// ones go a few keys ahead. The index is large on a first run, so each insert would wait on a
  /// cache miss of its own; loaded ahead, in a loop whose loads do not wait on each other, the
  /// misses overlap. (Only the speed depends on `keys`: each key is still found by its own hash.)
  package func expectNew(_ keys: [String]) {
    expectNew(hashes: keys.map { withBytes(of: $0, KeyTable.hash) })
  }

  /// ``expectNew(_:)`` with the keys' hashes (``hashOf(_:)``), in the order they will be added.
  package func expectNew(hashes: [UInt64]) {
    guard isOpen else { return }
    expected.removeAll(keepingCapacity: true)
    nextExpected = 0
    guard !hashes.isEmpty else { return }
    expected.append(contentsOf: hashes)
    newKeys.reserveIndex(hashes.count)
    loadExpected(from: 0, count: 2 * Self.lookahead)
  }

  /// The hash of a key's UTF-8 bytes, for ``expectNew(hashes:)``.
  package static func hashOf(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 { KeyTable.hash(key) }

  /// Loads the index slots of `count` expected keys from `first` on.
  func loadExpected(from first: Int, count: Int) {
    let end = Swift.min(expected.count, first + count)
    guard first < end else { return }
    loaded &+= newKeys.touch(expected[first..<end])
  }

  /// Adds the client with `key`, new to the history, with the outcome of `code`: the caller
  /// found `key` absent from facts that share this recorder's ids (``sharesClientIDs(with:)``),
  /// so only this run's new keys are searched. Refuses a client added twice.
  package func addNew(key: String, code: OutcomeCode) throws(HistoryError) {
    try withKeyBytes(key) { bytes throws(HistoryError) in
      try addNew(keyBytes: bytes, hash: Self.hashOf(bytes), code: code)
    }
  }

  /// ``addNew(key:code:)`` with the key as its UTF-8 bytes (see ``add(keyBytes:code:knownAs:)``)
  /// and their hash, which the caller made already: `hash` must be ``hashOf(_:)`` of these very
  /// bytes (as given to ``expectNew(hashes:)``).
  package func addNew(keyBytes key: UnsafeBufferPointer<UInt8>, hash: UInt64, code: OutcomeCode) throws(HistoryError) {
    try checkOpen()
    nextExpected += 1
    if nextExpected % Self.lookahead == 0 { loadExpected(from: nextExpected + Self.lookahead, count: Self.lookahead) }
    let (id, isNew) = newKeys.insert(key, hash: hash)
    guard isNew else { throw duplicate(key) }
    let client = baseline.count + id
    guess = client + 1
    clients += 1
    try append(client, stored: code.id + 1)
  }
}
