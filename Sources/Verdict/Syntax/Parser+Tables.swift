/// Record tables: `table NAME keyed by COLUMN` with its indented members, and the records an
/// example gives for a table.
extension Parser {
  // table_decl = "table" IDENT "keyed" "by" ( IDENT | STRING ) { table_member } ;
  // table_member = field_decl | let_decl ;  (* on a later line, indented further than "table" *)
  mutating func parseTable() throws -> TableDeclaration {
    let keyword = current
    advance()
    let name = try expectIdentifier("the table's name after 'table'")
    let shape = "write: table \(name.name) keyed by customer, then its fields indented below it"
    guard accept(word: "keyed") != nil else {
      throw fail("expected 'keyed by' after the table's name, found \(current.kind.described)", hint: shape)
    }
    guard accept(word: "by") != nil else {
      throw fail("expected 'by' after 'keyed', found \(current.kind.described)", hint: shape)
    }
    let key: QuotedText
    let keyIsQuoted: Bool
    switch current.kind {
    case .identifier(let column):
      (key, keyIsQuoted) = (QuotedText(text: column, range: current.range), false)
    case .string(let column):
      (key, keyIsQuoted) = (QuotedText(text: column, range: current.range), true)
    default:
      throw fail(
        "expected the key column after 'keyed by', found \(current.kind.described)",
        hint: "name the column that holds the client: keyed by customer, or keyed by \"Customer ID\"")
    }
    advance()
    let opening = source.location(of: keyword.range.start)
    var members: [Statement] = []
    while current.kind == .keyword(.field) || current.kind == .keyword(.let) {
      let place = source.location(of: current.range.start)
      guard place.line > opening.line, place.column > opening.column else { break }
      let start = current.range.start
      let member: Statement.Kind = current.kind == .keyword(.field) ? .field(try parseField()) : .let(try parseLet())
      members.append(Statement(kind: member, range: SourceRange(start: start, end: previousEnd)))
    }
    return TableDeclaration(name: name, key: key, keyIsQuoted: keyIsQuoted, members: members)
  }

  // example_records = "[" example_record { "," example_record } [ "," ] "]" ;
  // example_record = "{" [ example_value { "," example_value } [ "," ] ] "}" ;
  /// A table's records in an example; `field: [` has been read up to the `[`.
  mutating func parseExampleRecords(of table: Identifier) throws -> ExampleValue {
    let open = current
    advance()
    var records: [ExampleRecord] = []
    var trailingComma = false
    repeat {
      let brace = try expect(.leftBrace, "to begin a record of '\(table.name)'", hint: "write: { field: value, … }")
      var values: [ExampleValue] = []
      var recordTrailingComma = false
      while current.kind != .symbol(.rightBrace) {
        let field = try expectIdentifier("a field of '\(table.name)'", hint: "write: { field: value, … }")
        _ = try expect(.colon, "after '\(field.name)'", hint: "write: \(field.name): VALUE")
        values.append(ExampleValue(field: field, value: try parseExpression().expr))
        recordTrailingComma = accept(.comma) != nil
        guard recordTrailingComma else { break }
      }
      guard let close = accept(.rightBrace) else {
        throw fail(
          "'}' expected (to close '{' at line \(line(of: brace))), found \(current.kind.described)",
          hint: "a record reads { field: value, … }")
      }
      records.append(
        ExampleRecord(values: values, range: brace.range.union(close.range), hasTrailingComma: recordTrailingComma))
      trailingComma = accept(.comma) != nil
    } while trailingComma && current.kind != .symbol(.rightBracket)
    let close = try expect(
      .rightBracket, "to close the records of '\(table.name)' (opened at line \(line(of: open)))",
      hint: "records read [{ field: value }, { field: value }]")
    return ExampleValue(
      field: table, value: Expr(.list([]), range: open.range.union(close.range)), records: records,
      recordsHaveTrailingComma: trailingComma)
  }
}
