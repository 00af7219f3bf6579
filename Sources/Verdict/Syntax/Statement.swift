/// A whole policy as written: its statements in file order and its comments.
package struct PolicySyntax: Sendable, Hashable {
  /// The statements, in file order.
  package var statements: [Statement]
  /// Every comment, in file order, for tools that rewrite the policy.
  package var comments: [Comment]
}

/// One top-level statement. Every statement begins with its keyword.
package struct Statement: Sendable, Hashable {
  /// What the statement says.
  package var kind: Kind
  /// The source text it covers.
  package var range: SourceRange

  /// The statement forms.
  package enum Kind: Sendable, Hashable {
    /// `field NAME: TYPE [in UNIT] [format "PATTERN"] [from "COLUMN"]`.
    case field(FieldDeclaration)
    /// `let NAME = EXPR`.
    case `let`(LetDeclaration)
    /// `[rule "NAME"] when EXPR then ACTION`.
    case rule(RuleDeclaration)
    /// `verdicts a < b < c`.
    case verdicts([Identifier])
    /// `otherwise ACTION`.
    case otherwise(Action)
    /// `strategy most-severe|first-match`.
    case strategy(Identifier)
    /// `example "NAME" { FIELD: VALUE, … } expect VERDICT CLAUSE…`: a test of the policy.
    case example(ExampleDeclaration)
    /// `table NAME keyed by COLUMN` and its indented `field` and `let` statements: a file of
    /// records that belong to clients, such as invoices.
    case table(TableDeclaration)
    /// `data "FILE"`: the client data that `verdict test` measures this file's examples against
    /// (`share`, `rank`, `percentile`), a path relative to the file; evaluation ignores it.
    case data(QuotedText)
  }
}

/// A name with the range it was written at.
package struct Identifier: Sendable, Hashable {
  /// The name.
  package var name: String
  /// Where it was written.
  package var range: SourceRange
}

/// `field NAME: TYPE [in UNIT] [format "PATTERN"] [from "COLUMN"]`.
package struct FieldDeclaration: Sendable, Hashable {
  /// The field's name.
  package var name: Identifier
  /// The declared type's name, checked by the checker.
  package var type: Identifier
  /// `days`, `hours`, `EUR`, …: how bare numbers in the data are read.
  package var unit: Identifier?
  /// `format "M/D/YYYY"`: how a date field's cells are written, checked by the checker.
  package var format: QuotedText?
  /// `from "Due Date"`: the header of the data column the field reads.
  package var column: QuotedText?
}

/// A text in double quotes with the range it was written at, quotes included.
package struct QuotedText: Sendable, Hashable {
  /// The text, escapes resolved.
  package var text: String
  /// Where it was written.
  package var range: SourceRange
}

/// `table NAME keyed by COLUMN`, then the table's own `field` and `let` statements, each on a
/// line of its own and indented further than `table`: a file with one row per record (an invoice,
/// a time entry), which aggregates such as `sum(invoices.amount)` read per client.
package struct TableDeclaration: Sendable, Hashable {
  /// The table's name, as aggregates use it.
  package var name: Identifier
  /// The column of the table's file that holds the client's key: a name, or a header in double
  /// quotes (`keyed by "Customer ID"`).
  package var key: QuotedText
  /// Whether the key was written in double quotes, for tools that rewrite the policy.
  package var keyIsQuoted: Bool
  /// The table's `field` and `let` statements, in file order.
  package var members: [Statement]
}

/// `let NAME = EXPR`.
package struct LetDeclaration: Sendable, Hashable {
  /// The name being defined.
  package var name: Identifier
  /// Its value.
  package var value: Expr
}

/// `[rule "NAME"] when CONDITION then ACTION`.
package struct RuleDeclaration: Sendable, Hashable {
  /// The rule's name, if it has one.
  package var name: String?
  /// Where the name was written.
  package var nameRange: SourceRange?
  /// When the rule matches.
  package var condition: Expr
  /// What it recommends.
  package var action: Action
}

/// `example "NAME" { FIELD: VALUE, … } expect VERDICT CLAUSE…`: a client and the outcome the
/// policy should give it. `verdict test` runs these; evaluation ignores them.
package struct ExampleDeclaration: Sendable, Hashable {
  /// The example's name.
  package var name: String
  /// Where the name was written.
  package var nameRange: SourceRange
  /// The client's values; fields not given are missing.
  package var values: [ExampleValue]
  /// The expected verdict and the clauses to check (clauses not written are not checked).
  package var expectation: Action
  /// Whether the last value is followed by a comma, for tools that rewrite the policy.
  package var hasTrailingComma = false
}

/// `FIELD: VALUE` in an example. The value is a constant: a literal, a list, `today`, or
/// arithmetic on them such as `today + 10d`.
package struct ExampleValue: Sendable, Hashable {
  /// The field, or the record table whose records ``records`` gives.
  package var field: Identifier
  /// Its value; for a table's records, the whole `[ … ]` as an empty list.
  package var value: Expr
  /// `invoices: [{ due: 2026-10-01, amount: 800 USD }, …]`: the client's records in a table.
  package var records: [ExampleRecord]?
  /// Whether the last record is followed by a comma, for tools that rewrite the policy.
  package var recordsHaveTrailingComma = false
}

/// `{ FIELD: VALUE, … }` in an example's records: one record of a table.
package struct ExampleRecord: Sendable, Hashable {
  /// The record's values; fields not given are missing.
  package var values: [ExampleValue]
  /// Where it is written, braces included.
  package var range: SourceRange
  /// Whether the last value is followed by a comma, for tools that rewrite the policy.
  package var hasTrailingComma = false
}

/// `recommend VERDICT CLAUSE…`.
package struct Action: Sendable, Hashable {
  /// The recommended verdict.
  package var verdict: Identifier
  /// The clauses, in the order written.
  package var clauses: [Clause]
}

/// One clause of an action.
package struct Clause: Sendable, Hashable {
  /// What the clause says.
  package var kind: Kind
  /// The source text it covers.
  package var range: SourceRange

  /// The clause forms.
  package enum Kind: Sendable, Hashable {
    /// `notice EXPR`: how much notice to give (a duration).
    case notice(Expr)
    /// `reason EXPR`: the one reason to give (text).
    case reason(Expr)
    /// `refer EXPR`: the alternative to offer (text).
    case refer(Expr)
    /// `cooldown EXPR`: how long to sleep on it (a duration).
    case cooldown(Expr)
    /// `hold until paid`: say nothing while the client owes money.
    case holdUntilPaid
    /// `meet in person`, `meet by phone`, `meet by video`.
    case meet(MeetingMode)
  }

  /// The clause's keyword, for messages about duplicates.
  package var keyword: String {
    switch kind {
    case .notice: "notice"
    case .reason: "reason"
    case .refer: "refer"
    case .cooldown: "cooldown"
    case .holdUntilPaid: "hold until paid"
    case .meet: "meet"
    }
  }
}

/// How to tell a client.
public enum MeetingMode: String, Sendable, Hashable, CaseIterable {
  /// `meet in person`.
  case inPerson = "in person"
  /// `meet by phone`.
  case byPhone = "by phone"
  /// `meet by video`.
  case byVideo = "by video"
}
