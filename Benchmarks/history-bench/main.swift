import Foundation
import Verdict
import VerdictHistory

// Measures the run history, and serves the history tests as a child process:
//
//   history-bench bench [SMALL_REPS] [LARGE_REPS]   recording 1,000 and 1,000,000 clients, facts(before:)
//   history-bench year FILE                          365 daily runs x 1,000 clients, 2% changing a day
//   history-bench record FILE DAY CLIENTS HOLD_MS    records a run, holding the lock HOLD_MS before commit
//   history-bench hang FILE DAY CLIENTS              adds CLIENTS new clients, says "recording", waits

let arguments = Array(CommandLine.arguments.dropFirst())
let start = CalendarDate(year: 2026, month: 1, day: 1)!

func day(_ offset: Int) -> CalendarDate {
  CalendarDate(daysSinceEpoch: start.daysSinceEpoch + Int64(offset))
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

do {
  switch arguments.first {
  case "bench":
    let small = arguments.count > 1 ? Int(arguments[1]) ?? 21 : 21
    let large = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
    try Measurements(smallRepetitions: small, largeRepetitions: large).run()
  case "year":
    guard arguments.count == 2 else { fail("usage: history-bench year FILE") }
    try Measurements.year(path: arguments[1])
  case "record":
    guard arguments.count == 5, let offset = Int(arguments[2]), let clients = Int(arguments[3]),
      let hold = UInt32(arguments[4])
    else { fail("usage: history-bench record FILE DAY CLIENTS HOLD_MS") }
    let history = try History.open(path: arguments[1])
    let recorder = try history.beginRun(Population.run(on: day(offset)))
    let population = Population(count: clients, seed: UInt64(offset))
    for index in 0..<clients { try recorder.add(population.outcome(index)) }
    usleep(hold * 1000)
    try recorder.commit(counts: [:], errors: 0)
    print("recorded \(day(offset))")
  case "hang":
    guard arguments.count == 4, let offset = Int(arguments[2]), let clients = Int(arguments[3]) else {
      fail("usage: history-bench hang FILE DAY CLIENTS")
    }
    let history = try History.open(path: arguments[1])
    let recorder = try history.beginRun(Population.run(on: day(offset)))
    // Long keys, so that the run outgrows the page cache and uncommitted pages reach the WAL.
    let padding = String(repeating: "x", count: 300)
    for index in 0..<clients {
      try recorder.add(ClientOutcome(key: "H\(index)" + padding, verdict: "fire", severity: 3, rule: "hang"))
    }
    FileHandle.standardOutput.write(Data("recording\n".utf8))
    while true { sleep(60) }
  default:
    fail("usage: history-bench bench|year|record|hang …")
  }
} catch {
  fail("\(error)")
}
