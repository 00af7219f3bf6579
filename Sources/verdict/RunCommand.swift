import ArgumentParser
import Foundation
import Verdict
import VerdictData
import VerdictRun

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `verdict run POLICY DATA...`: evaluate a policy over every client in data files. A thin layer
/// over `VerdictRun.Runner`, which does the work.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Evaluate a policy over every client in data files and report what to do.",
    discussion: """
      Data: CSV with a header row (RFC 4180 quoting, LF, CRLF or CR), a JSON array of objects \
      (.json) or JSON Lines (.jsonl, .ndjson). '-' reads standard input (CSV unless \
      --input-format says otherwise). From a CSV file itself are detected: the encoding (UTF-8, \
      UTF-16, the East Asian code pages Shift_JIS, EUC-JP, GBK, Big5 and EUC-KR, else Windows-1252), \
      the field separator, blank lines above the header, each \
      numeric column's decimal mark (1,234.56, 1.234,56, 11'373.94) and each date column's \
      format (2/24/2026, 28.11.2026); a number or date with two readings stops the run with the \
      option or declaration that settles it. Cells are read by the policy's field declarations; an \
      empty cell is a missing value. Every field the policy uses must have a column (its name, \
      or the one 'from' names; case and spaces do not matter). Clients are named by an 'id', \
      'name', 'client' or 'customer' column, or --key.

      Report: --format table (default; aligned columns client, verdict, rule, notice, reason), \
      json, jsonl, csv or html (one self-contained page: summary, a card per client who needs \
      action, a Pareto chart by --chart NAME, a histogram per verdict by --histogram NAME, the \
      table of clients). A row that cannot be read or evaluated is reported on standard error \
      and appears in the report with the verdict 'error'; the others go on. A summary goes to \
      standard error.

      Exit status:
          0  every client was evaluated
          1  some rows had errors (bad cells, ragged rows, evaluation errors)
          2  the policy, the command line or the data's columns are wrong; nothing run
          3  --fail-on VERDICT: some client got that verdict or a more severe one
        141  the report's reader closed the pipe (as when SIGPIPE ends a process)

      For cron: verdict run --quiet --today ... policy.verdict clients.csv prints nothing at \
      all when every client gets the 'otherwise' verdict and nothing is wrong with the data, \
      so cron sends no mail.
      """
  )

  @Argument(help: "The policy file.")
  var policy: String

  @Argument(
    help: "Client files; '-' reads standard input. Without them, the clients are the keys of the --table files.")
  var data: [String] = []

  @Option(
    name: [.customShort("f"), .long],
    help: ArgumentHelp("The report format.", valueName: "format"))
  var format = ReportFormat.table

  @OptionGroup(title: "Reading data")
  var reading: DataOptions

  @Option(
    help: ArgumentHelp(
      "Report only clients with these verdicts, comma-separated or repeated ('error' for rows with errors).",
      valueName: "verdict,..."))
  var only: [String] = []

  @Flag(
    name: [.short, .long],
    help:
      ArgumentHelp(
        "Report only clients whose verdict is not the 'otherwise' verdict; print nothing at all when there are none "
          + "and nothing is wrong with the data (a file named by -o still gets a whole report)."
      )
  )
  var quiet = false

  @Option(help: ArgumentHelp("The date that 'today' means (default: the local date).", valueName: "YYYY-MM-DD"))
  var today: String?

  @Option(
    help: ArgumentHelp(
      "Exit with status 3 when any client gets this verdict or a more severe one.", valueName: "verdict"))
  var failOn: String?

  @Flag(
    help:
      "Explain each client on one line: the facts that made the winning rule match, or the rule nearest to matching (an 'explain' column; under the client in a table)."
  )
  var explain = false

  @Option(
    help: ArgumentHelp(
      "The numeric field or aggregate the HTML report's Pareto chart sorts clients by (default: what the policy's first share() measures).",
      valueName: "name"))
  var chart: String?

  @Option(
    help: ArgumentHelp(
      "A numeric field or aggregate the policy reads: the HTML report shows a small histogram of it per verdict.",
      valueName: "name"))
  var histogram: String?

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "Write the report to this file (atomically) instead of standard output; '-' is standard output.",
      valueName: "file"))
  var output: String?

  /// The report file, `nil` for standard output: `-o -` names it as `-` names standard input
  /// among the data files (it made a file called `-`).
  private var reportFile: String? { output == "-" ? nil : output }

  @Option(
    help: ArgumentHelp(
      "Threads that evaluate and read JSON Lines files (default: one per processor).",
      valueName: "n"))
  var jobs: Int?

  @OptionGroup(title: "Run history")
  var history: HistoryOptions

  @Flag(
    help:
      "Report only clients whose verdict is new or changed since the previous run, or whose cooldown ran out today (needs a history)."
  )
  var changed = false

  func run() throws {
    var configuration = RunConfiguration(inputs: data)
    configuration.format = format
    configuration.reading = try reading.reading()
    configuration.tables = try reading.tableFiles()
    if let today { configuration.today = try TodayOption.parse(today) }
    if let jobs {
      guard jobs > 0 else {
        throw CommandFailure(message: "--jobs takes a positive number, not \(jobs)", exitCode: 2)
      }
      guard jobs <= RunConfiguration.maximumJobs else {
        throw CommandFailure(
          message: "--jobs takes at most \(RunConfiguration.maximumJobs) threads, not \(jobs)",
          hint: "the default is one per processor (\(ProcessInfo.processInfo.activeProcessorCount) here); more "
            + "threads than processors only take memory",
          exitCode: 2)
      }
      configuration.jobs = jobs
    }
    configuration.only = only.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }
    // `--only "$VERDICTS"` with the variable empty filtered nothing: every client was reported.
    if !only.isEmpty, configuration.only.isEmpty {
      throw CommandFailure(
        message: "--only names no verdict", hint: "name one or more, such as --only fire,talk", exitCode: 2)
    }
    configuration.quiet = quiet
    configuration.failOn = failOn
    configuration.explain = explain
    configuration.chartField = chart
    configuration.histogramField = histogram
    configuration.outputPath = reportFile
    configuration.historyPath = try history.path(environment: ProcessInfo.processInfo.environment)
    configuration.changedOnly = changed
    if changed, configuration.historyPath == nil {
      throw CommandFailure(
        message: "--changed needs a run history to compare with: give --history FILE (or --default-history)",
        exitCode: 2)
    }
    configuration.usesColor =
      reportFile == nil
      && DiagnosticRenderer.colorSuits(
        isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    let policy = try compilePolicy()
    let runner = Runner(policy: policy, configuration: configuration, diagnosticRenderer: Terminal.diagnosticRenderer) {
      RunCommand.writeError($0)
    }
    let status = runner.run().status.rawValue
    if status != 0 { throw ExitCode(status) }
  }

  /// Compiles the policy; its warnings are shown unless --quiet (cron mail stays empty).
  private func compilePolicy() throws(CommandFailure) -> Policy {
    let source = try PolicyFile.read(policy)
    let (compiled, diagnostics) = Policy.compile(source)
    if compiled == nil || !quiet {
      RunCommand.writeError(Terminal.diagnosticRenderer.render(diagnostics, in: source))
    }
    guard let compiled else {
      throw CommandFailure(message: PolicyFile.summary(of: diagnostics), hint: swappedHint, exitCode: 2)
    }
    return compiled
  }

  /// For a policy that does not compile: when it is not named `.verdict` and one of the data
  /// files is (`verdict run clients.csv firing.verdict`), the order the arguments go in.
  private var swappedHint: String? {
    guard !policy.hasSuffix(".verdict"), let named = data.first(where: { $0.hasSuffix(".verdict") }) else { return nil }
    return "'\(MessageText.escaped(named))' looks like the policy: it goes first, before the data files "
      + "(verdict run POLICY DATA...)"
  }

  /// Writes to standard error with `write(2)`, ignoring a closed pipe; colours stay only where
  /// the diagnostics are coloured (``Terminal/printable(_:keepsColours:)``).
  @Sendable static func writeError(_ text: String) {
    var text = Terminal.printable(text, keepsColours: Terminal.coloursSuit(STDERR_FILENO))
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
