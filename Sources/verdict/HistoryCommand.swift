import ArgumentParser
import Foundation
import Verdict
import VerdictData
import VerdictHistory
import VerdictRun

/// `verdict history [CLIENT]`: the runs a history holds, or one client's timeline.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show the runs a run history holds, or one client's verdicts over time.",
    discussion: """
      Without CLIENT: one line a run (its day, policy, clients recorded, verdicts, errors, and how many \
      clients' outcomes changed). With CLIENT: the client's timeline, one line each time its \
      verdict, rule or clauses changed, and the days it was not in the data.

      With --forget-from DAY: removes the runs of DAY and of every later day, with what they \
      recorded, and lists them; a run recorded with a wrong --today is removed so, since runs of \
      earlier days are refused while it is there.

      Exit status: 0 shown (or removed), 2 no such history or client, no run to remove, or a file \
      that is not a Verdict history or is damaged.
      """
  )

  @Argument(help: "A client's key, as the data names it.")
  var client: String?

  @OptionGroup(title: "Run history")
  var history: HistoryOptions

  @Option(name: [.customShort("f"), .long], help: ArgumentHelp("How to report.", valueName: "format"))
  var format = TextOrJSON.text

  @Option(
    help: ArgumentHelp(
      "Remove the runs of this day and of every later day (a run recorded with a wrong --today).",
      valueName: "YYYY-MM-DD"))
  var forgetFrom: String?

  func run() throws {
    guard let path = try history.path(environment: ProcessInfo.processInfo.environment) else {
      throw CommandFailure(message: "which history? give --history FILE (or --default-history)", exitCode: 2)
    }
    guard FileManager.default.fileExists(atPath: path) || History.isLink(path) else {
      throw CommandFailure(message: "there is no history at \(path) (verdict run --history creates one)", exitCode: 2)
    }
    if let forgetFrom {
      guard client == nil else {
        throw CommandFailure(
          message: "--forget-from removes whole runs, not a client's part of them", hint: "give it without CLIENT",
          exitCode: 2)
      }
      return try forgetRuns(from: TodayOption.parse(forgetFrom, option: "--forget-from"), in: path)
    }
    let opened: History
    do throws(HistoryError) { opened = try History.openForReading(path: path) } catch {
      throw CommandFailure(message: error.message, hint: error.hint, exitCode: 2)
    }
    if let client {
      // Keys are kept without the spaces around them, as runs record them.
      try showTimeline(of: ClientKey.trimmed(client), in: opened)
    } else {
      try showRuns(of: opened)
    }
  }

  private func showRuns(of history: History) throws(CommandFailure) {
    let runs: [RecordedRun]
    do throws(HistoryError) { runs = try history.runs() } catch {
      throw CommandFailure(message: error.message, hint: error.hint, exitCode: 2)
    }
    if format == .json {
      Terminal.out(HistoryJSON.array(runs.map(HistoryJSON.run)) + "\n")
      return
    }
    guard !runs.isEmpty else { return Terminal.out("no runs recorded yet\n") }
    Terminal.show(HistoryCommand.table(of: runs) + "\n")
  }

  /// The runs in aligned columns under a heading line, one line a run.
  static func table(of runs: [RecordedRun]) -> String {
    var lines = [["day", "policy", "clients", "changed", "errors", "verdicts"]]
    for run in runs {
      let counts = run.info.verdicts.reversed().map { "\($0) \(run.counts[$0] ?? 0)" }.joined(separator: ", ")
      lines.append([
        run.info.today.description, run.info.policyPath, "\(run.clients)", "\(run.changes)", "\(run.errors)", counts,
      ])
    }
    return aligned(lines)
  }

  private func showTimeline(of client: String, in history: History) throws(CommandFailure) {
    let entries: [TimelineEntry]
    do throws(HistoryError) { entries = try history.timeline(of: client) } catch {
      throw CommandFailure(message: error.message, hint: error.hint, exitCode: 2)
    }
    guard !entries.isEmpty else {
      throw CommandFailure(
        message: "the history has no client \(Value.quote(client))", hint: try meantHint(for: client, in: history),
        exitCode: 2)
    }
    if format == .json {
      Terminal.out(HistoryJSON.array(entries.map(HistoryJSON.entry)) + "\n")
      return
    }
    var lines = [["day", "verdict", "rule", "clauses"]]
    for entry in entries {
      let clauses = entry.clauses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      lines.append([
        entry.day.description, entry.verdict ?? "(not in the data)", entry.rule ?? "-", clauses,
      ])
    }
    Terminal.show(HistoryCommand.aligned(lines) + "\n")
  }

  /// For a key the history does not hold: `did you mean "C102"?`, naming the keys it likely
  /// meant (``likelyMeant(_:among:)``); none when no key is near.
  private func meantHint(for client: String, in history: History) throws(CommandFailure) -> String? {
    let keys: [String]
    do throws(HistoryError) { keys = try history.clientKeys() } catch {
      throw CommandFailure(message: error.message, hint: error.hint, exitCode: 2)
    }
    let meant = HistoryCommand.likelyMeant(client, among: keys).map { Value.quote($0) }
    guard let first = meant.first else { return nil }
    return "did you mean " + (meant.count == 1 ? first : "one of " + Suggestion.listing(meant)) + "?"
  }

  /// The keys a key not found was likely meant as: those that differ from it only in case (keys
  /// are data, so a lookup never ignores case), else the nearest key as every "did you mean" of
  /// the tool finds it (``Suggestion/closest(to:among:)``), else none.
  static func likelyMeant(_ client: String, among keys: [String]) -> [String] {
    let folded = client.lowercased()
    let caseless = keys.filter { $0.lowercased() == folded }
    guard caseless.isEmpty else { return caseless }
    return Suggestion.closest(to: client, among: keys).map { [$0] } ?? []
  }

  /// Rows of text in aligned columns, the last unpadded. Each cell's control characters are
  /// shown as `\u{…}` (``MessageText/escaped(_:)``), line feeds and tabs too, so that a recorded
  /// policy path or rule name stays in its cell and cannot pass for a line of its own.
  static func aligned(_ cells: [[String]]) -> String {
    let rows = cells.map { $0.map(MessageText.escaped) }
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
      }.joined().trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
  }
}

/// The JSON of `verdict history --format json`.
enum HistoryJSON {
  static func run(_ run: RecordedRun) -> String {
    let counts = run.info.verdicts.map { "\(string($0)):\(run.counts[$0] ?? 0)" }.joined(separator: ",")
    return "{\"day\":\(string(run.info.today.description)),\"policy\":\(string(run.info.policyPath)),"
      + "\"data\":[\(run.info.dataFiles.map(string).joined(separator: ","))],\"clients\":\(run.clients),"
      + "\"changed\":\(run.changes),\"errors\":\(run.errors),\"verdicts\":{\(counts)}}"
  }

  static func entry(_ entry: TimelineEntry) -> String {
    let clauses = entry.clauses.sorted { $0.key < $1.key }.map { "\(string($0.key)):\(string($0.value))" }
    return "{\"day\":\(string(entry.day.description)),\"verdict\":\(entry.verdict.map(string) ?? "null"),"
      + "\"rule\":\(entry.rule.map(string) ?? "null"),\"clauses\":{\(clauses.joined(separator: ","))}}"
  }

  static func array(_ items: [String]) -> String {
    items.isEmpty ? "[]" : "[\n  " + items.joined(separator: ",\n  ") + "\n]"
  }

  /// A JSON string, escaped as the run's JSON reports escape their texts.
  static func string(_ text: String) -> String {
    let buffer = ByteBuffer(capacity: text.utf8.count + 8)
    buffer.appendJSONString(text)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }
}
