import Foundation
import GRDB
import TestSupport
import Testing
import VerdictHistory

/// Several connections and processes on one history: a killed recording leaves the file as it
/// was, concurrent recordings go one after the other or the second says it waited too long.
@Suite struct HistoryProcessTests {
  static func child(_ arguments: [String]) throws -> (process: Process, output: Pipe, errors: Pipe) {
    let process = Process()
    process.executableURL = try BuiltProducts.url(of: "history-bench")
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    return (process, output, errors)
  }

  @Test func aRecordingKilledMidwayLeavesTheHistoryAsItWas() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    do {
      let history = try History.open(path: path)
      try Sample.record(history, 1, (0..<500).map { Sample.outcome("C\($0)", $0 % 7 == 0 ? "talk" : "keep") })
      try Sample.record(history, 2, (0..<500).map { Sample.outcome("C\($0)", $0 % 5 == 0 ? "fire" : "keep") })
    }
    let before = try contents(of: path)
    // A run of 200,000 new clients: more than the page cache holds, so uncommitted pages reach the WAL.
    let (process, output, _) = try Self.child(["hang", path, "400", "200000"])
    let said = output.fileHandleForReading.availableData
    #expect(String(decoding: said, as: UTF8.self) == "recording\n")
    let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(wal > 1_000_000, "the killed run had written \(wal) bytes to the WAL")

    let history = try History.open(path: path)
    let check = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    #expect(check == ["ok"])
    #expect(try contents(of: path) == before)
    #expect(try history.runs().map(\.info.today) == [Sample.day(1), Sample.day(2)])
    try Sample.record(history, 3, [Sample.outcome("C1", "keep")])
  }

  @Test func twoProcessesRecordingAtOnceBothSucceedOneAfterTheOther() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    _ = try History.open(path: path)
    // Each holds the write lock for 0.5 s before committing; the other waits (busy timeout 5 s).
    let first = try Self.child(["record", path, "10", "2000", "500"])
    let second = try Self.child(["record", path, "10", "3000", "500"])
    for child in [first, second] {
      child.process.waitUntilExit()
      let errors = String(decoding: child.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(child.process.terminationStatus == 0, "\(errors)")
      #expect(
        String(decoding: child.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
          == "recorded 2026-01-11\n")
    }
    // The day was recorded twice; the later recording replaced the earlier one whole.
    let runs = try History.open(path: path).runs()
    #expect(runs.count == 1)
    #expect([2000, 3000].contains(runs[0].clients))
    #expect(try storedCount("keys", in: path) == runs[0].clients)
    let check = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    #expect(check == ["ok"])
  }

  @Test func aRecordingThatWaitsLongerThanTheBusyTimeoutFailsClearly() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    let holder = try History.open(path: path)
    let waiter = try History.open(path: path, busyTimeout: 0.2)
    let recording = try holder.beginRun(Sample.run(1))
    try recording.add(Sample.outcome("A", "talk"))
    let error = #expect(throws: HistoryError.self) { try waiter.beginRun(Sample.run(1)) }
    #expect(error?.kind == .busy)
    #expect(error?.message.hasPrefix("history \(path) is busy: another run is recording into it") == true)
    // Readers are not blocked by a recording, and do not see it before it commits.
    #expect(try waiter.runs().isEmpty)
    try recording.commit(counts: ["talk": 1], errors: 0)
    #expect(try waiter.runs().count == 1)
    try Sample.record(waiter, 2, [Sample.outcome("A", "keep")])
    #expect(try holder.facts(before: Sample.day(3)).client("A")?.lastVerdict == "keep")
  }

  @Test func aRecordingWaitsForAnotherConnectionsRecordingToCommit() throws {
    let scratch = HistoryScratch()
    let path = scratch.path()
    let holder = try History.open(path: path)
    let waiter = try History.open(path: path)
    // Handed to one other thread, which alone uses it from then on.
    nonisolated(unsafe) let recording = try holder.beginRun(Sample.run(1))
    try recording.add(Sample.outcome("A", "talk"))
    let committed = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      usleep(300_000)
      try? recording.commit(counts: [:], errors: 0)
      committed.signal()
    }
    let clock = ContinuousClock()
    let start = clock.now
    try Sample.record(waiter, 2, [Sample.outcome("A", "fire")])
    #expect(clock.now - start > .milliseconds(250))
    committed.wait()
    #expect(try History.open(path: path).timeline(of: "A").map(\.verdict) == ["talk", "fire"])
  }
}
