import Foundation
import Testing

/// `verdict history`: the runs a history holds, or one client's timeline, as text or JSON.
struct HistoryCommandTests {
  /// A history with runs on the 3rd, 4th and 5th of November of the month tests' clients.
  static func workspace() throws -> HistoryWorkspace {
    let workspace = try HistoryWorkspace()
    for day in 3...5 {
      try workspace.write("clients.csv", HistoryMonthTests.clients(day: day))
      #expect(try workspace.run(HistoryWorkspace.november(day)).status == 0)
    }
    return workspace
  }

  @Test func theRuns() throws {
    let workspace = try Self.workspace()
    let text = try workspace.verdict(["history", "--history", "history.sqlite"])
    #expect(text.status == 0)
    #expect(
      text.stdout == """
        day         policy          clients  changed  errors  verdicts
        2026-11-03  policy.verdict  4        4        0       fire 1, review 0, talk 1, watch 0, keep 2
        2026-11-04  policy.verdict  4        0        0       fire 1, review 0, talk 1, watch 0, keep 2
        2026-11-05  policy.verdict  4        1        0       fire 1, review 0, talk 0, watch 0, keep 3

        """)
    let json = try workspace.verdict(["history", "--history", "history.sqlite", "--format", "json"])
    let day = { (date: String, changed: Int, talk: Int) in
      "{\"day\":\"\(date)\",\"policy\":\"policy.verdict\",\"data\":[\"clients.csv\"],\"clients\":4,"
        + "\"changed\":\(changed),\"errors\":0,\"verdicts\":{\"keep\":\(3 - talk),\"watch\":0,\"talk\":\(talk),"
        + "\"review\":0,\"fire\":1}}"
    }
    #expect(
      json.stdout
        == "[\n  \(day("2026-11-03", 4, 1)),\n  \(day("2026-11-04", 0, 1)),\n  \(day("2026-11-05", 1, 0))\n]\n")
  }

  @Test func aClientsTimeline() throws {
    let workspace = try Self.workspace()
    let text = try workspace.verdict(["history", "B", "--history", "history.sqlite"])
    // The key as a report written with invisible spaces around it shows it: the same client.
    let padded = try workspace.verdict(["history", "\u{FEFF}B\u{A0}", "--history", "history.sqlite"])
    #expect(padded.stdout == text.stdout && padded.status == 0, "\(padded.stderr)")
    #expect(
      text.stdout == """
        day         verdict  rule  clauses
        2026-11-03  talk     late
        2026-11-05  keep     -

        """)
    let json = try workspace.verdict(["history", "B", "--history", "history.sqlite", "-f", "json"])
    #expect(
      json.stdout == """
        [
          {"day":"2026-11-03","verdict":"talk","rule":"late","clauses":{}},
          {"day":"2026-11-05","verdict":"keep","rule":null,"clauses":{}}
        ]

        """)
  }

  @Test func unknownClientsAndMissingFilesAreRefused() throws {
    let workspace = try Self.workspace()
    let unknown = try workspace.verdict(["history", "Nobody", "--history", "history.sqlite"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "verdict: the history has no client \"Nobody\"\n")
    // A key not found is quoted with its invisible spaces and control characters shown.
    let hidden = try workspace.verdict(["history", "Z\u{A0}Y\u{1B}", "--history", "history.sqlite"])
    #expect(hidden.stderr == "verdict: the history has no client \"Z\\u{A0}Y\\u{1B}\"\n")
    let missing = try workspace.verdict(["history", "--history", "none.sqlite"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "verdict: there is no history at none.sqlite (verdict run --history creates one)\n")
    #expect(!FileManager.default.fileExists(atPath: workspace.url("none.sqlite").path))
  }

  /// A key not found is looked up exactly (keys are data), but the hint names the key that
  /// differs from it only in case, else the nearest key, as every "did you mean" does.
  @Test func aKeyNotFoundSuggestsTheKeyMeant() throws {
    let workspace = try HistoryWorkspace(policy: "field late: number\nwhen late > 30 then recommend talk\n")
    try workspace.write("clients.csv", "id,late\nC102,40\nC1O2,0\nHartmann,0\nAb,0\nAB,0\n")
    #expect(try workspace.run("2026-11-01").status == 0)
    let cases = [
      ("c102", "\"C102\""),
      ("hartmann", "\"Hartmann\""),
      ("Hartman", "\"Hartmann\""),
      ("ab", "one of \"Ab\", \"AB\""),
    ]
    for (typed, meant) in cases {
      let result = try workspace.verdict(["history", typed, "--history", "history.sqlite"])
      #expect(result.status == 2)
      #expect(
        result.stderr == "verdict: the history has no client \"\(typed)\"\n  hint: did you mean \(meant)?\n",
        "\(typed)")
    }
    let exact = try workspace.verdict(["history", "C1O2", "--history", "history.sqlite"])
    #expect(exact.status == 0 && exact.stdout.hasPrefix("day         verdict  rule  clauses\n2026-11-01  keep"))
  }

  /// A policy path with a line feed, a tab and an escape is shown escaped in its cell, as the
  /// messages show file names: printed as it was, it made a line that looked like a run of its
  /// own. (The JSON escapes it as a JSON string.)
  @Test func controlCharactersInARecordedPathAreEscaped() throws {
    let workspace = try HistoryWorkspace()
    let name = "p\n2099-01-01  fake.verdict  9\t\u{1B}[31m.verdict"
    try workspace.write(name, HistoryWorkspace.policy)
    try workspace.write("clients.csv", HistoryMonthTests.clients(day: 1))
    let run = try workspace.verdict(
      ["run", name, "clients.csv", "--history", "history.sqlite", "--today", "2026-11-01"])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try workspace.verdict(["history", "--history", "history.sqlite"])
    #expect(text.status == 0)
    let shown = "p\\u{A}2099-01-01  fake.verdict  9\\u{9}\\u{1B}[31m.verdict"
    #expect(
      text.stdout == """
        day         policy\(String(repeating: " ", count: shown.count - 4))clients  changed  errors  verdicts
        2026-11-01  \(shown)  4        4        0       fire 1, review 0, talk 0, watch 0, keep 3

        """)
  }

  /// An unnamed rule is recorded with the label the report gives it, `line N`, so that a
  /// client's timeline and the run's report name it alike (it was recorded as `rule N`).
  @Test func anUnnamedRuleIsRecordedByItsLine() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number

        when late > 30 then recommend talk
        otherwise recommend keep

        """)
    try workspace.write("clients.csv", "id,late\nA,40\n")
    let run = try workspace.run("2026-11-01")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("A       talk     line 3"), "\(run.stdout)")
    let timeline = try workspace.verdict(["history", "A", "--history", "history.sqlite"])
    #expect(
      timeline.stdout == """
        day         verdict  rule    clauses
        2026-11-01  talk     line 3

        """)
  }

  /// Two unnamed rules that start on one line are labelled by their column too, so that the
  /// history records the one taking the other's place (both were `line 3`: no change at all).
  @Test func unnamedRulesOnOneLineAreToldApart() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field late: number

        when late > 30 then recommend talk when late > 10 then recommend talk
        when late > 90 then recommend fire
        otherwise recommend keep

        """)
    try workspace.write("clients.csv", "id,late\nA,40\n")
    let first = try workspace.run("2026-11-01")
    #expect(first.stdout.contains("A       talk     line 3:1 "), "\(first.stdout)")
    try workspace.write("clients.csv", "id,late\nA,20\n")
    let second = try workspace.run("2026-11-02")
    #expect(second.stdout.contains("A       talk     line 3:36"), "\(second.stdout)")
    try workspace.write("clients.csv", "id,late\nA,95\n")
    #expect(try workspace.run("2026-11-03").stdout.contains("A       fire     line 4 "))
    let timeline = try workspace.verdict(["history", "A", "--history", "history.sqlite"])
    #expect(
      timeline.stdout == """
        day         verdict  rule       clauses
        2026-11-01  talk     line 3:1
        2026-11-02  talk     line 3:36
        2026-11-03  fire     line 4

        """)
    let runs = try workspace.verdict(["history", "--history", "history.sqlite", "-f", "json"])
    // The second run changed the client's rule: a change, where the labels were one.
    let secondRun = "\"day\":\"2026-11-02\",\"policy\":\"policy.verdict\",\"data\":[\"clients.csv\"],\"clients\":1"
    #expect(runs.stdout.contains(secondRun + ",\"changed\":1,"), "\(runs.stdout)")
  }

  /// `clients` counts the distinct clients the history holds for a run: a known client whose row
  /// is an error (kept with its outcome), not a new one (nothing to keep); a key on two rows
  /// once. The verdict counts and errors count rows.
  @Test func clientsAreTheDistinctClientsTheRunRecorded() throws {
    let workspace = try HistoryWorkspace(
      policy: """
        field n: number
        when n > 5 then recommend fire
        otherwise recommend keep

        """)
    for (day, rows) in [(1, "A,1\nB,1\n"), (2, "A,x\nB,1\n"), (3, "A,1\nB,1\nC,x\n"), (4, "A,1\nA,9\nB,1\n")] {
      try workspace.write("clients.csv", "id,n\n" + rows)
      _ = try workspace.run(HistoryWorkspace.november(day))
    }
    let runs = try workspace.verdict(["history", "--history", "history.sqlite"])
    let columns = runs.stdout.split(separator: "\n").dropFirst().map { line in
      line.split(separator: " ", omittingEmptySubsequences: true)[2...4].joined(separator: " ")
    }
    // clients, changed, errors
    #expect(columns == ["2 2 0", "2 0 1", "2 0 1", "2 0 0"], "\(runs.stdout)")
  }
}
