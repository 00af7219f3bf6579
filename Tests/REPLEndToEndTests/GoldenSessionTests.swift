import Foundation
import TestSupport
import XCTest

/// `verdict repl < session.txt`: standard input is a pipe, not a terminal, so the REPL reads
/// line by line without prompts. Each folder `Sessions/<name>/` is a ``GoldenCase``: `args`
/// (one argument per line, after `repl`), `stdin`, and the goldens `stdout`, `stderr` and
/// `status`; `Sessions/data/` holds the files the sessions use. The command runs in `Sessions/`.
/// `UPDATE_GOLDEN=1` rewrites the goldens that differ and fails each session it rewrote.
final class GoldenSessionTests: XCTestCase {
  static let sessions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Sessions")

  /// The sessions the tests below check, by folder.
  static let checked: Set<String> = [
    "basic", "broken-entry", "errors", "file-messages", "keyless-tables", "not-utf8", "summary-warnings",
  ]

  func testBasicSession() throws { try check("basic") }

  func testErrorsAreReportedAndTheSessionGoesOnThenExitsWithOne() throws { try check("errors") }

  /// A client file without a key column given with a table on the command line: the warning
  /// the commands give is said (it was dropped, and every client judged on empty tables).
  func testWarningsOfTheCommandLinesFilesAreSaid() throws { try check("keyless-tables") }

  /// The warnings of a run's summary about the files loaded are said when they are loaded and
  /// by `:run`: a percent column of fractions, records whose key matches no client (with the
  /// client it likely meant), keys written two ways while the clients are the tables' keys.
  func testTheWarningsOfARunsSummaryAreSaid() throws { try check("summary-warnings") }

  /// A line that is not UTF-8 (`"café"` in Windows-1252) is an error at its first such byte,
  /// and its entry is left out: it was evaluated with U+FFFD in place of the byte.
  func testALineThatIsNotUTF8IsAnError() throws { try check("not-utf8") }

  /// A piped entry with a syntax error is left out with the indented lines after it that are the
  /// rest of it, with one error, as a policy file reports it: they were read as entries of their
  /// own (`then recommend fire` an error, `revisions > 5` evaluated). An indented line after a
  /// command, or after an entry without an error, is an entry of its own.
  func testAnEntryWithAnErrorIsLeftOutWithItsRest() throws { try check("broken-entry") }

  /// A folder given to `:data` is refused as every command refuses one (`it is a folder`, not
  /// the system's `Is a directory`), and `:save` onto the client file given with `--data` says
  /// what that file is (it said "loaded with :data").
  func testFoldersAndTheClientFileAreNamedAlike() throws { try check("file-messages") }

  /// A session folder that no test checks would pass unseen; every one has its test above.
  func testEverySessionIsChecked() {
    XCTAssertEqual(Set(GoldenCase.names(in: Self.sessions, support: ["data"])), Self.checked)
  }

  private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertTrue(Self.checked.contains(name), "add \(name) to GoldenSessionTests.checked", file: file, line: line)
    let session = try GoldenCase(name, in: Self.sessions)
    let result = try VerdictBinary.run(["repl"] + session.arguments, stdin: session.standardInput, in: Self.sessions)
    for problem in session.problems(result) {
      XCTFail(problem, file: file, line: line)
    }
  }
}
