import Foundation
import Verdict
import VerdictRun

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the CLI writes, and whether it may use colour there.
enum Terminal {
  /// Writes to standard output.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
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
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      let problem = SourceSizeLimit.problem(byteCount: size)
    {
      throw CommandFailure(message: "cannot read policy '\(path)': \(problem) (\(SourceSizeLimit.hint))", exitCode: 2)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      let why = !exists ? "no such file" : isDirectory.boolValue ? "it is a folder" : "permission denied"
      throw CommandFailure(message: "cannot read policy '\(path)': \(why)", exitCode: 2)
    }
    return SourceFile(name: path, bytes: Array(data))
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

/// The `--today` option of `eval`, `run` and `repl`.
enum TodayOption {
  /// The date `text` names (as a data cell would: `2026-11-28` or `28.11.2026`), or a usage error.
  static func parse(_ text: String) throws(CommandFailure) -> CalendarDate {
    let field = FieldInfo(name: "--today", type: .date)
    guard case .date(let date) = (try? CellReader().read(text, for: field).get()) ?? .missing else {
      throw CommandFailure(message: "--today takes a date such as 2026-11-28, not '\(text)'", exitCode: 2)
    }
    return date
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
