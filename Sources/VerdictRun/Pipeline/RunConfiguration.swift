import Verdict

/// How the report is written.
package enum ReportFormat: String, Sendable, CaseIterable {
  /// Aligned columns for people and cron mail: client, verdict, rule, notice, reason.
  case table
  /// One JSON array of objects.
  case json
  /// One JSON object per line.
  case jsonl
  /// CSV with a header row.
  case csv
  /// One self-contained HTML page: summary, action cards, Pareto chart, the table of clients.
  case html
}

/// Everything `verdict run` was asked to do, besides the policy.
package struct RunConfiguration: Sendable {
  /// The client files; `-` is standard input. Empty when the clients are the keys of the
  /// record tables.
  package var inputs: [String]
  /// The files of the policy's record tables (`--table invoices=ar.csv`).
  package var tables: [TableFile] = []
  /// How the data files are read: format, CSV layout, number format, encoding, key column.
  package var reading = DataReadOptions()
  /// The report format.
  package var format: ReportFormat = .table
  /// Print only clients with these verdicts (`error` included); empty means all.
  package var only: [String] = []
  /// Print only clients whose verdict is not the `otherwise` verdict, and nothing at all (not
  /// even a summary) when there are none.
  package var quiet = false
  /// The date `today` means.
  package var today: CalendarDate
  /// Exit with status 3 when a client gets this verdict or a more severe one.
  package var failOn: String?
  /// `--explain`: give each client's explanation, on one line, in an `explain` column.
  package var explain = false
  /// The report file, written atomically; `nil` for standard output.
  package var outputPath: String?
  /// Whether the table may use colour.
  package var usesColor = false
  /// Evaluation threads; 0 means one per processor. At most ``maximumJobs``.
  package var jobs = 0
  /// The most evaluation threads a run starts: each keeps two batches in flight, about 1.4 MB
  /// with the default batch size, and `--jobs 100000` asked for 280 GB and was killed.
  package static let maximumJobs = 256
  /// Rows per batch handed between threads.
  package var batchSize = 4096
  /// The most row errors written to standard error one by one; the rest are counted.
  package var maxErrorMessages = 100
  /// The run history to read and record this run in (`--history`); `nil` for none.
  package var historyPath: String?
  /// `--changed`: report only clients whose verdict is new or changed since the previous run,
  /// or whose cooldown ran out (needs a history).
  package var changedOnly = false
  /// `--chart NAME`: the field or aggregate the HTML report's Pareto chart sorts clients by
  /// (``Policy/clientMeasure(named:)``); `nil` for what the policy's first `share()` measures, if any.
  package var chartField: String?
  /// `--histogram NAME`: the numeric field or aggregate the HTML report counts the clients of each
  /// verdict over, in one small histogram per verdict; `nil` for none.
  package var histogramField: String?
  /// The most clients `--format html` shows: past it the run stops with status 2 and a hint to
  /// `--only` or `--quiet`, rather than write a page no browser opens comfortably.
  package var maxHTMLClients = 200_000

  /// Creates a configuration for `inputs`.
  package init(inputs: [String], today: CalendarDate = .today()) {
    self.inputs = inputs
    self.today = today
  }
}

/// How a run ended, as the process exit status.
package enum RunStatus: Int32, Sendable {
  /// Every client was evaluated.
  case success = 0
  /// Some rows had errors (bad cells, ragged rows, evaluation errors, an unreadable tail of a file).
  case rowErrors = 1
  /// The policy, the command line or a data file's header is wrong: nothing was evaluated.
  case usage = 2
  /// `--fail-on`: some client got that verdict or a more severe one.
  case failOn = 3
  /// The reader of the report closed the pipe before it was all written: the report was not
  /// delivered (and the run not recorded). 128 + SIGPIPE, the status of a process that SIGPIPE
  /// ended, as `cat` and `grep` give, so `set -o pipefail` and `$PIPESTATUS` see it; the run
  /// ignores SIGPIPE so that it can leave the history as it was first.
  case brokenPipe = 141
}
