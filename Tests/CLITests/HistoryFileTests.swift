import Foundation
import TestSupport
import Testing

/// What `verdict run --history` does to the history file when something goes wrong: a file that
/// is not a Verdict history, an earlier day, a report aimed at the history, a killed run, two
/// runs at once. The file is never damaged, and a refused file is left byte for byte.
struct HistoryFileTests {
  init() { signal(SIGPIPE, SIG_IGN) }

  /// `rows` clients for the history policy; every seventh is late, every eleventh rude.
  static func manyClients(_ rows: Int) -> Data {
    var text = "id,late,rude\n"
    text.reserveCapacity(rows * 20)
    for row in 0..<rows { text += "K\(row),\(row % 7 == 0 ? 45 : 3),\(row % 11 == 0)\n" }
    return Data(text.utf8)
  }

  /// A workspace whose history has runs on the 1st and 2nd of November.
  static func recordedWorkspace() throws -> HistoryWorkspace {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    #expect(try workspace.run("2026-11-01").status == 0)
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 3))
    #expect(try workspace.run("2026-11-02").status == 0)
    return workspace
  }

  /// A run closes the history before it ends, which moves the write-ahead log into the file: a
  /// copy of the file alone (a backup) has the run. (A process that ended with the file still
  /// open left its last run in the `-wal` file beside it.)
  @Test func theFileAloneHoldsEveryRecordedRun() throws {
    let workspace = try Self.recordedWorkspace()
    let folder = workspace.folder.path
    #expect(!FileManager.default.fileExists(atPath: workspace.history.path + "-wal"))
    let copy = try HistoryWorkspace()
    try FileManager.default.copyItem(at: workspace.history, to: copy.history)
    let runs = try copy.verdict(["history", "--history", copy.history.path, "--format", "json"])
    #expect(runs.status == 0, "\(runs.stderr)")
    #expect(try workspace.content(clients: []) == runs.stdout, "\(folder)")
    #expect(runs.stdout.contains("2026-11-02"))
  }

  @Test func anEarlierDayIsRefused() throws {
    let workspace = try Self.recordedWorkspace()
    let before = workspace.historyBytes()
    let content = try workspace.content(clients: ["B"])
    let result = try workspace.run("2026-11-01")
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "verdict: history \(workspace.history.path) has a run of 2026-11-02; a run of 2026-11-01 would rewrite the past\n"
        + "  hint: record runs in the order of their days, or use another history for this one\n")
    #expect(workspace.historyBytes() == before)
    #expect(try workspace.content(clients: ["B"]) == content)
  }

  @Test func aCorruptFileIsRefusedAndLeftAlone() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    var generator = SystemRandomNumberGenerator()
    let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
    try garbage.write(to: workspace.history)
    let result = try workspace.run("2026-11-01")
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("verdict: history \(workspace.history.path) is corrupt"), "\(result.stderr)")
    #expect(result.stderr.contains("hint: it is left as it is"))
    #expect(workspace.historyBytes() == garbage)
    let shown = try workspace.verdict(["history", "--history", workspace.history.path])
    #expect(shown.status == 2)
    #expect(shown.stderr.contains("is corrupt"), "\(shown.stderr)")
    #expect(workspace.historyBytes() == garbage)
    let left = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).sorted()
    #expect(left == ["clients.csv", "history.sqlite", "policy.verdict"])
  }

  @Test(.enabled(if: SQLiteShell.isInstalled, "needs the sqlite3 shell to make another program's database"))
  func anotherProgramsDatabaseIsRefusedAndLeftAlone() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    _ = try SQLiteShell.run(workspace.history, "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('mine');")
    let before = workspace.historyBytes()
    #expect(before != nil)
    let result = try workspace.run("2026-11-01")
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "verdict: history \(workspace.history.path) is not a Verdict history: it is a SQLite database of another program\n"
        + "  hint: give --history a new file or an existing Verdict history; this one is left as it is\n")
    #expect(workspace.historyBytes() == before)
    #expect(try SQLiteShell.run(workspace.history, "SELECT body FROM notes; PRAGMA integrity_check;") == "mine\nok\n")
  }

  /// A run whose reader closed the pipe before the report came leaves the history as it was,
  /// in every format: the HTML page, written whole at the end, was recorded as delivered.
  @Test(arguments: ["table", "json", "jsonl", "csv", "html"])
  func aRunWhoseReaderClosedThePipeRecordsNothing(format: String) throws {
    let workspace = try Self.recordedWorkspace()
    let before = workspace.historyBytes()
    let content = try workspace.content(clients: ["A", "B", "D"])
    let process = Process()
    process.executableURL = VerdictBinary.url
    process.arguments = [
      "run", "policy.verdict", "clients.csv", "--history", workspace.history.path, "--today", "2026-11-03", "-f",
      format, "--fail-on", "fire",
    ]
    process.currentDirectoryURL = workspace.folder
    process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try output.fileHandleForReading.close()  // the reader goes away before anything is written
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // As a process that SIGPIPE ended: 128 + 13, whatever --fail-on would have said.
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 141)
    #expect(stderr.isEmpty, "\(stderr)")
    #expect(workspace.historyBytes() == before)
    #expect(try workspace.content(clients: ["A", "B", "D"]) == content)
  }

  @Test func theReportCannotReplaceTheHistory() throws {
    let workspace = try Self.recordedWorkspace()
    let before = workspace.historyBytes()
    let result = try workspace.run("2026-11-03", ["-o", workspace.history.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("cannot write the report to '\(workspace.history.path)': it is the run history"),
      "\(result.stderr)")
    #expect(workspace.historyBytes() == before)
    let runs = try workspace.verdict(["history", "--history", workspace.history.path, "--format", "json"]).stdout
    #expect(!runs.contains("2026-11-03"))
  }

  /// SQLite's files beside the history (its write-ahead log, its shared-memory index, its
  /// rollback journal) are the history's too: a report renamed to the log's name was removed
  /// when the history closed, and the run ended with status 0 and no report.
  @Test(arguments: ["-wal", "-shm", "-journal"])
  func theReportCannotReplaceAFileOfTheHistory(suffix: String) throws {
    let workspace = try Self.recordedWorkspace()
    let before = workspace.historyBytes()
    let result = try workspace.run("2026-11-03", ["-f", "csv", "-o", "./history.sqlite\(suffix)"])
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        "verdict: cannot write the report to './history.sqlite\(suffix)': it is the run history's "),
      "\(result.stderr)")
    #expect(result.stderr.contains("'\(workspace.history.path)'"), "\(result.stderr)")
    #expect(workspace.historyBytes() == before)
    #expect(!FileManager.default.fileExists(atPath: workspace.history.path + suffix))
    let runs = try workspace.verdict(["history", "--history", workspace.history.path, "--format", "json"]).stdout
    #expect(!runs.contains("2026-11-03"))
  }

  /// Before the history is made, a report aimed at its path would replace it when the run
  /// ends: refused too, and nothing is made.
  @Test func theReportCannotReplaceAHistoryNotYetMade() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    let result = try workspace.run("2026-11-01", ["-o", "./history.sqlite"])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("cannot write the report to './history.sqlite': it is the run history"),
      "\(result.stderr)")
    #expect(workspace.historyBytes() == nil)
  }

  /// The REPL's `:save` does not write over the history it reads (it did: the policy's text
  /// replaced the database).
  @Test func theREPLCannotSaveOverItsHistory() throws {
    let workspace = try Self.recordedWorkspace()
    let before = workspace.historyBytes()
    let result = try VerdictBinary.run(
      ["repl", "--history", workspace.history.path, "--today", "2026-11-03"],
      stdin: Data(":load policy.verdict\n:save ./history.sqlite\n:save saved.verdict\n".utf8), in: workspace.folder)
    #expect(
      result.stderr == "cannot save to './history.sqlite': it is the run history (--history); choose another file\n",
      "\(result.stderr)")
    #expect(result.stdout.contains("saved 6 statements to saved.verdict"), "\(result.stdout)")
    #expect(workspace.historyBytes() == before)
  }

  /// A cooldown longer than the calendar (the longest duration there is, or years from 9999)
  /// keeps the client cooling off until the last day there is; the longest one trapped.
  @Test func aCooldownPastTheCalendarEndsOnItsLastDay() throws {
    for (cooldown, today) in [("9223372036854775807s", "2026-11-01"), ("3d", "9999-12-30")] {
      let workspace = try HistoryWorkspace(
        policy: "field rude: bool\nwhen rude then recommend fire cooldown \(cooldown)\n")
      try workspace.write("clients.csv", "id,rude\nA,true\n")
      let result = try workspace.run(today, ["-f", "jsonl"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stdout.contains("\"status\":\"pending\",\"since\":\"\(today)\",\"cooling_off_until\":\"9999-12-31\""))
    }
  }

  /// `times_flagged` over the longest window counts every run (its first day overflowed).
  @Test func theLongestWindowCountsEveryRun() throws {
    let workspace = try HistoryWorkspace(
      policy: "field rude: bool\nwhen rude and times_flagged(9223372036854775807s) >= 2 then recommend fire\n"
        + "when rude then recommend review\n")
    try workspace.write("clients.csv", "id,rude\nA,true\n")
    for (day, verdict) in [("2026-11-01", "review"), ("2026-11-02", "review"), ("2026-11-03", "fire")] {
      let result = try workspace.run(day, ["-f", "csv"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("\nA,\(verdict),"), "\(day): \(result.stdout)")
    }
  }

  /// A data file that breaks off (an unterminated quote) says nothing of the clients after the
  /// break: they keep their cooldowns and stretches, rather than leave the data and come back
  /// as new (every one of them reported by `--changed`, their cooldowns started again).
  @Test func aFileReadInPartRecordsNoDepartures() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,true\nB,45,false\nC,0,false\n")
    try workspace.write("broken.csv", "id,late,rude\nC,\"0,false\nA,0,true\n")
    #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
    let broken = try workspace.run(
      HistoryWorkspace.november(2), ["-f", "html", "-o", "report.html"], data: "broken.csv")
    #expect(broken.status == 1 && broken.stderr.contains("could not be read to the end"), "\(broken.stderr)")
    let page = try String(contentsOf: workspace.url("report.html"), encoding: .utf8)
    #expect(!page.contains("Left the data"))
    // A's cooldown of 3 days from the 1st ran out on the 4th: due, and nobody else changed.
    let later = try workspace.run(HistoryWorkspace.november(4), ["--changed", "-f", "csv"])
    #expect(later.status == 0, "\(later.stderr)")
    let rows = later.stdout.split(separator: "\n").dropFirst().map { $0.prefix(2) }
    #expect(rows == ["A,"], "\(later.stdout)")
    #expect(later.stdout.contains(",due,"), "\(later.stdout)")
  }

  /// A client whose cooldown runs out on a day its row is an error (or is past where the file
  /// broke off) is due at the next run that judges it: a run that could not judge it did not
  /// tell the user, and `--changed` would never have shown it.
  @Test func aCooldownThatRanOutOnAnUnjudgedDayIsDueAtTheNextRun() throws {
    for unjudged in ["id,late,rude\nA,0,maybe\nB,45,false\n", "id,late,rude\nB,\"45,false\nA,0,true\n"] {
      let workspace = try HistoryWorkspace()
      try workspace.write("clients.csv", "id,late,rude\nA,0,true\nB,45,false\n")
      try workspace.write("unjudged.csv", unjudged)
      #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
      // The cooldown of 3 days from the 1st runs out on the 4th, when A cannot be judged.
      let fourth = try workspace.run(HistoryWorkspace.november(4), ["-f", "csv"], data: "unjudged.csv")
      #expect(fourth.status == 1, "\(fourth.stderr)")
      #expect(!fourth.stdout.contains(",due,"), "\(fourth.stdout)")
      let fifth = try workspace.run(HistoryWorkspace.november(5), ["--changed", "-f", "csv"])
      #expect(fifth.status == 0, "\(fifth.stderr)")
      let rows = fifth.stdout.split(separator: "\n").dropFirst().map { $0.prefix(2) }
      #expect(rows == ["A,"] && fifth.stdout.contains(",due,"), "\(unjudged): \(fifth.stdout)")
      // Once told, it is not due again.
      let sixth = try workspace.run(HistoryWorkspace.november(6), ["--changed", "-f", "csv"])
      #expect(!sixth.stdout.contains("\nA,"), "\(sixth.stdout)")
    }
  }

  /// A row whose key cell is blank (a totals row) names no client: it hides none, so a client
  /// missing from the data is still recorded as having left (it was kept, every day).
  @Test func aTotalsRowWithoutAKeyHidesNoDeparture() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("day1.csv", "id,late,rude\nA,0,false\nB,45,false\n,45,false\n")
    try workspace.write("day2.csv", "id,late,rude\nA,0,false\n,0,false\n")
    #expect(try workspace.run(HistoryWorkspace.november(1), data: "day1.csv").status == 1)
    #expect(try workspace.run(HistoryWorkspace.november(2), data: "day2.csv").status == 1)
    let timeline = try workspace.verdict(["history", "B", "--history", workspace.history.path])
    #expect(timeline.stdout.contains("(not in the data)"), "\(timeline.stdout)")
  }

  /// A key on two rows whose first row is an error: the second judges the client, so the run
  /// records it as judged, and its `due` is not reported again the next day.
  @Test func aClientJudgedOnItsSecondRowIsDueOnce() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,true\nB,45,false\n")
    try workspace.write("twice.csv", "id,late,rude\nB,45,false\nA,0,maybe\nA,0,true\n")
    #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
    let fourth = try workspace.run(HistoryWorkspace.november(4), ["--changed", "-f", "csv"], data: "twice.csv")
    #expect(fourth.stdout.contains("\nA,fire,") && fourth.stdout.contains(",due,"), "\(fourth.stdout)")
    let fifth = try workspace.run(HistoryWorkspace.november(5), ["--changed", "-f", "csv"])
    #expect(!fifth.stdout.contains("\nA,"), "\(fifth.stdout)")
  }

  /// So from standard input with a population function, whose rows are spooled between the two
  /// passes: the spool keeps that the row names no client.
  @Test func aTotalsRowOnStandardInputHidesNoDeparture() throws {
    let workspace = try HistoryWorkspace(
      policy: "field late: number\nwhen share(late) > 90% then recommend fire\notherwise recommend keep\n")
    for (day, data) in [(1, "id,late\nA,1\nB,45\n,46\n"), (2, "id,late\nA,1\n,1\n")] {
      let result = try VerdictBinary.run(
        ["run", "policy.verdict", "-", "--history", workspace.history.path, "--today", HistoryWorkspace.november(day)],
        stdin: Data(data.utf8), in: workspace.folder)
      #expect(result.status == 1, "\(result.stderr)")
    }
    let timeline = try workspace.verdict(["history", "B", "--history", workspace.history.path])
    #expect(timeline.stdout.contains("(not in the data)"), "\(timeline.stdout)")
  }

  /// Running a day again replaces what it kept unjudged with what it judges: due that day, so
  /// not the day after.
  @Test func aDayRunAgainForgetsWhomItCouldNotJudge() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,0,true\n")
    try workspace.write("unjudged.csv", "id,late,rude\nA,0,maybe\n")
    #expect(try workspace.run(HistoryWorkspace.november(1)).status == 0)
    #expect(try workspace.run(HistoryWorkspace.november(4), data: "unjudged.csv").status == 1)
    let again = try workspace.run(HistoryWorkspace.november(4), ["-f", "csv"])
    #expect(again.stdout.contains(",due,"), "\(again.stdout)")
    let fifth = try workspace.run(HistoryWorkspace.november(5), ["-f", "csv"])
    #expect(fifth.stdout.contains(",unchanged,"), "\(fifth.stdout)")
  }

  /// Nor does a row error without a key (a malformed JSON line): it may be any client's, so no
  /// client missing from the run is recorded as having left.
  @Test func aRowErrorWithoutAKeyRecordsNoDepartures() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write(
      "day1.jsonl", "{\"id\":\"A\",\"late\":0,\"rude\":true}\n{\"id\":\"B\",\"late\":45,\"rude\":false}\n")
    try workspace.write("day2.jsonl", "{\"id\":\"A\",\"late\":0,\"rude\":true}\n{\"id\":\"B\",\"late\":45,}\n")
    #expect(try workspace.run(HistoryWorkspace.november(1), data: "day1.jsonl").status == 0)
    #expect(try workspace.run(HistoryWorkspace.november(2), data: "day2.jsonl").status == 1)
    let timeline = try workspace.verdict(["history", "B", "--history", workspace.history.path])
    #expect(!timeline.stdout.contains("not in the data"), "\(timeline.stdout)")
    let later = try workspace.run(HistoryWorkspace.november(3), ["--changed", "-f", "csv"], data: "day1.jsonl")
    #expect(!later.stdout.contains("\nB,"), "\(later.stdout)")
  }

  /// Nor does a table record that names no client that can be trusted (ragged, its key not the
  /// first column), when the clients are the tables' keys.
  @Test func aTableRecordWithoutATrustedKeyRecordsNoDepartures() throws {
    let workspace = try HistoryWorkspace(
      policy: "table invoices keyed by client\n  field amount: money in EUR\nlet owed = sum(invoices.amount)\n"
        + "rule \"owes\" when owed > 1000€ then recommend fire\notherwise recommend keep\n")
    try workspace.write("day1.csv", "amount,client\n1200,A\n5,B\n")
    try workspace.write("day2.csv", "amount,client\n1200,A\n5,B,\n")
    for (day, file, status) in [(1, "day1.csv", Int32(0)), (2, "day2.csv", 1)] {
      let result = try workspace.verdict([
        "run", "policy.verdict", "--table", "invoices=\(file)", "--history", workspace.history.path, "--today",
        HistoryWorkspace.november(day),
      ])
      #expect(result.status == status, "\(result.stderr)")
    }
    let timeline = try workspace.verdict(["history", "B", "--history", workspace.history.path])
    #expect(!timeline.stdout.contains("not in the data"), "\(timeline.stdout)")
  }

  /// A data file or a policy given as the history is called what it is, and left alone.
  @Test func aTextFileIsNotAHistory() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    let before = try Data(contentsOf: workspace.url("clients.csv"))
    let result = try VerdictBinary.run(
      ["run", "policy.verdict", "clients.csv", "--history", "clients.csv", "--today", "2026-11-01"],
      in: workspace.folder)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "verdict: history clients.csv is not a history: it holds text, not an SQLite database\n"
        + "  hint: it is left as it is; --history names the file where runs are kept, made on the first run: "
        + "give a new file's name, or the history's own\n")
    #expect(try Data(contentsOf: workspace.url("clients.csv")) == before)
  }

  /// The commands that only read a history (`history`, `explain`, the REPL) change nothing:
  /// an empty file given as one (a new notes file) was made an SQLite database.
  @Test func readingCommandsLeaveAnEmptyFileAlone() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,45,false\n")
    try workspace.write("notes.txt", "")
    for arguments in [
      ["history", "A", "--history", "notes.txt"], ["history", "--history", "notes.txt"],
      ["explain", "policy.verdict", "clients.csv", "--client", "A", "--history", "notes.txt"],
      ["repl", "policy.verdict", "--history", "notes.txt"],
    ] {
      let result = try workspace.verdict(arguments)
      #expect(result.status == 2, "\(arguments): \(result.stdout) \(result.stderr)")
      #expect(result.stderr.contains("history notes.txt is empty: no run was recorded in it"), "\(result.stderr)")
      #expect(try Data(contentsOf: workspace.url("notes.txt")).isEmpty, "\(arguments)")
      #expect(!FileManager.default.fileExists(atPath: workspace.url("notes.txt-wal").path))
    }
  }

  /// A data file in UTF-16 (with its byte order mark) or Windows-1252 given as the history is
  /// text too, not a corrupt history to restore from a backup.
  @Test(arguments: [
    Data([0xFF, 0xFE]) + "id,late,rude\nA,45,false\n".data(using: .utf16LittleEndian)!,
    Data("id,Gr\u{FC}\u{DF}e,late\nA,1,45\n".data(using: .windowsCP1252)!),
  ])
  func aTextFileInAnotherEncodingIsNotAHistory(text: Data) throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,45,false\n")
    try text.write(to: workspace.url("export.csv"))
    let result = try VerdictBinary.run(
      ["run", "policy.verdict", "clients.csv", "--history", "export.csv", "--today", "2026-11-01"], in: workspace.folder
    )
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("verdict: history export.csv is not a history: it holds text"), "\(result.stderr)")
    #expect(try Data(contentsOf: workspace.url("export.csv")) == text)
  }

  /// A history named through a link to nothing is refused: SQLite made the link's target
  /// readable by everyone, where a history is made readable by its owner alone.
  @Test func aLinkToNothingIsRefused() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,45,false\n")
    try FileManager.default.createSymbolicLink(
      atPath: workspace.url("link.sqlite").path, withDestinationPath: "gone.sqlite")
    let result = try VerdictBinary.run(
      ["run", "policy.verdict", "clients.csv", "--history", "link.sqlite", "--today", "2026-11-01"],
      in: workspace.folder)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("verdict: history link.sqlite is a link to gone.sqlite, which does not exist"))
    #expect(!FileManager.default.fileExists(atPath: workspace.url("gone.sqlite").path))
    // Reading it says so too, not that there is no history.
    let shown = try workspace.verdict(["history", "--history", "link.sqlite"])
    #expect(shown.status == 2)
    #expect(shown.stderr.hasPrefix("verdict: history link.sqlite is a link to gone.sqlite"), "\(shown.stderr)")
  }

  /// A client without a key is not recorded, so it has no standing: it was "new" on every run,
  /// or cooling off for ever (`pending`, a new end each day); the summary says why it is shown.
  @Test func aClientWithoutAKeyHasNoStanding() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "who,late,rude\nA,0,true\n")
    for day in [1, 5] {
      let result = try workspace.run(HistoryWorkspace.november(day), ["--changed", "-f", "csv"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.hasSuffix("\nclients.csv:2,fire,rude,,3d,false,,,,,clients.csv:2,,,\n"), "\(result.stdout)")
      #expect(result.stderr.contains("warning: 1 client has no key, and the history records none of them"))
    }
  }

  @Test func changedNeedsAHistory() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    let result = try workspace.verdict(
      ["run", "policy.verdict", "clients.csv", "--today", "2026-11-01", "--changed"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "verdict: --changed needs a run history to compare with: give --history FILE (or --default-history)\n")
  }

  /// When a run is killed.
  enum KillMoment: String, CaseIterable, CustomTestStringConvertible {
    /// Once its report has begun: its clients are going into the open transaction.
    case reporting
    /// Once the transaction has spilled pages into the write-ahead log, uncommitted.
    case spilling

    var testDescription: String { rawValue }
  }

  @Test(arguments: KillMoment.allCases) func aKilledRunRecordsNothing(_ moment: KillMoment) throws {
    // On a loaded machine the run can write its log and commit between two looks at the log:
    // the kill then comes after the run and tests nothing, so it is tried again on a fresh
    // history, a few times before that counts as a failure.
    let attempts = 5
    for attempt in 1...attempts {
      if try killRun(at: moment, mustCatchIt: attempt == attempts) { return }
    }
  }

  /// Kills a run at `moment` and checks the history afterwards; returns `false`, without
  /// checking, when the run ended before the moment came and `mustCatchIt` is `false`.
  func killRun(at moment: KillMoment, mustCatchIt: Bool) throws -> Bool {
    let workspace = try Self.recordedWorkspace()
    try Self.manyClients(1_000_000).write(to: workspace.url("many.csv"))
    let before = try #require(workspace.historyBytes())
    let content = try workspace.content(clients: ["A", "B", "D"])

    let process = Process()
    process.executableURL = VerdictBinary.url
    process.arguments = [
      "run", "policy.verdict", "many.csv", "--history", workspace.history.path, "--today", "2026-11-03",
    ]
    process.currentDirectoryURL = workspace.folder
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    switch moment {
    case .reporting:
      let first = output.fileHandleForReading.readData(ofLength: 4096)
      #expect(!first.isEmpty)
    case .spilling:
      // Keep the report flowing until the log holds more than its 32-byte header.
      let reader = Thread { _ = output.fileHandleForReading.readDataToEndOfFile() }
      reader.start()
      let log = workspace.history.path + "-wal"
      let logSize = { ((try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int) ?? 0 }
      while process.isRunning && logSize() <= 32 { usleep(500) }
      guard logSize() > 32 || mustCatchIt else {
        process.waitUntilExit()
        return false
      }
      #expect(logSize() > 32, "the run ended before writing to the log")
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    #expect(workspace.historyBytes() == before, "the killed run changed the history file")
    let after = try workspace.content(clients: ["A", "B", "D"])
    switch moment {
    case .reporting:
      // The history is committed after the report is written, so this kill is always before it.
      #expect(after == content)
    case .spilling:
      // The run writes its changes in one burst just before it commits, so the kill may come
      // just after the commit: then the whole run is recorded (never a part of it).
      if after != content {
        let runs = try workspace.verdict(["history", "--history", workspace.history.path, "--format", "json"]).stdout
        #expect(
          runs.contains(#""day":"2026-11-03","policy":"policy.verdict","data":["many.csv"],"clients":1000000"#),
          "\(runs)")
      }
    }
    if SQLiteShell.isInstalled {
      #expect(try SQLiteShell.run(workspace.history, "PRAGMA integrity_check;") == "ok\n")
    }
    // The next run records as if the killed one had never been: B, late on the 2nd, is fine now.
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 5))
    let next = try workspace.run("2026-11-03", ["--changed", "-f", "csv"])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(
      next.stdout == HistoryMonthTests.header + "\n" + HistoryMonthTests.line("B", "keep", "", "changed", 3) + "\n")
    return true
  }

  @Test func twoRunsAtOnceLeaveAValidHistory() throws {
    let workspace = try Self.recordedWorkspace()
    try Self.manyClients(100_000).write(to: workspace.url("many.csv"))
    let runs = (0..<2).map { _ in
      let process = Process()
      process.executableURL = VerdictBinary.url
      process.arguments = [
        "run", "policy.verdict", "many.csv", "--history", workspace.history.path, "--today", "2026-11-03", "-f", "csv",
        "-o", "/dev/null",
      ]
      process.currentDirectoryURL = workspace.folder
      process.standardError = Pipe()
      return process
    }
    for run in runs { try run.run() }
    let errors = runs.map {
      String(decoding: ($0.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
    for run in runs { run.waitUntilExit() }
    let statuses = runs.map(\.terminationStatus)
    // Both record, one after the other (the second replaces the day), or one is told the
    // history is busy.
    #expect(statuses.filter { $0 == 0 }.count >= 1, "\(errors)")
    for (status, error) in zip(statuses, errors) where status != 0 {
      #expect(status == 2)
      #expect(error.hasPrefix("verdict: history \(workspace.history.path) is busy"), "\(error)")
    }
    if SQLiteShell.isInstalled {
      #expect(try SQLiteShell.run(workspace.history, "PRAGMA integrity_check;") == "ok\n")
    }
    let shown = try workspace.verdict(["history", "--history", workspace.history.path])
    let days = shown.stdout.split(separator: "\n").dropFirst().map { $0.prefix(10) }
    #expect(days == ["2026-11-01", "2026-11-02", "2026-11-03"], "\(shown.stdout)")
    #expect(shown.stdout.contains("2026-11-03  policy.verdict  100000"), "\(shown.stdout)")
  }

  /// A history with a second name (a hard link) is refused by every command: SQLite keeps its
  /// log beside the name, so two overlapping runs through the two names both ended with exit
  /// status 0 and one of them was lost.
  @Test func aHistoryWithTwoNamesIsRefused() throws {
    let workspace = try Self.recordedWorkspace()
    let other = workspace.url("other.sqlite").path
    #expect(link(workspace.history.path, other) == 0)
    let before = workspace.historyBytes()
    for path in [workspace.history.path, other] {
      let refusal =
        "verdict: history \(path) has 2 names (hard links): SQLite keeps its log beside the name it opens, "
        + "so runs through two names would not see each other's, and a run could be lost\n"
        + "  hint: it is left as it is; keep one name (remove the other links), or make the others symbolic "
        + "links (ln -s), which are followed\n"
      let run = try workspace.verdict(
        ["run", "policy.verdict", "clients.csv", "--history", path, "--today", "2026-11-03"])
      #expect(run.status == 2)
      #expect(run.stdout.isEmpty)
      #expect(run.stderr == refusal)
      let shown = try workspace.verdict(["history", "--history", path])
      #expect(shown.status == 2)
      #expect(shown.stderr == refusal)
    }
    #expect(workspace.historyBytes() == before)
    #expect(unlink(other) == 0)
    #expect(try workspace.run("2026-11-03").status == 0)
  }

  /// A symbolic link to a history is followed: SQLite keeps the log beside the file it names,
  /// so a run through the link and one through the file share it.
  @Test func aSymbolicLinkIsFollowed() throws {
    let workspace = try Self.recordedWorkspace()
    let other = workspace.url("other.sqlite").path
    #expect(symlink(workspace.history.path, other) == 0)
    let run = try workspace.verdict(
      ["run", "policy.verdict", "clients.csv", "--history", other, "--today", "2026-11-03"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    let shown = try workspace.verdict(["history", "--history", workspace.history.path])
    #expect(shown.stdout.contains("2026-11-03"))
  }
}
