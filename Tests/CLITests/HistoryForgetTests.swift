import Foundation
import Testing

/// `verdict history --forget-from DAY`: a run recorded with a wrong `--today` refuses every
/// daily run until it is removed; removing it keeps what the runs before it recorded.
struct HistoryForgetTests {
  /// The local date `offset` days from now, as `--today` takes it: a daily run without `--today`
  /// judges the real date, so these days are around it. (A test that runs across midnight may
  /// see the day change under it.)
  static func day(_ offset: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let date = calendar.date(byAdding: .day, value: offset, to: Date())!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  @Test func aRunOfAWrongDayIsForgottenAndTheDailyRunGoesOn() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,40,false\nB,0,false\n")
    // A is late on three days before today: flagged three times when today's run judges it.
    for offset in [-3, -2, -1] {
      let result = try workspace.run(Self.day(offset), ["-f", "jsonl"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains(#""verdict":"talk""#))
    }
    // A mistyped --today a month ahead, with a client seen only then.
    try workspace.write("clients.csv", "id,late,rude\nA,40,false\nB,0,false\nTEST,0,true\n")
    let wrong = Self.day(30)
    #expect(try workspace.run(wrong).status == 0)
    try workspace.write("clients.csv", "id,late,rude\nA,40,false\nB,0,false\n")
    let daily = ["run", "policy.verdict", "clients.csv", "--history", "history.sqlite", "-f", "jsonl"]

    let refused = try workspace.verdict(daily)
    #expect(refused.status == 2)
    #expect(
      refused.stderr == """
        verdict: history history.sqlite has a run of \(wrong); a run of \(Self.day(0)) would rewrite the past
          hint: its run of \(wrong) is after today's date (\(Self.day(0))), likely recorded with a wrong --today; \
        remove it with: verdict history --history history.sqlite --forget-from \(wrong)

        """)

    let forget = try workspace.verdict(["history", "--history", "history.sqlite", "--forget-from", wrong])
    #expect(forget.status == 0, "\(forget.stderr)")
    #expect(forget.stderr == "")
    #expect(
      forget.stdout == """
        removed 1 run of \(wrong) from history history.sqlite:
        day         policy          clients  changed  errors  verdicts
        \(wrong)  policy.verdict  3        1        0       fire 1, review 0, talk 1, watch 0, keep 1

        """)
    let again = try workspace.verdict(["history", "--history", "history.sqlite", "--forget-from", wrong])
    #expect(again.status == 2)
    #expect(
      again.stderr == """
        verdict: history history.sqlite has no run of \(wrong) or later: nothing was removed
          hint: its latest run is of \(Self.day(-1))

        """)

    // The daily run: the three earlier runs still count (times_flagged(30d) is 3: A is flagged
    // again and again), and B has kept the same verdict since the first of them.
    let ran = try workspace.verdict(daily)
    #expect(ran.status == 0, "\(ran.stderr)")
    let lines = ran.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix(#"{"client":"A","verdict":"review","rule":"repeat","#) == true)
    #expect(lines.first?.hasSuffix(#""status":"changed","since":"\#(Self.day(0))","cooling_off_until":null}"#) == true)
    #expect(lines.last?.hasPrefix(#"{"client":"B","verdict":"keep","#) == true)
    #expect(
      lines.last?.hasSuffix(#""status":"unchanged","since":"\#(Self.day(-3))","cooling_off_until":null}"#) == true)
    let runs = try workspace.verdict(["history", "--history", "history.sqlite", "-f", "json"]).stdout
    let days = runs.split(separator: "\n").compactMap { line in
      line.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression).map { String(line[$0]) }
    }
    #expect(days == [-3, -2, -1, 0].map(Self.day))
    if SQLiteShell.isInstalled { #expect(try SQLiteShell.run(workspace.history, "PRAGMA integrity_check") == "ok\n") }
    let test = try workspace.verdict(["history", "TEST", "--history", "history.sqlite"])
    #expect(test.status == 2)
    #expect(test.stderr.hasPrefix("verdict: the history has no client \"TEST\""))
  }

  @Test func aClientOrADateThatIsNoneIsRefused() throws {
    let workspace = try HistoryWorkspace()
    try workspace.write("clients.csv", "id,late,rude\nA,40,false\n")
    #expect(try workspace.run("2026-11-03").status == 0)
    let before = workspace.historyBytes()
    let client = try workspace.verdict(["history", "A", "--history", "history.sqlite", "--forget-from", "2026-11-03"])
    #expect(client.status == 2)
    #expect(
      client.stderr == """
        verdict: --forget-from removes whole runs, not a client's part of them
          hint: give it without CLIENT

        """)
    let date = try workspace.verdict(["history", "--history", "history.sqlite", "--forget-from", "2026-11-31"])
    #expect(date.status == 2)
    #expect(date.stderr.hasPrefix("verdict: --forget-from takes a date such as 2026-11-28, not '2026-11-31'"))
    let missing = try workspace.verdict(["history", "--history", "none.sqlite", "--forget-from", "2026-11-03"])
    #expect(missing.status == 2)
    #expect(!FileManager.default.fileExists(atPath: workspace.url("none.sqlite").path))
    #expect(workspace.historyBytes() == before)
  }
}
