import Foundation
import TestSupport
import XCTest

/// Drives the real `verdict repl` through a pseudo-terminal provided by tmux: typing, Tab
/// completion, multi-line entry, history (also across two runs), Ctrl-C, Ctrl-D and resizing.
final class REPLTerminalTests: XCTestCase {
  private var sessions: [TmuxSession] = []
  private var scratch: URL?

  private static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Sessions/data")

  override func tearDown() {
    for session in sessions {
      session.close()
    }
    sessions = []
    if let scratch {
      try? FileManager.default.removeItem(at: scratch)
    }
    super.tearDown()
  }

  func testRuleCompletionHistoryAndASecondRunThatSeesTheFirstRunsHistory() throws {
    let state = try makeScratchDirectory().appendingPathComponent("state").path
    let first = try startREPL(stateHome: state)
    try first.waitFor("the banner and the prompt") { lines in
      lines.contains("Verdict 0.1.0 — 2 rules, 3 fields, 3 clients. :help for help.") && lines.last == "verdict>"
    }

    try first.type(":client Ac")
    try first.press("Tab")
    try first.waitFor("the common prefix of two client names") { $0.last == "verdict> :client Acme" }
    try first.type("G")
    try first.press("Tab")
    try first.waitFor("the client name completed") { $0.last == "verdict> :client Acme GmbH" }
    try first.press("Enter")
    try first.waitFor("the client's prompt") { $0.last == "Acme GmbH>" }

    try first.type("when revis")
    try first.press("Tab")
    try first.waitFor("the field name completed") { $0.last == "Acme GmbH> when revisions" }
    XCTAssertEqual(try first.format("#{cursor_x}"), "\("Acme GmbH> when revisions ".count)")
    try first.type("> 5")
    try first.press("Enter")
    try first.waitFor("the continuation prompt") { $0.last == "      ...>" }
    try first.type("then recommend talk")
    try first.press("Enter")
    try first.waitFor("the rule added") { lines in
      lines.contains("added rule 3") && lines.last == "Acme GmbH>"
    }

    try first.type("payment_delay")
    try first.press("Enter")
    try first.waitFor("the value") { lines in lines.suffix(2) == ["45d", "Acme GmbH>"] }

    try first.type("revisons")
    try first.press("Enter")
    try first.waitFor("the error with a caret under the name") { lines in
      lines.contains("<repl>:1:1: error: unknown name 'revisons'") && lines.contains("      | ^~~~~~~~")
        && lines.last == "Acme GmbH>"
    }

    try first.press("Up")
    try first.waitFor("the last entry recalled") { $0.last == "Acme GmbH> revisons" }
    try first.press("Up")
    try first.press("Up")
    try first.waitFor("the multi-line rule recalled as one line") {
      $0.last == "Acme GmbH> when revisions > 5 then recommend talk"
    }
    try first.press("C-u")
    try first.type("when incidents")
    try first.press("Enter")
    try first.waitFor("the continuation prompt") { $0.last == "      ...>" }
    try first.press("C-c")
    try first.waitFor("Ctrl-C cancels the whole entry") { $0.last == "Acme GmbH>" }
    XCTAssertNil(try first.termination(), "Ctrl-C must not end the session")
    try first.type(":rules")
    try first.press("Enter")
    try first.waitFor("three rules, the cancelled one not among them") { lines in
      lines.contains { $0.hasPrefix("  3  talk") } && !lines.contains { $0.hasPrefix("  4") }
    }

    try first.press("C-d")
    try waitForExit(first, status: 0)

    let historyFile = state + "/verdict/history"
    var status = stat()
    XCTAssertEqual(stat(historyFile, &status), 0, "the history file exists")
    XCTAssertEqual(status.st_mode & 0o777, 0o600, "the history file is private")

    let second = try startREPL(stateHome: state)
    try second.waitFor("the prompt") { $0.last == "verdict>" }
    try second.press("Up")
    try second.waitFor("the first run's last entry") { $0.last == "verdict> :rules" }
    try second.press("Up")
    try second.waitFor("the entry before it") { $0.last == "verdict> revisons" }
    try second.press("C-u")
    try second.press("C-d")
    try waitForExit(second, status: 0)
  }

  func testWindowResizeRewrapsInput() throws {
    let state = try makeScratchDirectory().appendingPathComponent("state").path
    let repl = try startREPL(stateHome: state)
    try repl.waitFor("the prompt") { $0.last == "verdict>" }
    try repl.resize(width: 40, height: 30)
    let text = String(repeating: "abcdefghij", count: 5)
    try repl.type(text)
    try repl.waitFor("input wrapped at the new width") { lines in
      lines.suffix(2) == ["verdict> " + text.prefix(31), String(text.dropFirst(31))]
    }
    try repl.press("C-c")
    try repl.waitFor("a fresh prompt") { $0.last == "verdict>" }
    try repl.press("C-d")
    try waitForExit(repl, status: 0)
  }

  /// A Tab in pasted text (here typed in one write, as a paste arrives) is kept: it was taken
  /// for the Tab key, so `not<Tab>true` became `nottrue`, a name the data decides (`missing`),
  /// with the candidates listed in between. A Tab pressed alone still completes.
  func testATabInAPasteIsKeptAndATabPressedCompletes() throws {
    let state = try makeScratchDirectory().appendingPathComponent("state").path
    let repl = try startREPL(stateHome: state)
    try repl.waitFor("the prompt") { $0.last == "verdict>" }
    try repl.type("not\ttrue\r1\t+\t2\r")
    let lines = try repl.waitFor("both answers") { $0.suffix(2) == ["3", "verdict>"] }
    XCTAssertEqual(
      lines.filter { !$0.isEmpty }.suffix(5),
      ["verdict> not    true", "verdict> 1      +       2", "false", "3", "verdict>"])
    try repl.type(":cli")
    try repl.press("Tab")
    try repl.waitFor("the command completed") { $0.last == "verdict> :client" || $0.last == "verdict> :clients" }
    try repl.press("C-c")
    try repl.press("C-d")
    try waitForExit(repl, status: 0)
  }

  /// Ctrl-D on the continuation prompt ends the session and says that the entry was
  /// unfinished, as a script's last entry is (it was dropped without a word).
  func testCtrlDOnAnUnfinishedEntrySaysSo() throws {
    let scratch = try makeScratchDirectory()
    let errors = scratch.appendingPathComponent("stderr.txt")
    let repl = try startREPL(stateHome: scratch.appendingPathComponent("state").path, errorsTo: errors.path)
    try repl.waitFor("the prompt") { $0.last == "verdict>" }
    try repl.type("when late > 30")
    try repl.press("Enter")
    try repl.waitFor("the continuation prompt") { $0.last?.hasSuffix("...>") == true }
    try repl.press("C-d")
    try waitForExit(repl, status: 0)
    // The error is read from the file standard error went to, not from the pane: written as the
    // process exits, it was sometimes missing from the pane on a loaded machine even 20 seconds
    // later (the pty's last output can be lost when its only writer closes it).
    let written = try String(contentsOf: errors, encoding: .utf8)
    XCTAssertTrue(
      written.hasPrefix("<repl>:1:15: error: expected 'then' after the condition, found end of input"), written)
  }

  func testPlainVerdictOnATerminalStartsTheREPL() throws {
    let state = try makeScratchDirectory().appendingPathComponent("state").path
    let session = try TmuxSession(command: [
      "env", "NO_COLOR=1", "XDG_STATE_HOME=\(state)", try BuiltProducts.url(of: "verdict").path,
    ])
    sessions.append(session)
    try session.waitFor("the banner of an empty session") { lines in
      lines.contains { $0.hasPrefix("Verdict 0.1.0 — 0 rules, 0 fields, 0 clients.") } && lines.last == "verdict>"
    }
    try session.type(":quit")
    try session.press("Enter")
    try waitForExit(session, status: 0)
  }

  /// Starts `verdict repl` on the fixture policy and clients, with history under `stateHome`
  /// and, given `errorsTo`, standard error in that file.
  private func startREPL(stateHome: String, errorsTo errors: String? = nil) throws -> TmuxSession {
    let binary = try BuiltProducts.url(of: "verdict").path
    let environment = [
      "-u", "LC_ALL", "-u", "LC_CTYPE", "LANG=C.UTF-8", "NO_COLOR=1", "XDG_STATE_HOME=\(stateHome)",
    ]
    let arguments = [
      "repl", Self.data.appendingPathComponent("firing.verdict").path, "--data",
      Self.data.appendingPathComponent("clients.csv").path, "--today", "2026-11-29",
    ]
    var command = ["env"] + environment + [binary] + arguments
    if let errors {
      // sh runs the binary with its arguments ($0 "$@"), standard error to the file.
      command =
        ["env"] + environment + ["VERDICT_TEST_ERRORS=\(errors)", "sh", "-c"]
        + [#"exec "$0" "$@" 2>"$VERDICT_TEST_ERRORS""#, binary] + arguments
    }
    let session = try TmuxSession(command: command)
    sessions.append(session)
    return session
  }

  private func waitForExit(
    _ session: TmuxSession, status expected: Int, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let deadline = Date().addingTimeInterval(20)
    while try session.termination() == nil, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    let screen = try session.screen().joined(separator: "\n")
    XCTAssertEqual(
      try session.termination(), "exit \(expected)", "screen:\n\(screen)", file: file, line: line)
  }

  private func makeScratchDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("verdict-repl-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    scratch = directory
    return directory
  }
}
