import Foundation
import TestSupport
import Testing

/// The worked example in `rules/exports/`: `verdict run` over the bundled exports, as
/// `rules/README.md` shows it, gives exactly the report in `rules/exports/expect.csv`, so that a
/// change in what the policy or the runner decides shows up. The command runs from the
/// repository's root, so the report's `source` column names `rules/exports/invoices.csv:2`.
/// `UPDATE_GOLDEN=1` rewrites `expect.csv` when it differs, and the test then fails (see `GoldenFile`).
struct RulesExportsReportTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let expectURL = repository.appendingPathComponent("rules/exports/expect.csv")

  /// The command of `rules/README.md`, with the CSV report.
  static let arguments = [
    "run", "rules/exports/from-exports.verdict",
    "--table", "invoices=rules/exports/invoices.csv",
    "--table", "time_entries=rules/exports/time-entries.csv",
    "--table", "incidents=rules/exports/incidents.csv",
    "--today", "2026-12-01", "-f", "csv",
  ]

  @Test func theBundledExportsGetTheExpectedReport() throws {
    let result = try VerdictBinary.run(Self.arguments, in: Self.repository)
    #expect(result.status == 0, "verdict \(Self.arguments.joined(separator: " ")) failed:\n\(result.stderr)")
    if let problem = GoldenFile(Self.expectURL, name: "rules/exports/expect.csv").problem(with: result.stdout) {
      Issue.record(Comment(rawValue: problem))
    }
  }

  /// Every record of the exports is read: no cell is refused and no row is left out.
  @Test func everyRecordIsRead() throws {
    let result = try VerdictBinary.run(Self.arguments, in: Self.repository)
    let summary = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(summary.hasSuffix(", 0 rows with errors"), "\(result.stderr)")
    #expect(!result.stderr.contains("warning"), "\(result.stderr)")
  }

  /// The examples pass, as `rules/README.md` says to run them.
  @Test func theExamplesPass() throws {
    let result = try VerdictBinary.run(["test", "rules/exports"], in: Self.repository)
    #expect(result.status == 0, "verdict test rules/exports:\n\(result.stdout)\(result.stderr)")
    #expect(result.stdout.hasSuffix(" passed, 0 failed\n"), "\(result.stdout)")
  }
}
