/// Client keys on more than one row of a client file, found as `verdict check --data` reads the
/// file, so that it warns of them as a run's summary does (``DuplicateKeys``, whose bounds it
/// keeps: the keys past the first ``DuplicateKeys/capacity`` are checked against those only, and
/// at most ``DuplicateKeys/namedLimit`` repeated keys are named).
///
/// Unlike the run's, it notes the line of the first row that repeats a key, where the finding
/// points. A key is remembered by its hash (``DuplicateKeys/hash(ofKey:)``), as the run does.
package struct RepeatedKeys: Sendable {
  /// The hashes of the keys seen, up to the capacity.
  private var seen = Set<UInt64>()
  /// The repeated keys in the order found, each with its rows.
  private(set) var keys: [(key: String, rows: Int)] = []
  /// Each named repeated key's place in ``keys``.
  private var index: [String: Int] = [:]
  /// The line of the first row that repeated a key.
  package private(set) var firstLine: Int?
  /// Whether more keys were repeated than are named.
  package private(set) var hasUnnamedRepeats = false
  /// Whether keys came after the capacity was reached, checked against the first only.
  package private(set) var isIncomplete = false

  /// No keys seen yet.
  package init() {}

  /// Notes the key of the row on `line` (an empty key is no one's and is not counted).
  mutating func add(_ key: UnsafeBufferPointer<UInt8>, line: Int) {
    let hash = DuplicateKeys.hash(ofKey: key)
    guard hash != 0 else { return }
    if seen.contains(hash) {
      firstLine = firstLine ?? line
      let text = String(decoding: AggregateStore.trimmed(key), as: UTF8.self)
      if let place = index[text] {
        keys[place].rows += 1
      } else if keys.count < DuplicateKeys.namedLimit {
        index[text] = keys.count
        keys.append((text, 2))
      } else {
        hasUnnamedRepeats = true
      }
    } else if seen.count < DuplicateKeys.capacity {
      seen.insert(hash)
    } else {
      isIncomplete = true
    }
  }

  /// What a run's summary says of them (``RunSummary/duplicateKeysSentence(_:more:)``), and
  /// whether later keys were checked against the first only; `nil` for none.
  package var sentence: String? {
    let bound = isIncomplete ? " (keys past the first \(DuplicateKeys.capacity) were checked against those only)" : ""
    return RunSummary.duplicateKeysSentence(keys, more: hasUnnamedRepeats).map { $0 + bound }
  }
}
