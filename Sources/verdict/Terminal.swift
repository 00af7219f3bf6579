import Foundation
import Verdict
import VerdictData
import VerdictRun

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the CLI writes, and whether it may use colour there.
enum Terminal {
  /// Writes to standard output as it is: JSON, a formatted policy.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes text for people to standard output, ``printable(_:keepsColours:)``: it may name
  /// clients and quote cells of a data file or a history. Colours stay only where standard
  /// output may have them.
  static func show(_ text: String) {
    out(printable(text, keepsColours: coloursSuit(STDOUT_FILENO)))
  }

  /// Writes to standard error, ``printable(_:keepsColours:)``; colours stay only where the
  /// diagnostics are coloured.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data(printable(text, keepsColours: coloursSuit(STDERR_FILENO)).utf8))
  }

  /// Whether what is written to `descriptor` may be coloured: a terminal, without `NO_COLOR`.
  static func coloursSuit(_ descriptor: Int32) -> Bool {
    switch descriptor {
    case STDOUT_FILENO: standardOutputTakesColours
    case STDERR_FILENO: standardErrorTakesColours
    default: Self.decideColours(descriptor)
    }
  }

  // Decided once: `explain --all` writes a line at a time, and making the environment's
  // dictionary for each took 40% of its time.
  private static let standardOutputTakesColours = decideColours(STDOUT_FILENO)
  private static let standardErrorTakesColours = decideColours(STDERR_FILENO)

  private static func decideColours(_ descriptor: Int32) -> Bool {
    DiagnosticRenderer.colorSuits(isTerminal: isatty(descriptor) == 1, environment: ProcessInfo.processInfo.environment)
  }

  /// `text` with the control characters that drive a terminal shown as `\u{…}` (bidirectional
  /// formatting characters too): all but line feed, tab, and, when `keepsColours`, the colours
  /// the renderers write (``colours``). Messages quote data: a
  /// column's name, a key, a cell that the readers show as they were written, so an escape
  /// sequence in a hostile file could otherwise clear the screen, rewrite the lines above, set
  /// the window's title or hide what follows (`ESC [ 8 m`). Data is escaped where it is put
  /// into a message (``MessageText``); where the renderers write no colour, none is let through,
  /// so that a key that the data gave a colour sequence shows it on every path.
  static func printable(_ text: String, keepsColours: Bool = true) -> String {
    // 0xC2 leads the C1 controls, 0xE2 the bidirectional formatting characters (and €), 0xD8 the
    // Arabic letter mark.
    guard
      text.utf8.contains(where: {
        ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xD8
      })
    else { return text }
    var result = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let value = scalars[index].value
      if value == 0x1B, keepsColours, let end = colourEnd(in: scalars, from: index) {
        result.append(contentsOf: scalars[index..<end])
        index = end
        continue
      }
      if value != 0x0A && value != 0x09 && Value.drivesTerminal(value) {
        result.append(contentsOf: "\\u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        result.append(scalars[index])
      }
      index += 1
    }
    return String(result)
  }

  /// The parameters of the colour sequences (`ESC [ 1 ; 31 m`) that the diagnostic and table
  /// renderers write: reset, bold, and bold or plain colours; no other sequence is let through.
  static let colours: Set<String> = ["0", "1", "1;31", "1;33", "1;35", "1;36", "31", "32", "33", "34"]

  /// The end of the colour sequence at `start`, if one of ``colours`` is there.
  private static func colourEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
    var index = start + 2
    while index < scalars.count, scalars[index] == ";" || ("0"..."9").contains(scalars[index]) { index += 1 }
    guard index < scalars.count, scalars[index] == "m" else { return nil }
    var parameters = String.UnicodeScalarView()
    parameters.append(contentsOf: scalars[(start + 2)..<index])
    return colours.contains(String(parameters)) ? index + 1 : nil
  }

  /// Writes a problem that does not stop the command (one file among several) to standard
  /// error, as failures are written: `verdict: MESSAGE`, then the hint.
  static func problem(_ message: String, hint: String? = nil) {
    error(RunFailure.Problem.render(message, hint: hint) + "\n")
  }

  /// A renderer for diagnostics on standard error: coloured only on a terminal without `NO_COLOR`.
  static var diagnosticRenderer: DiagnosticRenderer {
    DiagnosticRenderer(
      usesColor: DiagnosticRenderer.colorSuits(
        isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment))
  }
}

/// Loads policy files for the commands.
enum PolicyFile {
  /// Reads a policy's source, or explains why it cannot; a file over ``SourceSizeLimit`` is
  /// refused before it is read.
  static func read(_ path: String) throws(CommandFailure) -> SourceFile {
    switch PolicyFileReading.read(path) {
    case .success(let source): return source
    case .failure(let problem): throw CommandFailure(message: problem.message, exitCode: 2)
    }
  }

  /// Reads a policy from standard input (`verdict fmt -`), named `<stdin>`, as a named pipe is
  /// read: up to one byte past ``SourceSizeLimit``, so `< /dev/zero` cannot take all memory.
  static func readStandardInput() throws(CommandFailure) -> SourceFile {
    switch PolicyFileReading.read(stream: .standardInput, name: "<stdin>") {
    case .success(let source): return source
    case .failure(let problem): throw CommandFailure(message: problem.message, exitCode: 2)
    }
  }

  /// Compiles a policy file, printing its diagnostics; fails when it has errors.
  static func compile(_ path: String) throws(CommandFailure) -> Policy {
    let source = try read(path)
    let (policy, diagnostics) = Policy.compile(source)
    Terminal.error(Terminal.diagnosticRenderer.render(diagnostics, in: source))
    guard let policy else {
      throw CommandFailure(message: summary(of: diagnostics), exitCode: 2)
    }
    return policy
  }

  /// `2 errors, 1 warning`.
  static func summary(of diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    var parts: [String] = []
    if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
    if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
    return parts.joined(separator: ", ")
  }
}

/// The `--today` option of `eval`, `run` and `repl`, and other options that take a date.
enum TodayOption {
  /// The date `text` names (as a data cell would: `2026-11-28` or `28.11.2026`), or a usage error
  /// naming `option`.
  static func parse(_ text: String, option: String = "--today") throws(CommandFailure) -> CalendarDate {
    let field = FieldInfo(name: option, type: .date)
    switch CellReader().read(text, for: field) {
    case .success(.date(let date)): return date
    case .success: break
    case .failure(let error):
      // The cell's own hint when it says what is wrong with the date (February 2026 has 28
      // days), not when it speaks of a field's format, which --today does not have.
      if let hint = error.hint, !hint.contains("format") {
        throw CommandFailure(
          message: "\(option) takes a date such as 2026-11-28, not '\(text)'", hint: hint, exitCode: 2)
      }
    }
    throw CommandFailure(message: "\(option) takes a date such as 2026-11-28, not '\(text)'", exitCode: 2)
  }
}

/// A command that could not finish: what to tell the user, and the exit status.
///
/// Commands throw it; ``VerdictCommand/main()`` prints it (``rendered``) and exits with its
/// status, the only place the program exits.
struct CommandFailure: Error {
  /// What is wrong; none when it was printed already (a failing example, a broken policy).
  var problems: [RunFailure.Problem]
  /// The exit status.
  var exitCode: Int32

  /// A failure with a message (none when `message` is empty), printed after `verdict: `, and a
  /// hint if there is one.
  init(message: String, hint: String? = nil, exitCode: Int32) {
    problems = message.isEmpty ? [] : [RunFailure.Problem(message, hint: hint)]
    self.exitCode = exitCode
  }

  /// A data file that cannot be read, a wrong option of a run: printed as `verdict run` prints it.
  init(_ failure: RunFailure) {
    problems = failure.problems
    exitCode = failure.exitStatus
  }

  /// The problems as printed on standard error, each ending with a newline; empty without any.
  var rendered: String { problems.map { $0.rendered + "\n" }.joined() }

  /// The message of the first problem, without `verdict: ` (for a command that reports a
  /// failure of one file among several and goes on).
  var message: String { problems.first?.message ?? "" }
}
