import ArgumentParser
import Foundation
import Verdict
import VerdictLineEditing
import VerdictREPL
import VerdictRun

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `verdict repl [POLICY] [--data FILE]`: the read-eval-print loop. A thin layer: the session
/// (`VerdictREPL`) does the work; this file only reads lines, from libedit on a terminal or
/// plainly from a pipe, and prints the replies.
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "Try conditions and rules against clients interactively.",
    discussion: """
      Type a statement (field, let, rule, when, verdicts, otherwise, strategy, example) to add it to the \
      session's policy, or an expression to see its value for the current client. Commands start \
      with ':'; :help lists them. An unfinished statement continues on the next line.

      On a terminal: emacs key bindings, Tab completion, and history kept in \
      $XDG_STATE_HOME/verdict/history (else ~/.local/state/verdict/history). Ctrl-C cancels the \
      entry, Ctrl-D on an empty line ends the session.

      Not on a terminal (verdict repl < session.txt): lines are read without prompts, results go \
      to standard output, errors to standard error, and the exit status is 1 if any entry failed.
      """
  )

  @Argument(help: "A policy file to start from.")
  var policy: String?

  @Option(help: ArgumentHelp("Load clients from a CSV, JSON or JSON Lines file.", valueName: "file"))
  var data: String?

  @Option(help: ArgumentHelp("The date that 'today' means (default: the local date).", valueName: "YYYY-MM-DD"))
  var today: String?

  @OptionGroup(title: "Reading data")
  var reading: DataOptions

  @OptionGroup(title: "Run history")
  var runHistory: HistoryOptions

  /// The most history entries kept.
  static let historyLimit = 1000

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var session = Session(
      today: try date(today),
      style: OutputStyle(
        usesColor: DiagnosticRenderer.colorSuits(isTerminal: isatty(STDERR_FILENO) == 1, environment: environment)))
    session.reading = try reading.reading()
    let tables: [MetaCommand] = try reading.tableFiles().map { .data("\($0.name)=\($0.path)") }
    if let path = try runHistory.path(environment: environment) {
      do throws(RunFailure) { session.history = try HistoryReader(path: path, today: session.today) } catch {
        throw CommandFailure(error)
      }
    }
    for command in [policy.map(MetaCommand.load), data.map(MetaCommand.data)].compactMap({ $0 }) + tables {
      let reply = session.run(command)
      if reply.failed {
        Terminal.error(reply.errors)
        throw ExitCode(2)
      }
      // Warnings (rows that cannot be read, a client file no table's records can be matched
      // to) are said as the commands' own are; the "loaded …" lines are not.
      if !reply.errors.isEmpty { Terminal.error(reply.errors) }
    }
    if isatty(STDIN_FILENO) == 1 {
      InteractiveLoop(session: session, environment: environment).run()
    } else {
      throw ExitCode(Self.runScript(session: session))
    }
  }

  /// Reads entries from standard input line by line, without prompts; returns the exit status.
  ///
  /// Entries already waiting in the input (a file, a paste) are handled together, so that their
  /// statements are compiled with the policy once rather than once each; an entry is answered
  /// as soon as no more input is waiting, as a program writing one entry at a time expects.
  static func runScript(session start: Session) -> Int32 {
    var session = start
    var buffer = InputBuffer()
    var lines = StandardInputLines()
    var waiting: [String] = []
    var failed = false
    /// Handles and shows the waiting entries; returns whether one ended the session.
    func answer() -> Bool {
      defer { waiting = [] }
      for reply in session.handle(entries: waiting) {
        show(reply)
        failed = failed || reply.failed
        if reply.quits { return true }
      }
      return false
    }
    while let line = lines.next() {
      // A line that cannot be an entry's is said after the entries before it; the entry it
      // belongs to is left out.
      let refusal: Reply?
      let bytes: [UInt8]
      switch line {
      case .bytes(let read):
        bytes = read
        refusal = session.undecodable(read)
      case .tooLong:
        bytes = []
        refusal = .error(
          "a line of more than \(SourceSizeLimit.grouped(StandardInputLines.maximumLineBytes)) bytes (10 MiB) "
            + "is left out, with the entry it belongs to")
      }
      if let refusal {
        if answer() { return failed ? 1 : 0 }
        buffer.cancel()
        show(refusal)
        failed = true
        continue
      }
      guard case .complete(let entry) = buffer.add(String(decoding: bytes, as: UTF8.self)) else { continue }
      waiting.append(entry)
      if !lines.isWaiting(), answer() { return failed ? 1 : 0 }
    }
    if let unfinished = buffer.finish() { waiting.append(unfinished) }
    _ = answer()
    return failed ? 1 : 0
  }

  /// Prints a reply: results on standard output, errors on standard error, both
  /// ``Terminal/printable(_:keepsColours:)`` (a reply may list names and cells of a data file).
  static func show(_ reply: Reply) {
    if !reply.output.isEmpty { Terminal.show(reply.output) }
    if !reply.errors.isEmpty { Terminal.error(reply.errors) }
  }

  private func date(_ text: String?) throws(CommandFailure) -> CalendarDate {
    guard let text else { return .today() }
    return try TodayOption.parse(text)
  }
}

/// The loop on a terminal: libedit for each line, the banner, prompts, completion and history.
struct InteractiveLoop {
  /// The session and the unfinished entry, shared with the completer.
  private final class State {
    var session: Session
    var buffer = InputBuffer()

    init(session: Session) {
      self.session = session
    }
  }

  private let state: State
  private let editor: LineEditor

  init(session: Session, environment: [String: String]) {
    state = State(session: session)
    editor = LineEditor(
      programName: "verdict", historyFile: LineEditor.defaultHistoryPath(environment: environment),
      historyLimit: ReplCommand.historyLimit)
    editor.completer = { [state] line, cursor in
      let answer = Completer(session: state.session).complete(line: line, cursor: cursor, pending: state.buffer.pending)
      return Completion(wordStart: answer.wordStart, candidates: answer.words, appendsSpace: answer.appendsSpace)
    }
  }

  func run() {
    Terminal.out(state.session.banner(version: VerdictCommand.version) + "\n")
    var waiting: [String] = []
    while true {
      let prompt = state.buffer.isEmpty ? state.session.prompt : state.session.continuationPrompt
      switch editor.readLine(prompt: prompt) {
      case .line(let line):
        guard case .complete(let entry) = state.buffer.add(line) else { continue }
        // History keeps a multi-line entry as one line, so Up brings back all of it; without
        // its comments, which would run on over the lines joined after them.
        let remembered = PolicyWords.onOneLine(entry)
        if !remembered.isEmpty { editor.addHistory(remembered) }
        waiting.append(entry)
        // The entries of a paste are answered together once the rest of it is read, so that
        // their statements are compiled with the policy once; a typed entry at once.
        if editor.isInputWaiting { continue }
        if answer(&waiting) { return }
      case .interrupted:
        state.buffer.cancel()
        if answer(&waiting) { return }
      case .endOfInput:
        // Ctrl-D on the continuation prompt: the unfinished entry is said to be one, as at the
        // end of a script, rather than dropped unsaid.
        if let unfinished = state.buffer.finish() { waiting.append(unfinished) }
        _ = answer(&waiting)
        return
      }
    }
  }

  /// Handles and shows the `waiting` entries, emptying it; returns whether one ended the session.
  private func answer(_ waiting: inout [String]) -> Bool {
    defer { waiting = [] }
    for reply in state.session.handle(entries: waiting) {
      ReplCommand.show(reply)
      if reply.quits { return true }
    }
    return false
  }
}
