import Foundation
import XCTest

/// `verdict repl < session.txt`: standard input is a pipe, not a terminal, so the REPL reads
/// line by line without prompts. Each folder `Sessions/<name>/` holds `args` (one argument per
/// line), `stdin`, and the goldens `stdout`, `stderr` and `status`; the command runs in
/// `Sessions/`. Set `UPDATE_GOLDEN=1` to rewrite the goldens from the current behaviour.
final class GoldenSessionTests: XCTestCase {
  static let sessions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Sessions")

  func testBasicSession() throws { try check("basic") }

  func testErrorsAreReportedAndTheSessionGoesOnThenExitsWithOne() throws { try check("errors") }

  private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let folder = Self.sessions.appendingPathComponent(name)
    var arguments = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    arguments.insert("repl", at: 0)
    let stdin = try Data(contentsOf: folder.appendingPathComponent("stdin"))
    let result = try REPLBinary.runPiped(arguments, stdin: stdin, in: Self.sessions)
    let actual = [("stdout", result.stdout), ("stderr", result.stderr), ("status", "\(result.status)\n")]
    for (goldenName, text) in actual {
      let golden = folder.appendingPathComponent(goldenName)
      if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try text.write(to: golden, atomically: true, encoding: .utf8)
        continue
      }
      let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? "<missing golden \(goldenName)>"
      XCTAssertEqual(text, expected, "\(name)/\(goldenName)", file: file, line: line)
    }
  }
}
