import Foundation
import TestSupport
import Testing

@testable import verdict

/// Control sequences in the data (a key, a column's name, a file's path) reach standard error
/// as `\u{1B}`, also those that look like Verdict's own colours (`ESC [ 1 ; 31 m`), which the
/// messages let through raw.
struct MessageEscapingTests {
  /// The colour sequence a hostile file hides in its names: bold red, as Verdict's errors are.
  static let red = "\u{1B}[1;31m"
  /// How a message shows it.
  static let shownRed = #"\u{1B}[1;31m"#

  /// A folder with a policy and files whose names, keys and columns hold ``red``.
  final class Workspace {
    let folder: URL

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-escape-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: CLIGoldenTests.casesFolder.appendingPathComponent("policies/simple.verdict"),
        to: folder.appendingPathComponent("policy.verdict"))
      let columns = "payment_delay,revisions,outstanding,project_end,disrespectful"
      try write("twice.csv", "id,\(columns)\nK\(red),1,1,0,2027-01-31,false\nK\(red),2,1,0,2027-01-31,false\n")
      try write("columns.csv", "id,payment_delay,revisions,outst\(red)anding\nA,1,1,0\n")
      try write("book\(red).csv", "PK\u{3}\u{4}not a workbook")
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("folder\(red).csv"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ text: String) throws {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// The commands whose messages quote data, each with what its message must show.
    static let commands: [(arguments: [String], shows: String)] = [
      (["run", "policy.verdict", "twice.csv", "--today", "2026-11-29"], "K\(shownRed) (2 rows)"),
      (
        ["explain", "policy.verdict", "twice.csv", "--client", "K\(red)x", "--today", "2026-11-29"],
        "(did you mean 'K\(shownRed)'?)"
      ),
      (
        ["run", "policy.verdict", "missing\(red).csv", "--today", "2026-11-29"], "cannot open 'missing\(shownRed).csv'"
      ),
      (["run", "policy.verdict", "book\(red).csv", "--today", "2026-11-29"], "'book\(shownRed).csv' is a zip archive"),
      (
        ["run", "policy.verdict", "folder\(red).csv", "--today", "2026-11-29"],
        "'folder\(shownRed).csv': it is a folder"
      ),
      (["run", "policy.verdict", "columns.csv", "--today", "2026-11-29"], "'outst\(shownRed)anding'"),
    ]
  }

  /// To a pipe, where Verdict writes no colour, no escape of the data's is let through.
  @Test func aPipeGetsNoEscapeFromTheData() throws {
    let workspace = try Workspace()
    for (arguments, shows) in Workspace.commands {
      let result = try VerdictBinary.run(arguments, in: workspace.folder)
      #expect(!result.stderr.contains("\u{1B}"), "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(shows), "\(arguments): \(result.stderr)")
    }
  }

  /// On a terminal, where Verdict's errors are coloured, the data's colour sequences are still
  /// shown escaped in the messages that quote them. (`script` gives the run a terminal.)
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script") && MessageEscapingTests.isLinux))
  func aTerminalGetsOnlyVerdictsOwnColours() throws {
    let workspace = try Workspace()
    // The duplicate keys of the summary too: RunSummary escapes them where it names them.
    for (arguments, shows) in Workspace.commands {
      let command = ([VerdictBinary.url.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
      let result = try ProgramRun.run(
        URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command + " 2>&1", "/dev/null"], in: workspace.folder,
        environment: ["NO_COLOR": "", "TERM": "xterm"])
      #expect(result.stdout.contains(shows), "\(arguments): \(result.stdout)")
    }
  }

  /// Whether this is Linux, whose `script` takes `-qec COMMAND FILE`.
  static var isLinux: Bool {
    #if os(Linux)
      true
    #else
      false
    #endif
  }

  /// Where the diagnostics are not coloured, no colour sequence is let through at all; where
  /// they are, Verdict's own are.
  @Test func coloursAreKeptOnlyWhereTheStreamIsColoured() {
    let message = "\u{1B}[1;31merror:\u{1B}[0m K\u{1B}[1;31m"
    #expect(Terminal.printable(message, keepsColours: true) == message)
    #expect(Terminal.printable(message, keepsColours: false) == #"\u{1B}[1;31merror:\u{1B}[0m K\u{1B}[1;31m"#)
  }
}
