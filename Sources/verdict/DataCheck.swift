import Verdict
import VerdictData
import VerdictRun

/// `verdict check --data FILE`: what a run over the file would trip on, found before cron does.
/// The findings are diagnostics pointing at the policy's fields, so they render like any other.
enum DataCheck {
  /// How many failing cells a column's finding quotes.
  static let examples = 3

  /// Errors for fields the data has no column for (a run would stop), warnings for columns whose
  /// cells do not fit the field's type (those clients would get the verdict `error`).
  static func diagnostics(for policy: Policy, data survey: DataFileSurvey) -> [Diagnostic] {
    diagnostics(for: policy, data: survey.layout, failures: survey.failures)
      + fractions(survey.percentScale, of: policy, file: survey.layout.name)
      + unreadColumns(survey.layout, of: policy) + headerUnits(survey.layout, of: policy)
      + variants(survey.textVariants, of: policy, file: survey.layout.name) + codePage(survey.layout, of: policy)
  }

  /// The same, for a table read into memory.
  static func diagnostics(for policy: Policy, data table: ClientTable) -> [Diagnostic] {
    diagnostics(for: policy, data: table, failures: table.cellFailures(for: policy, examples: examples))
      + fractions(PercentScale(table.deciding(for: policy), for: policy), of: policy, file: table.name)
      + unreadColumns(table, of: policy) + headerUnits(table, of: policy)
      + variants(TextVariants(table.deciding(for: policy), for: policy), of: policy, file: table.name)
      + codePage(table, of: policy)
  }

  /// A warning on each of the policy's tables that `--table` gives no file for, when a client
  /// file is checked: its records' cells go unchecked, and a run would stop. When the client file
  /// has what the table reads, it is most likely the table's file given in the wrong place.
  static func uncheckedTables(of policy: Policy, given: Set<String>, data: ClientTable) -> [Diagnostic] {
    policy.tables.filter { !given.contains($0.name) }.map { table in
      let wrongPlace = table.hasColumns(of: data.columns)
      return .warning(
        WarningCode.uncheckedTable.rawValue,
        "table '\(table.name)' is not checked: no file is given for it with --table",
        at: table.keyRange,
        hint: wrongPlace
          ? "\(MessageText.escaped(data.name)) has the columns table '\(table.name)' reads: if it is the table's "
            + "file, check it with --table \(table.name)=\(MessageText.escaped(data.name))"
          : "check its file with --table \(table.name)=FILE")
    }
  }

  /// A warning when `table`'s file was read as Windows-1252 but looks written in another code
  /// page, as a run's summary gives it: on the first text field the policy reads (whose cells
  /// would equal none of its texts), else on its first field read.
  private static func codePage(_ table: ClientTable, of policy: Policy) -> [Diagnostic] {
    guard let look = table.codePageLook,
      let field = policy.fields.first(where: { $0.isUsed && $0.type == .text })
        ?? policy.fields.first(where: \.isUsed)
    else { return [] }
    return [
      .warning(WarningCode.codePage.rawValue, look.sentence(file: table.name), at: field.range, hint: look.hint)
    ]
  }

  /// A warning on each field compared with a text that `file` writes another way (`Pro` for
  /// `"pro"`), as a run's summary gives it.
  private static func variants(_ variants: TextVariants, of policy: Policy, file: String) -> [Diagnostic] {
    variants.findings(fields: policy.fields, sources: [file]).map { finding in
      .warning(
        WarningCode.textVariant.rawValue, finding.sentence, at: policy.fields[finding.slot].range, hint: finding.hint)
    }
  }

  /// A warning on each field whose column's header in `table` names another currency or
  /// duration unit than the field reads bare numbers in, as a run's summary gives it.
  private static func headerUnits(_ table: ClientTable, of policy: Policy) -> [Diagnostic] {
    HeaderUnits.findings(columns: table.columns, policy: policy).map { finding in
      .warning(
        WarningCode.headerUnit.rawValue, "\(table.name): " + HeaderUnits.sentence(finding, policy: policy),
        at: policy.fields[finding.slot].range, hint: HeaderUnits.hint(finding, policy: policy))
    }
  }

  /// A warning on the money field for each kind of column (``UnreadColumns``) that `table` has
  /// and no field reads (each row's currency, each row's side), as a run's summary gives it.
  private static func unreadColumns(_ table: ClientTable, of policy: Policy) -> [Diagnostic] {
    UnreadColumns.kinds.compactMap {
      $0.kind.diagnostic(columns: table.columns, file: table.name, policy: policy, code: $0.code)
    }
  }

  /// A warning on each percent field whose every value in `file` is a bare fraction (`0.15`,
  /// read as 0.15%), as a run's summary gives it.
  private static func fractions(_ scale: PercentScale, of policy: Policy, file: String) -> [Diagnostic] {
    scale.fractions.map { fraction in
      let field = policy.fields[fraction.slot]
      let read = "\(Value.percent(fraction.value))"
      return .warning(
        WarningCode.percentFractions.rawValue,
        "\(file): every value of the percent field '\(field.name)' is a bare number between -1 and 1, "
          + "such as \(read.dropLast()) on line \(fraction.line), read as \(read)",
        at: field.range, hint: PercentScale.hint)
    }
  }

  /// The diagnostics, given the columns of `table` and the failing cells of each field slot.
  private static func diagnostics(for policy: Policy, data table: ClientTable, failures: [Int: CellFailures])
    -> [Diagnostic]
  {
    var found: [Diagnostic] = []
    for (slot, field) in policy.fields.enumerated() where field.isUsed {
      guard let column = table.column(for: field) else {
        found.append(
          .error(
            "missing-column", "\(table.name) has no column '\(field.columnName)'", at: field.range,
            hint: table.hint(forMissing: field, in: policy)))
        continue
      }
      if let problem = table.numberProblem(column), field.type?.isNumeric ?? true {
        found.append(
          .error(
            "ambiguous-numbers", "\(table.name): \(problem)", at: field.range,
            hint: "say how the file writes numbers: --decimal . or --decimal ,"))
        continue
      }
      if field.type == .date, field.dateFormat == nil, let problem = table.dateProblem(column) {
        found.append(
          .error("ambiguous-dates", "\(table.name): \(problem.message)", at: field.range, hint: problem.hint))
        continue
      }
      guard let type = field.type, let failed = failures[slot], let first = failed.first.first else { continue }
      let quoted = failed.first.map { "line \($0.line) \(Value.text($0.text))" }.joined(separator: ", ")
      let more = failed.count > failed.first.count ? ", …" : ""
      // Amounts whose rows refuse them are money: what is wrong is said, as a run says it.
      let what =
        failed.first.allSatisfy(\.error.concernsRow)
        ? (failed.count == 1 ? "1 amount" : "\(failed.count) amounts") + " its rows refuse (\(first.error.message))"
        : (failed.count == 1 ? "1 cell that is" : "\(failed.count) cells that are") + " not \(type.described)"
      found.append(
        .warning(
          WarningCode.cellType.rawValue, "\(table.name): column '\(field.name)' has \(what): \(quoted)\(more)",
          at: field.range, hint: first.error.hint))
    }
    return found
  }
}

extension DataCheck {
  /// The finding about the rows a run reports as errors whatever the policy reads in them
  /// (`records`: the records of a table's file, which a run counts for no client), at the first
  /// of them: how many, and the first few with their lines and reasons.
  static func rowFinding(_ errors: RowErrors, file: String, records: Bool) -> DataLineFinding? {
    guard let first = errors.first.first else { return nil }
    // A table's record is either its client's error (its key is read) or nobody's.
    let whose = { (row: RowErrors.Row) in
      guard records else { return "" }
      return row.client.map { " (client \(Value.quote($0)) is an error row)" } ?? " (counted for no client)"
    }
    let reasons =
      errors.count == 1
      ? first.message + whose(first)
      : errors.first.map { "line \($0.line): \($0.message)\(whose($0))" }.joined(separator: "; ")
    let rows =
      switch (records, errors.count == 1) {
      case (false, true): "1 row that a run reports as an error"
      case (false, false): "\(errors.count) rows that a run reports as errors"
      case (true, true): "1 record that a run cannot count"
      case (true, false): "\(errors.count) records that a run cannot count"
      }
    let more = errors.count > errors.first.count ? "; …" : ""
    return DataLineFinding(file: file, line: first.line, code: .rowError, message: "\(rows): \(reasons)\(more)")
  }
}

/// A finding about a line of a data file rather than about the policy, for `verdict check --data`:
/// `file:line: warning: message` for people, and in JSON an object whose `file` is the data file.
struct DataLineFinding {
  /// The data file, as messages name it.
  var file: String
  /// The line the finding is about.
  var line: Int
  /// The kind of finding.
  var code: WarningCode
  /// What is wrong.
  var message: String
}

/// What `verdict check` found in the data files of one policy, beside the diagnostics.
struct DataFindings {
  /// Whether a data file broke off (an unterminated quote), which a run reports with exit 1.
  var unreadable = false
  /// Rows a run reports as errors, one finding a file.
  var rows: [DataLineFinding] = []
}
