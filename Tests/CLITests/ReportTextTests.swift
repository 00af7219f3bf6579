import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What the reports write of texts that hold control characters and other scalars that a
/// terminal, an XML parser or a JavaScript reader takes for something else.
struct ReportTextTests {
  /// A folder with the simple policy and a client file whose keys hold `keys`, removed
  /// afterwards.
  final class Workspace {
    let folder: URL

    init(keys: [String]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-text-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: CLIGoldenTests.casesFolder.appendingPathComponent("policies/simple.verdict"),
        to: folder.appendingPathComponent("policy.verdict"))
      var text = "id,payment_delay,revisions,outstanding,project_end,disrespectful\n"
      for key in keys { text += "\"\(key)\",45,1,10.00,2027-01-31,false\n" }
      try Data(text.utf8).write(to: folder.appendingPathComponent("clients.csv"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// `verdict run policy.verdict clients.csv --today 2026-11-29` and `extra`.
    func run(_ extra: [String]) throws -> VerdictBinary.Result {
      try VerdictBinary.run(["run", "policy.verdict", "clients.csv", "--today", "2026-11-29"] + extra, in: folder)
    }

    /// The same on a terminal (`script` gives it one): what the terminal received.
    func runOnATerminal(_ extra: [String]) throws -> String {
      let arguments = [VerdictBinary.url.path, "run", "policy.verdict", "clients.csv", "--today", "2026-11-29"] + extra
      let command = arguments.map { "'" + $0 + "'" }.joined(separator: " ") + " 2>/dev/null"
      return try ProgramRun.run(
        URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: folder,
        environment: ["NO_COLOR": "1", "TERM": "xterm"]
      ).stdout
    }
  }

  /// Whether `script -qec COMMAND FILE` gives a command a terminal here (util-linux's `script`).
  static var hasScript: Bool {
    #if os(Linux)
      FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
    #else
      false
    #endif
  }

  /// A key with an escape sequence, a bell, a C1 control (CSI), a NUL and a tab.
  static let hostileKey = "K\u{1B}]0;title\u{7}\u{9B}2J\u{0}\tend"

  /// On a terminal, the CSV report shows control characters as the messages do, so that a key
  /// cannot set the window's title or clear the screen; tabs stay.
  @Test(.enabled(if: ReportTextTests.hasScript))
  func theCSVReportShowsControlCharactersOnATerminal() throws {
    let workspace = try Workspace(keys: [Self.hostileKey])
    let shown = try workspace.runOnATerminal(["-f", "csv"])
    #expect(shown.contains(#"K\u{1B}]0;title\u{7}\u{9B}2J\u{0}"# + "\tend,"), "\(shown)")
    #expect(!shown.contains("\u{1B}]"), "\(shown)")
    #expect(!shown.contains("\u{9B}"))
  }

  /// To a file or a pipe, the CSV report keeps every value exactly, to be read back.
  @Test func theCSVReportKeepsValuesExactElsewhere() throws {
    let workspace = try Workspace(keys: [Self.hostileKey])
    let piped = try workspace.run(["-f", "csv"])
    #expect(piped.stdout.contains("\n\(Self.hostileKey),"), "\(piped.stdout)")
    #expect(try workspace.run(["-f", "csv", "-o", "report.csv"]).status == 0)
    let written = try String(contentsOf: workspace.folder.appendingPathComponent("report.csv"), encoding: .utf8)
    #expect(written.contains("\n\(Self.hostileKey),"))
  }

  /// Scalars XML 1.0 forbids or HTML calls errors: noncharacters (U+FFFE, U+FFFF, U+FDD0,
  /// U+1FFFE), DEL and the C1 controls (U+0085, U+009B).
  static let unwritable = [0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE, 0x7F, 0x85, 0x9B].map {
    String(Character(Unicode.Scalar(UInt32($0))!))
  }

  /// The HTML page stays well-formed XML whatever the keys hold: such scalars are written as
  /// U+FFFD, as the C0 controls are, in text and in attributes (a chart bar's title).
  @Test func theHTMLPageReplacesWhatXMLForbids() throws {
    let workspace = try Workspace(keys: Self.unwritable.map { "A\($0)B" })
    let result = try workspace.run(["-f", "html", "--chart", "outstanding"])
    #expect(result.status == 0, "\(result.stderr)")
    let page = result.stdout
    let parser = XMLParser(data: Data(page.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
    #expect(parser.parse(), "\(String(describing: parser.parserError)) at line \(parser.lineNumber)")
    for scalar in Self.unwritable {
      #expect(!page.contains(scalar), "U+\(String(scalar.unicodeScalars.first!.value, radix: 16))")
    }
    #expect(page.contains("A\u{FFFD}B"))
  }

  /// The JSON reports write the line and paragraph separators escaped: valid JSON raw, but a
  /// line break to JavaScript before ES2019 and to Python's `splitlines`, which cut a JSON Lines
  /// record in two.
  @Test(arguments: ["json", "jsonl"])
  func theJSONReportsEscapeLineSeparators(format: String) throws {
    let workspace = try Workspace(keys: ["A\u{2028}B\u{2029}C"])
    let result = try workspace.run(["-f", format])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(#""client":"A\u2028B\u2029C""#), "\(result.stdout)")
    #expect(!result.stdout.contains("\u{2028}") && !result.stdout.contains("\u{2029}"))
  }

  /// `-o -` is standard output, as `-` is standard input among the data files: it made a file
  /// called `-`.
  @Test func outputDashIsStandardOutput() throws {
    let workspace = try Workspace(keys: ["A"])
    let result = try workspace.run(["-f", "csv", "-o", "-"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("client,verdict,"), "\(result.stdout)")
    #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("-").path))
  }

  /// `verdict explain`'s header shows a key's tab as the other control characters, so that the
  /// header stays one field wide.
  @Test func theExplanationsHeaderShowsAKeysTab() throws {
    let workspace = try Workspace(keys: ["A\tB\u{1B}[1;31m"])
    let result = try VerdictBinary.run(
      ["explain", "policy.verdict", "clients.csv", "--client", "A\tB\u{1B}[1;31m", "--today", "2026-11-29"],
      in: workspace.folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(#"A\u{9}B\u{1B}[1;31m"#), "\(result.stdout)")
    #expect(!result.stdout.contains("\t") && !result.stdout.contains("\u{1B}"), "\(result.stdout)")
  }
}
