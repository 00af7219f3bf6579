/// Which clients the report shows: `--only` and `--quiet`.
struct RowFilter: Sendable {
  /// Shown verdicts by severity, or `nil` for all.
  var onlySeverities: Set<Int>?
  /// Whether error rows are shown under `--only`.
  var onlyIncludesErrors = true
  /// Hide clients with the `otherwise` verdict.
  var quiet = false
  /// The `otherwise` verdict's severity.
  var otherwise = 0

  func shows(severity: Int) -> Bool {
    if quiet && severity == otherwise { return false }
    return onlySeverities?.contains(severity) ?? true
  }

  var showsErrors: Bool { onlyIncludesErrors }
}
