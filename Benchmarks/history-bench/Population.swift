import BenchmarkSupport
import Foundation
import Verdict
import VerdictHistory

/// A seeded population of clients whose verdicts drift from day to day: each day a share of them
/// gets another verdict, the rest keep theirs. The same seed gives the same days.
struct Population {
  static let verdicts = ["keep", "watch", "talk", "fire"]
  private(set) var severities: [UInt8]
  private var random: SplitMix64
  private let keys: [String]

  /// `count` clients, a fifth of them flagged to start with.
  init(count: Int, seed: UInt64 = 42) {
    random = SplitMix64(state: seed)
    keys = (0..<count).map { "C" + String($0 + 1_000_000) }
    var severities = [UInt8](repeating: 0, count: count)
    for index in severities.indices where random.chance(20) { severities[index] = UInt8(1 + random.below(3)) }
    self.severities = severities
  }

  var count: Int { keys.count }

  /// Gives `permille` clients in a thousand another verdict.
  mutating func drift(permille: Int) {
    let changes = keys.count * permille / 1000
    for _ in 0..<changes {
      let index = random.below(keys.count)
      severities[index] = UInt8((Int(severities[index]) + 1 + random.below(3)) % 4)
    }
  }

  /// The outcome of client `index`.
  func outcome(_ index: Int) -> ClientOutcome {
    let severity = Int(severities[index])
    let verdict = Self.verdicts[severity]
    switch severity {
    case 0: return ClientOutcome(key: keys[index], verdict: verdict, severity: 0, rule: nil)
    case 1: return ClientOutcome(key: keys[index], verdict: verdict, severity: 1, rule: "slow_payer")
    case 2:
      return ClientOutcome(
        key: keys[index], verdict: verdict, severity: 2, rule: "scope_creep", clauses: ["reason": "scope creep"])
    default:
      return ClientOutcome(
        key: keys[index], verdict: verdict, severity: 3, rule: "unprofitable",
        clauses: ["cooldown": "3d", "notice": "30d", "reason": "unprofitable for 3 months"])
    }
  }

  /// The run description for `day`.
  static func run(on day: CalendarDate) -> RunInfo {
    RunInfo(
      today: day, startedAt: Date(timeIntervalSince1970: 1_790_000_000), policyPath: "policy.verdict",
      policyHash: "sha256:0f3a", dataFiles: ["clients.csv"], verdicts: verdicts, otherwiseIndex: 0)
  }

  /// Records the population as the run of `day`; returns the seconds it took from `beginRun` to
  /// the commit.
  func record(into history: History, on day: CalendarDate) throws -> Double {
    var counts: [String: Int] = [:]
    for severity in severities { counts[Self.verdicts[Int(severity)], default: 0] += 1 }
    let clock = ContinuousClock()
    let start = clock.now
    let recorder = try history.beginRun(Self.run(on: day))
    for index in 0..<count { try recorder.add(outcome(index)) }
    try recorder.commit(counts: counts, errors: 0)
    return (clock.now - start).seconds
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
