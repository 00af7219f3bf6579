import Verdict

/// The records of the tables that no evaluated client was charged with: those whose key matches
/// no client of the client file, and those with no key at all. The summary names them, so that
/// no record is dropped without a word.
package struct UnmatchedRecords: Sendable {
  /// Keys with records that no client has.
  package var keys = 0
  /// Their records.
  package var records = 0
  /// The first few such keys, with where their first record is, and the key of a client of the
  /// client files that it differs from only in case, quotes or spaces (``LookalikeKeys``).
  package var examples: [(key: String, place: String, meant: String?)] = []
  /// Records with an empty key cell.
  package var keyless = 0
  /// The first of those, with where it is.
  package var firstKeyless: String?
  /// The client files, for the message.
  package var clientFiles: [String] = []

  /// Finds the store's clients that no evaluator met; `unmetKeys`, keys of the client files
  /// that have no records, may be what their keys were meant to be.
  init(store: AggregateStore, met: [[UInt64]], tables: [String], clientFiles: [String], unmetKeys: [String] = []) {
    self.clientFiles = clientFiles
    (keyless, firstKeyless) = store.keyless
    guard !clientFiles.isEmpty else { return }
    func isMet(_ client: Int) -> Bool {
      let (word, bit) = (client / 64, UInt64(1) << UInt64(client % 64))
      return met.contains(where: { $0[word] & bit != 0 })
    }
    let counts = store.recordCounts
    var shown: [Int32] = []
    for client in store.keys.indices where !isMet(client) {
      keys += 1
      records += Int(counts[client])
      if shown.count < 5 { shown.append(Int32(client)) }
    }
    guard !shown.isEmpty else { return }
    // `acme` where the client file has `Acme`: the client its records were likely meant for.
    // Looked for only when some key matched no client: a run whose records all match pays nothing.
    let lookalikes = LookalikeKeys(store.keys)
    // A client without any record under its own key is not among the store's keys: its key is
    // looked for among the client files' keys that found no records, folded alike.
    var folded: [UInt8] = []
    var unmet: [[UInt8]: String] = [:]
    for key in unmetKeys {
      var bytes = Array(key.utf8)
      bytes.withUnsafeBufferPointer { LookalikeKeys.fold($0, into: &folded) }
      if unmet[folded] == nil { unmet[folded] = key }
    }
    for client in shown {
      var meant = lookalikes.lookalikes(of: client).first { isMet(Int($0)) }.map { store.keys[Int($0)] }
      if meant == nil, !unmet.isEmpty {
        store.keys.withBytes(of: Int(client)) { LookalikeKeys.fold($0, into: &folded) }
        meant = unmet[folded]
      }
      examples.append((store.keys[Int(client)], store.firstPlace(of: Int(client), in: tables), meant))
    }
  }

  /// The summary's lines about them, each ending with a newline.
  var text: String {
    var lines = ""
    if let unmatched = unmatchedSentence { lines += "  warning: \(unmatched)\n" }
    if let keyless = UnmatchedRecords.keylessSentence(keyless, first: firstKeyless) { lines += "  \(keyless)\n" }
    return lines
  }

  /// What the summary says of the records whose key matches no client: `nil` for none.
  /// `explain` and the REPL say the same.
  var unmatchedSentence: String? {
    guard keys > 0 else { return nil }
    let shown = examples.map { example -> String in
      let meant = example.meant.map { ", did you mean \(Value.quote($0))?" } ?? ""
      return "\(Value.quote(example.key)) (\(example.place)\(meant))"
    }.joined(separator: ", ")
    let files = clientFiles.joined(separator: ", ")
    return "\(records) record\(records == 1 ? "" : "s") of \(keys) key\(keys == 1 ? "" : "s") "
      + "match\(records == 1 ? "es" : "") no client in \(files): \(shown)\(keys > examples.count ? ", …" : "")"
  }

  /// What the summary says of `count` records with no key that can be trusted, the first at
  /// `first`: `nil` for none. `explain` and the REPL say the same.
  static func keylessSentence(_ count: Int, first: String?) -> String? {
    guard count > 0, let first else { return nil }
    return "\(count) record\(count == 1 ? " has" : "s have") no client key that can be trusted and "
      + "\(count == 1 ? "was" : "were") not counted for anyone: \(first)\(count > 1 ? ", …" : "")"
  }
}
