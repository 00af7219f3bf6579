import Foundation
import Verdict
import VerdictHistory

/// The history's benchmark: each measurement is repeated and its median printed.
struct Measurements {
  var smallRepetitions: Int
  var largeRepetitions: Int

  private static func scratch(_ name: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("history-bench-\(getpid())-\(name).sqlite")
      .path
    remove(path)
    return path
  }

  private static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  private static func milliseconds(_ values: [Double]) -> String {
    String(
      format: "median %.1f ms (min %.1f, max %.1f, n=%d)", median(values) * 1000, values.min()! * 1000,
      values.max()! * 1000, values.count)
  }

  /// Resident memory of this process, in bytes (VmRSS).
  static func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
    }
    return 0
  }

  func run() throws {
    // 1,000 clients: a first run, then daily runs with 2% of clients changing.
    let smallPath = Self.scratch("small")
    defer { Self.remove(smallPath) }
    var small = Population(count: 1000)
    let smallHistory = try History.open(path: smallPath)
    let first = try small.record(into: smallHistory, on: day(0))
    var daily: [Double] = []
    for offset in 1...smallRepetitions {
      small.drift(permille: 20)
      daily.append(try small.record(into: smallHistory, on: day(offset)))
    }
    print(String(format: "record 1,000 clients, first run: %.1f ms", first * 1000))
    print("record 1,000 clients, 2% changed:", Self.milliseconds(daily))
    var factTimes: [Double] = []
    for _ in 0..<smallRepetitions {
      factTimes.append(try Self.timed { _ = try smallHistory.facts(before: day(smallRepetitions + 1)) })
    }
    print("facts(before:) over 1,000 clients:", Self.milliseconds(factTimes))

    // 1,000,000 clients: a first run (all new), a second (2% changed), facts before a third.
    var firstRuns: [Double] = []
    var secondRuns: [Double] = []
    var factRuns: [Double] = []
    var factMemory: [Double] = []
    var size = 0
    for _ in 0..<largeRepetitions {
      let path = Self.scratch("large")
      defer { Self.remove(path) }
      var large = Population(count: 1_000_000)
      let history = try History.open(path: path)
      firstRuns.append(try large.record(into: history, on: day(0)))
      large.drift(permille: 20)
      secondRuns.append(try large.record(into: history, on: day(1)))
      let before = Self.residentBytes()
      var facts: HistoryFacts?
      factRuns.append(try Self.timed { facts = try history.facts(before: day(2)) })
      factMemory.append(Double(Self.residentBytes() - before) / 1_048_576)
      precondition(facts?.client("C1000000") != nil && facts?.clientCount == 1_000_000)
      facts = nil
      size = Self.fileSize(path)
    }
    print("record 1,000,000 clients, first run (all new):", Self.milliseconds(firstRuns))
    print("record 1,000,000 clients, second run (2% changed):", Self.milliseconds(secondRuns))
    print("facts(before:) over 1,000,000 clients:", Self.milliseconds(factRuns))
    print(
      String(
        format: "facts(before:) over 1,000,000 clients, resident memory added: median %.0f MiB",
        Self.median(factMemory)))
    print(String(format: "file after two runs of 1,000,000 clients: %.1f MiB (with its WAL)", Double(size) / 1_048_576))
  }

  private static func timed(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return (clock.now - start).seconds
  }

  static func fileSize(_ path: String) -> Int {
    ["", "-wal"].reduce(0) { total, suffix in
      total + (((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int) ?? 0)
    }
  }

  /// A year of daily runs over 1,000 clients with 2% of them changing a day; prints the size.
  static func year(path: String) throws {
    remove(path)
    var population = Population(count: 1000)
    do {
      let history = try History.open(path: path)
      for offset in 0..<365 {
        if offset > 0 { population.drift(permille: 20) }
        _ = try population.record(into: history, on: day(offset))
      }
    }
    // Closing the last connection checkpoints the WAL into the file and removes it.
    print("365 daily runs x 1,000 clients, 2% changing a day: \(fileSize(path)) bytes")
  }
}
