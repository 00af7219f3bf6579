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
  /// The such column of `columns` that no field of `policy` reads (one that does shows the
  /// policy knows of it) and that fits the first used money field it concerns best
  /// (``fit(of:to:)``), with that field; `nil` when there is none.
  package static func find(columns: [String], policy: Policy) -> UnreadColumnFinding? {
    let read = HeaderIndex(columns).columnsRead(by: policy)
    let candidates = columns.indices.filter { isNamed(columns[$0]) && !read.contains($0) }
    guard let first = candidates.first,
      let field = policy.fields.indices.first(where: {
        policy.fields[$0].isUsed && policy.fields[$0].type == .money && concerns(policy.fields[$0])
      })
    else { return nil }
    let amount = policy.fields[field].columnName
    let column = candidates.dropFirst().reduce(first) { best, next in
      fit(of: columns[next], to: amount) > fit(of: columns[best], to: amount) ? next : best
    }
    return UnreadColumnFinding(column: column, field: field)
  }

  /// How well the column `header` fits the amounts of the column `amount`: the words they share,
  /// less the words of its own beyond the one that names it. Wise's `Source amount (after fees)`
  /// has its currency in `Source currency`, not in `Source fee currency` nor `Target currency`.
  static func fit(of header: String, to amount: String) -> Int {
    func words(_ text: String) -> Set<String> {
      Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }
    let own = words(header)
    let shared = own.intersection(words(amount)).count
    return shared - max(0, own.count - shared - 1)
  }

  /// A name for a new field reading the column `header`: `preferred` when no field of `policy`
  /// has it, else the header's words joined by `_` (`converted_currency`), else that with a
  /// number.
  static func newFieldName(_ preferred: String, header: String, policy: Policy) -> String {
    let taken = Set(policy.fields.map(\.name))
    guard taken.contains(preferred) else { return preferred }
    let words = header.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII })
    let joined = words.joined(separator: "_")
    let base = joined.first?.isLetter == true && !taken.contains(joined) ? joined : preferred
    var name = base
    var number = 2
    while taken.contains(name) {
      name = "\(base)_\(number)"
      number += 1
    }
    return name
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
