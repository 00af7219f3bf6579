import ArgumentParser
import Verdict

/// `verdict check POLICY...`: report every error and warning in policies.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check policies for errors and warnings.",
    discussion: """
      With --format json, standard output is one JSON array of every diagnostic: file, range \
      (1-based line and column of its start and its end), severity, code, message, hint and notes.

      Exit status: 0 no errors, 1 errors found (or warnings, with --strict), 2 a policy could not be read.
      """
  )

  /// How diagnostics are shown.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    /// For people: the source line and a caret, on standard error.
    case text
    /// For editors and CI: a JSON array on standard output.
    case json
  }

  @Argument(help: "Policy files to check.")
  var policies: [String]

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "How to report: text or json.")
  var format = Format.text

  func run() throws {
    var failed = false
    var reported: [DiagnosticJSON] = []
    for path in policies {
      do throws(CommandFailure) {
        let source = try PolicyFile.read(path)
        let (_, diagnostics) = Policy.compile(source)
        if diagnostics.containsErrors || (strict && !diagnostics.isEmpty) { failed = true }
        switch format {
        case .json:
          reported += diagnostics.map { DiagnosticJSON($0, in: source) }
        case .text:
          Terminal.error(Terminal.diagnosticRenderer.render(diagnostics, in: source))
          if diagnostics.containsErrors || (strict && !diagnostics.isEmpty) {
            Terminal.error("\(path): \(PolicyFile.summary(of: diagnostics))\n")
          }
        }
      } catch {
        error.exit()
      }
    }
    if format == .json { Terminal.out(DiagnosticJSON.render(reported)) }
    if failed { throw ExitCode(1) }
  }
}
