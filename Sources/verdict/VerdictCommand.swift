import ArgumentParser
import Foundation
import Verdict
import VerdictRun

/// The `verdict` command: check policies and evaluate them on clients.
@main
struct VerdictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verdict",
    abstract: "Decide which clients cost more than they bring, by a policy you write.",
    discussion: """
      A policy is a small file of rules such as:

        when payment_delay > 30d and revisions > 5 then recommend fire notice 30d

      Exit status: 0 success, 1 errors in the policy or the data, 2 bad usage.
      """,
    version: VerdictCommand.version,
    subcommands: [
      CheckCommand.self, EvalCommand.self, RunCommand.self, ExplainCommand.self, TestCommand.self, FormatCommand.self,
      ReplCommand.self, HistoryCommand.self,
    ]
  )

  /// The release version.
  static let version = "0.1.0"

  /// Runs the command line: the one place the program exits, with the status of what a
  /// command threw.
  ///
  /// A ``CommandFailure`` (or a ``RunFailure``) is printed as `verdict: MESSAGE` with its hint and
  /// exits with its status; an `ExitCode` exits silently with its code. Usage errors (an unknown
  /// option, a missing argument) exit with status 2 like every other "the command line is wrong"
  /// case, not swift-argument-parser's 64.
  static func main() {
    do {
      // Plain `verdict` on a terminal starts the REPL; elsewhere (a script, a pipe) it shows help.
      let arguments = Array(CommandLine.arguments.dropFirst())
      var command: any ParsableCommand =
        arguments.isEmpty && isatty(STDIN_FILENO) == 1 ? try ReplCommand.parse([]) : try parseAsRoot()
      try command.run()
    } catch let failure as CommandFailure {
      Terminal.error(failure.rendered)
      exit(withError: ExitCode(failure.exitCode))
    } catch let failure as RunFailure {
      Terminal.error(CommandFailure(failure).rendered)
      exit(withError: ExitCode(failure.exitStatus))
    } catch {
      if exitCode(for: error) == .validationFailure {
        Terminal.error(fullMessage(for: error) + "\n")
        exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }
}
