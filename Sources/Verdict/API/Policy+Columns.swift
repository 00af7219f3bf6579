extension Policy {
  /// The declaration of `field` as it would read with `from "COLUMN"`, for a hint that gives a
  /// line the user can paste: `field amount: money in EUR from "Amount (EUR)"`. For a field the
  /// policy uses without declaring it, a declaration of the type its use shows.
  package func declaration(of field: FieldInfo, readingColumn column: String) -> String {
    let from = " from \(Value.quote(column))"
    for statement in syntax.statements {
      guard case .field(let declaration) = statement.kind, declaration.name.name == field.name else { continue }
      var text = "field \(field.name): \(declaration.type.name)"
      if let unit = declaration.unit { text += " in \(unit.name)" }
      if let format = declaration.format { text += " format \(Value.quote(format.text))" }
      return text + from
    }
    return "field \(field.name): \(field.type?.rawValue ?? "text")" + from
  }
}
