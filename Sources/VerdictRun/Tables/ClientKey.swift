import Verdict

/// A client's key as runs, record tables, the history and every command that looks a client up
/// compare it: without the spaces around it, tabs and invisible ones too (`" C2 "` is `C2`). One rule, so that
/// `explain` and the REPL find in the history what a run recorded.
package enum ClientKey {
  /// `key` without the spaces and tabs around it.
  package static func trimmed(_ key: String) -> String {
    var key = key
    return key.withUTF8 { String(decoding: AggregateStore.trimmed($0), as: UTF8.self) }
  }

  /// Whether the key cell `key` names no client: empty, or spaces and tabs.
  @inline(__always)
  static func isBlank(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    // Nearly every key starts with a letter or digit: one byte says it is not blank.
    guard let first = key.first else { return true }
    return first <= 0x20 || first >= 0x80 ? AggregateStore.trimmed(key).isEmpty : false
  }

  /// The keys among `keys` (one a row) that more than one row has, compared as ``trimmed(_:)``
  /// gives them, each with how many rows have it, in the order they were found repeated, as a
  /// run's summary names them; an empty key is no client's.
  package static func repeated(_ keys: some Sequence<String>) -> [(key: String, rows: Int)] {
    var rows: [String: Int] = [:]
    var order: [String] = []
    for key in keys.lazy.map(trimmed) where !key.isEmpty {
      rows[key, default: 0] += 1
      if rows[key] == 2 { order.append(key) }
    }
    return order.map { ($0, rows[$0, default: 0]) }
  }

  /// Why a row of a file with a key column whose cell in `column` is blank is not a client: a
  /// totals row without a label, or a record that lost its name, would be a client named by
  /// its line, judged and counted in every `share` and `rank`.
  static func blankProblem(column: String) -> String {
    "its \(Value.quote(column)) is empty: the row names no client (a totals row? give it a key, or leave it out)"
  }

  /// Why `key` names no client though it is not blank: it is a totals label (``TotalsRow``) or a
  /// number a spreadsheet rounded (``exponentProblem(_:)``); `nil` for a client's key. JSON
  /// records ask; a CSV row's key is looked at on the way (`CSVRecordSource`).
  static func namesNoClient(_ key: UnsafeBufferPointer<UInt8>) -> String? {
    if let first = key.first, TotalsRow.mayBeLabel(first: first, count: key.count), TotalsRow.isLabel(key) {
      return TotalsRow.problem(label: key, inKey: true)
    }
    return exponentProblem(key)
  }

  /// Whether `key` may be a number in a spreadsheet's exponent notation (`7.01235E+18`): a digit
  /// first, and `E+` before the last two or three bytes. Every row's key pays these few looks.
  @inline(__always)
  static func mayBeExponent(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = key.count
    guard count >= 5 else { return false }
    // The `+` first: a plain key has none, and one look says so.
    let plus =
      key[count - 3] == UInt8(ascii: "+")
      ? count - 3 : count >= 6 && key[count - 4] == UInt8(ascii: "+") ? count - 4 : 0
    return plus > 0 && key[plus - 1] | 0x20 == UInt8(ascii: "e") && key[0] &- UInt8(ascii: "0") < 10
  }

  /// Why `key`, a long number a spreadsheet rounded and wrote in exponent notation
  /// (`7.01235E+18`, as Excel writes an ID of 19 digits), names no client: the clients whose keys
  /// it rounded to the same digits would be one. `nil` for any other key.
  static func exponentProblem(_ key: UnsafeBufferPointer<UInt8>) -> String? {
    guard mayBeExponent(key), let e = key.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }),
      key[..<e].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ".") }),
      key[(e + 2)...].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 })
    else { return nil }
    return "the key \(Value.quote(String(decoding: key, as: UTF8.self))) is a number a spreadsheet rounded and "
      + "wrote in exponent notation: clients whose keys it rounded alike cannot be told apart (format the column "
      + "as text before exporting)"
  }
}
