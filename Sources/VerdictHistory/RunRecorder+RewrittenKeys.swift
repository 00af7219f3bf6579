/// Clients that left the data at this run while a client new to the history came, keyed alike
/// but for letter case and the spaces inside (`C1` then `c1`, `Acme GmbH` then `ACME  GmbH`):
/// most likely one client whose export now writes its key another way. The history follows keys
/// as written, so it recorded the one as gone and the other as new, its stretch and cooldown
/// started again; the run's summary says so.
extension RunRecorder {
  /// Each new key with the departed key it matches so, in the order the new keys came; at
  /// most `limit`. Read before ``commit(counts:errors:dataReadWhole:)``, with the data read
  /// whole (else nobody left).
  package func rewrittenKeys(limit: Int = 5) -> [(new: String, old: String)] {
    guard newKeys.count > 0 else { return [] }
    var departed: [String: String] = [:]
    for client in baseline.indices where baseline[client] >= 0 && !wasAdded(client) {
      let key = knownKey(client)
      departed[Self.folded(key)] = key
    }
    guard !departed.isEmpty else { return [] }
    var found: [(new: String, old: String)] = []
    for index in 0..<newKeys.count {
      let key = newKeys.key(index)
      if let old = departed[Self.folded(key)] {
        found.append((key, old))
        if found.count == limit { break }
      }
    }
    return found
  }

  /// `key` in small letters, runs of spaces as one.
  static func folded(_ key: String) -> String {
    key.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }
}
