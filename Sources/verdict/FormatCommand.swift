import ArgumentParser
import Foundation
import Verdict
import VerdictRun

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `verdict fmt [--check] [--diff] POLICY...`: rewrite policies in the canonical layout.
struct FormatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Rewrite policies in the one canonical layout.",
    discussion: """
      Files are rewritten in place (atomically, keeping their permissions); '-' reads standard \
      input and writes the result to standard output. A policy with syntax errors is left alone. \
      The layout is described in docs/fmt.md.

      Exit status: 0 success, 1 with --check or --diff: some policy is not formatted, \
      2 a policy could not be read or written, or has syntax errors.
      """
  )

  @Flag(help: "Write nothing; list the policies that are not formatted and exit 1 if there are any.")
  var check = false

  @Flag(help: "Write nothing; print how formatting would change each policy, as a unified diff.")
  var diff = false

  @Argument(help: "Policy files to format, or '-' for standard input.")
  var policies: [String]

  func run() throws {
    var status: Int32 = 0
    for path in policies {
      do throws(CommandFailure) {
        if try format(path) { status = max(status, 1) }
      } catch {
        Terminal.error(error.rendered)
        status = max(status, error.exitCode)
      }
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// Formats one policy; returns whether it was not formatted and only checked or diffed.
  private func format(_ path: String) throws(CommandFailure) -> Bool {
    let fromInput = path == "-"
    let source = fromInput ? try PolicyFile.readStandardInput() : try PolicyFile.read(path)
    let formatted: String
    switch PolicyFormatter.format(source) {
    case .success(let text): formatted = text
    case .failure(let error):
      Terminal.error(Terminal.diagnosticRenderer.render(error.diagnostics, in: source))
      throw CommandFailure(
        message: "\(source.name): not formatted: \(PolicyFile.summary(of: error.diagnostics))", exitCode: 2)
    }
    let changed = Array(formatted.utf8) != source.bytes
    if diff {
      Terminal.out(
        LineDiff.unified(
          from: source.text, to: formatted, oldName: source.name, newName: "\(source.name) (formatted)"))
    }
    if check, changed { Terminal.out("\(source.name)\n") }
    if check || diff { return changed }
    if fromInput {
      Terminal.out(formatted)
    } else if changed {
      try Self.replace(path, with: formatted)
      Terminal.out("formatted \(path)\n")
    }
    return false
  }

  /// Writes `text` over `path` as `verdict run` writes a report (``OutputSink``): to a temporary
  /// file beside it (beside the file a symbolic link points to), renamed over it with its
  /// permissions. SIGINT, SIGTERM and SIGHUP remove the temporary file (``TemporaryFiles``); one
  /// left by a process killed outright is removed by the next write to that folder.
  static func replace(_ path: String, with text: String) throws(CommandFailure) {
    TemporaryFiles.installSignalHandlers()
    do throws(OutputError) {
      try OutputSink.replace(path, with: Array(text.utf8))
    } catch {
      switch error {
      case .brokenPipe:
        throw CommandFailure(message: "cannot write '\(path)': \(String(cString: strerror(EPIPE)))", exitCode: 2)
      case .failed(let message): throw CommandFailure(message: message, exitCode: 2)
      }
    }
  }
}
