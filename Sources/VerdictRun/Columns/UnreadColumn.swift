import Verdict
import VerdictData

/// A kind of data file column that says something of a money field's amounts that the amounts
/// do not (each row's currency: ``CurrencyColumn``; each row's side, money in or out:
/// ``DebitCreditColumn``), found by its header when no field reads it. The run's summary, the
/// REPL and `check --data` warn of it alike.
package protocol UnreadColumn {
  /// Whether `header` names such a column.
  static func isNamed(_ header: String) -> Bool
  /// Whether the used money field `field` reads amounts that such a column speaks of.
  static func concerns(_ field: FieldInfo) -> Bool
  /// What is wrong, after the file's name: `has a column 'Currency', but 'gross' reads …`.
  static func sentence(_ found: UnreadColumnFinding, columns: [String], policy: Policy) -> String
  /// How to read the column.
  static func hint(_ found: UnreadColumnFinding, columns: [String], policy: Policy) -> String
}

/// Such a column of a file, and the money field whose amounts it speaks of.
package struct UnreadColumnFinding {
  /// The column's index in the file's header.
  package var column: Int
  /// The money field's slot.
  package var field: Int
}

extension UnreadColumn {
  /// The first such column of `columns` that no field of `policy` reads (one that does shows the
  /// policy knows of it), with the first used money field it concerns; `nil` when there is none.
  package static func find(columns: [String], policy: Policy) -> UnreadColumnFinding? {
    let read = HeaderIndex(columns).columnsRead(by: policy)
    guard let column = columns.indices.first(where: { isNamed(columns[$0]) && !read.contains($0) }),
      let field = policy.fields.indices.first(where: {
        policy.fields[$0].isUsed && policy.fields[$0].type == .money && concerns(policy.fields[$0])
      })
    else { return nil }
    return UnreadColumnFinding(column: column, field: field)
  }

  /// `check --data`'s warning, of code `code`, on the money field when `columns` of the file
  /// `file` have such a column, or `nil`.
  package static func diagnostic(columns: [String], file: String, policy: Policy, code: WarningCode) -> Diagnostic? {
    guard let found = find(columns: columns, policy: policy) else { return nil }
    return .warning(
      code.rawValue, "\(file) " + sentence(found, columns: columns, policy: policy),
      at: policy.fields[found.field].range, hint: hint(found, columns: columns, policy: policy))
  }

  /// The summary's warning for `columns` of the file `file` read by `policy`, or `nil`.
  package static func warning(columns: [String], policy: Policy, file: String) -> String? {
    guard let found = find(columns: columns, policy: policy) else { return nil }
    return "warning: \(MessageText.escaped(file)) \(sentence(found, columns: columns, policy: policy)): "
      + hint(found, columns: columns, policy: policy)
  }
}

/// The kinds of ``UnreadColumn``, each with the code of `check --data`'s warning: one list for
/// the run's summary, the REPL's and `check --data`, so that a new kind is warned of in all three.
package enum UnreadColumns {
  /// The kinds, in the order their warnings are given.
  package static var kinds: [(kind: any UnreadColumn.Type, code: WarningCode)] {
    [(CurrencyColumn.self, .currencyColumn), (DebitCreditColumn.self, .debitCreditColumn)]
  }

  /// The summary's warnings for `columns` of the file `file` read by `policy`, a kind at a time.
  package static func warnings(columns: [String], policy: Policy, file: String) -> [String] {
    kinds.compactMap { $0.kind.warning(columns: columns, policy: policy, file: file) }
  }
}
