/// A client's key as runs, record tables, the history and every command that looks a client up
/// compare it: without the spaces and tabs around it (`" C2 "` is `C2`). One rule, so that
/// `explain` and the REPL find in the history what a run recorded.
package enum ClientKey {
  /// `key` without the spaces and tabs around it.
  package static func trimmed(_ key: String) -> String {
    var key = key
    return key.withUTF8 { String(decoding: AggregateStore.trimmed($0), as: UTF8.self) }
  }
}
