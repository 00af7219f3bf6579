import ArgumentParser
import Verdict

/// `verdict check POLICY...`: report every error and warning in policies.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check policies for errors and warnings.",
    discussion: "Exit status: 0 no errors, 1 errors found, 2 a policy could not be read."
  )

  @Argument(help: "Policy files to check.")
  var policies: [String]

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  func run() throws {
    var failed = false
    for path in policies {
      do throws(CommandFailure) {
        let source = try PolicyFile.read(path)
        let (_, diagnostics) = Policy.compile(source)
        Terminal.error(Terminal.diagnosticRenderer.render(diagnostics, in: source))
        if diagnostics.containsErrors || (strict && !diagnostics.isEmpty) {
          failed = true
          Terminal.error("\(path): \(PolicyFile.summary(of: diagnostics))\n")
        }
      } catch {
        error.exit()
      }
    }
    if failed { throw ExitCode(1) }
  }
}
