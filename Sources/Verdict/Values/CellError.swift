/// Why a cell could not be read.
package struct CellError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, such as `"fourty" is not a duration`.
  package var message: String
  /// How to write it instead.
  package var hint: String?
  /// What hints of this kind say whatever the cell, for a hint that quotes its cell (`if it is
  /// negative, write it with the minus before the amount: -1,234.00`): a run shows a field's
  /// hints once a kind, so a column of thousands of such cells gets one, and a later cell wrong
  /// in another way still gets its own. `nil` when the hint says the same for every cell.
  package var hintKind: String?
  /// Whether the cell reads, but its row refuses it: an amount whose row names no currency, or
  /// another (``RowCurrencies``). `verdict check --data` then does not call the cell the wrong type.
  package var concernsRow = false

  /// The kind of the hint, which is the hint itself when it does not quote its cell.
  package var hintGroup: String? { hintKind ?? hint }

  /// The message.
  package var description: String { message }

  /// Whether two errors say the same: the kind only groups hints, and follows from the hint.
  package static func == (lhs: CellError, rhs: CellError) -> Bool {
    lhs.message == rhs.message && lhs.hint == rhs.hint
  }

  /// Hashes what the error says (``==(_:_:)``).
  package func hash(into hasher: inout Hasher) {
    hasher.combine(message)
    hasher.combine(hint)
  }
}
