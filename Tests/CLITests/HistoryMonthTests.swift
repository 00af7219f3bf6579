import Foundation
import Testing

/// A month of daily `verdict run --history` runs, `--today` stepping through November 2026:
/// verdicts changing, a cooldown going pending → due → unchanged, what `--changed` reports each
/// day, and a same-day re-run that leaves the history as it was.
struct HistoryMonthTests {
  /// The clients on `day`: A is always fine; B is late on the 3rd, 4th, 10th and 11th (the
  /// 11th is its third flagged day within 30 days: review); C turns rude on the 15th; D is rude
  /// throughout, and its row on the 25th cannot be read.
  static func clients(day: Int) -> String {
    let late = [3, 4, 10, 11].contains(day) ? "40" : "0"
    return "id,late,rude\nA,0,false\nB,\(late),false\nC,0,\(day >= 15)\nD,\(day == 25 ? "x" : "0"),true\n"
  }

  /// A line of the CSV report: the client (its row), verdict, rule, status, since and until.
  static func line(
    _ client: String, _ verdict: String, _ rule: String, _ status: String, _ since: Int, _ until: Int? = nil
  )
    -> String
  {
    let row = ["A": 2, "B": 3, "C": 4, "D": 5][client]!
    let cooldown = rule == "rude" ? "3d" : ""
    let end = until.map(HistoryWorkspace.november) ?? ""
    return "\(client),\(verdict),\(rule),,\(cooldown),false,,,,,clients.csv:\(row),\(status),"
      + "\(HistoryWorkspace.november(since)),\(end)"
  }

  static let header =
    "client,verdict,rule,notice,cooldown,hold_until_paid,meet,reason,refer,error,source,status,since,cooling_off_until"

  /// What `--changed` reports each day; the days not listed have no news.
  static let news: [Int: [String]] = [
    1: [
      line("A", "keep", "", "new", 1), line("B", "keep", "", "new", 1), line("C", "keep", "", "new", 1),
      line("D", "fire", "rude", "pending", 1, 4),
    ],
    3: [line("B", "talk", "late", "changed", 3)],
    4: [line("D", "fire", "rude", "due", 1)],
    5: [line("B", "keep", "", "changed", 5)],
    10: [line("B", "talk", "late", "changed", 10)],
    11: [line("B", "review", "repeat", "changed", 11)],
    12: [line("B", "keep", "", "changed", 12)],
    15: [line("C", "fire", "rude", "pending", 15, 18)],
    18: [line("C", "fire", "rude", "due", 15)],
    25: ["D,error,,,,,,,,\"late: \"\"x\"\" is not a number\",clients.csv:5,,,"],
  ]

  /// Lines of the full report on some days: the cooldowns while pending, once due, and after.
  static let standings: [Int: [String]] = [
    2: [line("D", "fire", "rude", "pending", 1, 4), line("A", "keep", "", "unchanged", 1)],
    4: [line("B", "talk", "late", "unchanged", 3)],
    5: [line("D", "fire", "rude", "unchanged", 1)],
    14: [line("C", "keep", "", "unchanged", 1)],
    16: [line("C", "fire", "rude", "pending", 15, 18)],
    17: [line("C", "fire", "rude", "pending", 15, 18)],
    19: [line("C", "fire", "rude", "unchanged", 15)],
    26: [line("D", "fire", "rude", "unchanged", 1)],
    30: [line("C", "fire", "rude", "unchanged", 15), line("B", "keep", "", "unchanged", 12)],
  ]

  @Test func aMonthOfDailyRuns() throws {
    let workspace = try HistoryWorkspace()
    for day in 1...30 {
      let today = HistoryWorkspace.november(day)
      try workspace.write("clients.csv", Self.clients(day: day))
      let changed = try workspace.run(today, ["--changed", "-f", "csv"])
      let news = Self.news[day] ?? []
      #expect(changed.stdout == ([Self.header] + news).map { $0 + "\n" }.joined(), "\(today): --changed")
      #expect(changed.status == (day == 25 ? 1 : 0), "\(today): \(changed.stderr)")
      let recorded = try workspace.content(clients: ["A", "B", "C", "D"])

      // --quiet leaves out the clients back at the otherwise verdict, and a day without other
      // news prints nothing at all.
      let quiet = try workspace.run(today, ["--changed", "--quiet", "-f", "csv"])
      let worrying = news.filter { !$0.contains(",keep,") }
      #expect(quiet.stdout == (worrying.isEmpty ? "" : ([Self.header] + worrying).map { $0 + "\n" }.joined()))
      if worrying.isEmpty {
        #expect(quiet.stderr.isEmpty, "\(today): a quiet day writes nothing: \(quiet.stderr)")
      }
      #expect(quiet.status == changed.status)

      // The same day run again, reporting every client: the history stays as it was.
      let again = try workspace.run(today, ["-f", "csv"])
      #expect(try workspace.content(clients: ["A", "B", "C", "D"]) == recorded, "\(today): re-run changed the history")
      let lines = again.stdout.split(separator: "\n").map(String.init)
      #expect(lines.count == 5 && lines.first == Self.header, "\(today): \(again.stdout)")
      for standing in Self.standings[day] ?? [] {
        #expect(lines.contains(standing), "\(today): no line \(standing) in\n\(again.stdout)")
      }
      for news in Self.news[day] ?? [] {
        #expect(lines.contains(news), "\(today): --changed line \(news) not in the full report")
      }
    }
    let runs = try workspace.verdict(["history", "--history", workspace.history.path, "--format", "json"]).stdout
    #expect(runs.split(separator: "\n").filter { $0.contains("\"day\"") }.count == 30)
  }

  @Test func theTableShowsCoolingOffAndDue() throws {
    let workspace = try HistoryWorkspace()
    var shown: [Int: String] = [:]
    for day in 14...19 {
      try workspace.write("clients.csv", Self.clients(day: day))
      shown[day] = try workspace.run(HistoryWorkspace.november(day)).stdout
    }
    let rowOfC = { (day: Int) in
      shown[day]?.split(separator: "\n").first { $0.hasPrefix("C ") }.map {
        $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
      }
    }
    #expect(rowOfC(14) == "C keep - -")
    #expect(rowOfC(15) == "C fire (cooling off until 2026-11-18) rude -")
    #expect(rowOfC(17) == "C fire (cooling off until 2026-11-18) rude -")
    #expect(rowOfC(18) == "C fire (due) rude -")
    #expect(rowOfC(19) == "C fire rude -")
  }

  @Test func aRowWithAnErrorKeepsTheEarlierVerdict() throws {
    let workspace = try HistoryWorkspace()
    for day in 24...26 {
      try workspace.write("clients.csv", Self.clients(day: day))
      _ = try workspace.run(HistoryWorkspace.november(day))
    }
    let timeline = try workspace.verdict(["history", "D", "--history", workspace.history.path])
    #expect(timeline.stdout == "day         verdict  rule  clauses\n2026-11-24  fire     rude  cooldown 3d\n")
    let runs = try workspace.verdict(["history", "--history", workspace.history.path]).stdout
    let errorsOn25 = runs.split(separator: "\n").first { $0.hasPrefix("2026-11-25") }
    #expect(
      errorsOn25?.split(separator: " ", omittingEmptySubsequences: true).prefix(5).joined(separator: " ")
        == "2026-11-25 policy.verdict 4 0 1")
  }
}
