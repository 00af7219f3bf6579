/// A whole policy as written: its statements in file order and its comments.
public struct PolicySyntax: Sendable, Hashable {
  /// The statements, in file order.
  public var statements: [Statement]
  /// Every comment, in file order, for tools that rewrite the policy.
  public var comments: [Comment]
}

/// One top-level statement. Every statement begins with its keyword.
public struct Statement: Sendable, Hashable {
  /// What the statement says.
  public var kind: Kind
  /// The source text it covers.
  public var range: SourceRange

  /// The statement forms.
  public enum Kind: Sendable, Hashable {
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
public struct Identifier: Sendable, Hashable {
  /// The name.
  public var name: String
  /// Where it was written.
  public var range: SourceRange
}

/// `field NAME: TYPE [in UNIT] [format "PATTERN"] [from "COLUMN"]`.
public struct FieldDeclaration: Sendable, Hashable {
  /// The field's name.
  public var name: Identifier
  /// The declared type's name, checked by the checker.
  public var type: Identifier
  /// `days`, `hours`, `EUR`, …: how bare numbers in the data are read.
  public var unit: Identifier?
  /// `format "M/D/YYYY"`: how a date field's cells are written, checked by the checker.
  public var format: QuotedText?
  /// `from "Due Date"`: the header of the data column the field reads.
  public var column: QuotedText?
}

/// A text in double quotes with the range it was written at, quotes included.
public struct QuotedText: Sendable, Hashable {
  /// The text, escapes resolved.
  public var text: String
  /// Where it was written.
  public var range: SourceRange
}

/// `table NAME keyed by COLUMN`, then the table's own `field` and `let` statements, each on a
/// line of its own and indented further than `table`: a file with one row per record (an invoice,
/// a time entry), which aggregates such as `sum(invoices.amount)` read per client.
public struct TableDeclaration: Sendable, Hashable {
  /// The table's name, as aggregates use it.
  public var name: Identifier
  /// The column of the table's file that holds the client's key: a name, or a header in double
  /// quotes (`keyed by "Customer ID"`).
  public var key: QuotedText
  /// Whether the key was written in double quotes, for tools that rewrite the policy.
  public var keyIsQuoted: Bool
  /// The table's `field` and `let` statements, in file order.
  public var members: [Statement]
}

/// `let NAME = EXPR`.
public struct LetDeclaration: Sendable, Hashable {
  /// The name being defined.
  public var name: Identifier
  /// Its value.
  public var value: Expr
}

/// `[rule "NAME"] when CONDITION then ACTION`.
public struct RuleDeclaration: Sendable, Hashable {
  /// The rule's name, if it has one.
  public var name: String?
  /// Where the name was written.
  public var nameRange: SourceRange?
  /// When the rule matches.
  public var condition: Expr
  /// What it recommends.
  public var action: Action
}

/// `example "NAME" { FIELD: VALUE, … } expect VERDICT CLAUSE…`: a client and the outcome the
/// policy should give it. `verdict test` runs these; evaluation ignores them.
public struct ExampleDeclaration: Sendable, Hashable {
  /// The example's name.
  public var name: String
  /// Where the name was written.
  public var nameRange: SourceRange
  /// The client's values; fields not given are missing.
  public var values: [ExampleValue]
  /// The expected verdict and the clauses to check (clauses not written are not checked).
  public var expectation: Action
  /// Whether the last value is followed by a comma, for tools that rewrite the policy.
  public var hasTrailingComma = false
}

/// `FIELD: VALUE` in an example. The value is a constant: a literal, a list, `today`, or
/// arithmetic on them such as `today + 10d`.
public struct ExampleValue: Sendable, Hashable {
  /// The field, or the record table whose records ``records`` gives.
  public var field: Identifier
  /// Its value; for a table's records, the whole `[ … ]` as an empty list.
  public var value: Expr
  /// `invoices: [{ due: 2026-10-01, amount: 800 USD }, …]`: the client's records in a table.
  public var records: [ExampleRecord]?
  /// Whether the last record is followed by a comma, for tools that rewrite the policy.
  public var recordsHaveTrailingComma = false
}

/// `{ FIELD: VALUE, … }` in an example's records: one record of a table.
public struct ExampleRecord: Sendable, Hashable {
  /// The record's values; fields not given are missing.
  public var values: [ExampleValue]
  /// Where it is written, braces included.
  public var range: SourceRange
  /// Whether the last value is followed by a comma, for tools that rewrite the policy.
  public var hasTrailingComma = false
}

/// `recommend VERDICT CLAUSE…`.
public struct Action: Sendable, Hashable {
  /// The recommended verdict.
  public var verdict: Identifier
  /// The clauses, in the order written.
  public var clauses: [Clause]
}

/// One clause of an action.
public struct Clause: Sendable, Hashable {
  /// What the clause says.
  public var kind: Kind
  /// The source text it covers.
  public var range: SourceRange

  /// The clause forms.
  public enum Kind: Sendable, Hashable {
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
  public var keyword: String {
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
