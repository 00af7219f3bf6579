import Dispatch
import Foundation
import XCTest

@testable import Verdict

final class EvaluatorTests: XCTestCase {
  static let today = CalendarDate(year: 2026, month: 1, day: 1)!
  let context = EvaluationContext(today: EvaluatorTests.today)

  func policy(_ text: String, line: UInt = #line) throws -> Policy {
    do {
      return try Policy(text)
    } catch {
      XCTFail("\(error)", line: line)
      throw error
    }
  }

  func evaluate(_ policy: Policy, _ values: [String: Value]) throws -> Evaluation {
    try policy.evaluate(try policy.client(values, options: .absentIsMissing), in: context)
  }

  // MARK: - Three-valued logic

  /// `nil` is unknown (a missing value).
  static func value(_ truth: Bool?) -> Value { truth.map(Value.bool) ?? .missing }

  func testKleeneLogicTables() throws {
    let policy = try policy(
      """
      field a: bool
      field b: bool
      when a and b then recommend fire
      when a or b then recommend fire
      when not a then recommend fire
      when a is missing then recommend fire
      when a is present then recommend fire
      """)
    let truths: [Bool?] = [true, false, nil]
    for a in truths {
      for b in truths {
        let and: Bool? = a == false || b == false ? false : (a == nil || b == nil ? nil : true)
        let or: Bool? = a == true || b == true ? true : (a == nil || b == nil ? nil : false)
        let not: Bool? = a.map { !$0 }
        let expected = [and, or, not, a == nil, a != nil]
        let outcome = try evaluate(policy, ["a": Self.value(a), "b": Self.value(b)])
        for (rule, truth) in expected.enumerated() {
          let label = "rule \(rule) with a = \(String(describing: a)), b = \(String(describing: b))"
          XCTAssertEqual(outcome.matchedRules.contains(rule), truth == true, label)
          XCTAssertEqual(outcome.unknownRules.contains(rule), truth == nil, label)
        }
      }
    }
  }

  func testMissingValuesAreUnknownNotFalse() throws {
    let policy = try policy(
      "field delay: duration in days\nwhen delay > 30d then recommend fire\nwhen (delay ?? 0d) < 1d then recommend talk"
    )
    let missing = try evaluate(policy, [:])
    XCTAssertEqual(Array(missing.unknownRules), [0])
    XCTAssertEqual(missing.verdict, "talk", "?? supplies the default")
    let late = try evaluate(policy, ["delay": .int(45)])
    XCTAssertEqual(late.verdict, "fire", "a bare number in a field declared 'in days' is days")
    XCTAssertTrue(late.unknownRules.isEmpty)
  }

  // MARK: - Errors never trap

  func testShortCircuitGuardsADivision() throws {
    let guarded = try policy(
      "field d: number\nwhen d != 0 and 10 / d > 2 then recommend fire\nwhen d == 0 or 10 / d > 2 then recommend talk")
    let outcome = try evaluate(guarded, ["d": .int(0)])
    XCTAssertEqual(Array(outcome.matchedRules), [1])
    XCTAssertEqual(outcome.verdict, "talk")
    XCTAssertEqual(try evaluate(guarded, ["d": .int(4)]).verdict, "fire")
  }

  func testArithmeticErrorsAreReportedWithTheirPosition() throws {
    let rows: [(String, [String: Value], String, UInt)] = [
      ("field d: number\nwhen 1️⃣10 / d > 2 then recommend fire", ["d": .int(0)], "division by zero", #line),
      ("when 1️⃣9999999999999999999999999999 + 1 > 0 then recommend fire", [:], "arithmetic overflow", #line),
      ("when 1️⃣-9999999999999999999999999999 - 2 < 0 then recommend fire", [:], "arithmetic overflow", #line),
      (
        "field x: number\nwhen x > 0 and 1️⃣x * x > 0 then recommend fire", ["x": .int(100_000_000_000_000)],
        "arithmetic overflow", #line
      ),
      (
        "field x: number\nwhen 1️⃣x * x * x > 0 then recommend fire", ["x": .int(.min)],
        "arithmetic overflow", #line
      ),
      (
        "field x: number\nwhen 1️⃣x / 0.0000000000000000000000000001 > 0 then recommend fire", ["x": .int(1)],
        "arithmetic overflow", #line
      ),
      ("field m: money in EUR\nwhen 1️⃣m / 0 > 1€ then recommend fire", ["m": .int(5)], "division by zero", #line),
      ("field m: money in EUR\nwhen 1️⃣m / 0€ > 1 then recommend fire", ["m": .int(5)], "division by zero", #line),
      (
        "field m: money in EUR\nwhen m > 0€ and 1️⃣m * 1000000000 > 1€ then recommend fire",
        ["m": .int(1_000_000_000_000)], "arithmetic overflow", #line
      ),
      ("field d: duration in days\nwhen 1️⃣d / 0 > 1d then recommend fire", ["d": .int(3)], "division by zero", #line),
      (
        "field p: percent\nwhen 1️⃣p / 0 > 1% then recommend fire", ["p": .percent(DecimalNumber("0.5")!)],
        "division by zero", #line
      ),
      (
        "field r: number\nwhen 1️⃣r / 0 > 1 then recommend fire", ["r": .decimal(DecimalNumber("1.5")!)],
        "division by zero", #line
      ),
      ("when 1️⃣1y * 400000000000 > 1d then recommend fire", [:], "arithmetic overflow", #line),
      ("when x > 0 then recommend fire notice 1️⃣2d / 0", ["x": .int(1)], "division by zero", #line),
    ]
    for (input, values, message, line) in rows {
      let marked = MarkedSource(input)
      let policy = try policy(marked.text, line: line)
      XCTAssertThrowsError(try evaluate(policy, values), input, line: line) { error in
        guard let error = error as? EvaluationError else { return XCTFail("\(error)", line: line) }
        XCTAssertEqual(error.message, message, input, line: line)
        XCTAssertEqual(error.diagnostic.code, "evaluation-error", line: line)
        XCTAssertEqual(policy.source.location(of: error.range.start), marked.locations[1], input, line: line)
      }
    }
  }

  func testEdgesThatMustNotTrap() throws {
    let policy = try policy(
      "field x: number\nwhen x / -1 < 0 then recommend fire\nwhen round(x * 1.5) > 0 then recommend talk")
    // Int64.max / -1 is exact; round of a real too large for a whole number stays a real.
    XCTAssertEqual(Array(try evaluate(policy, ["x": .int(.max)]).matchedRules), [0, 1])
    XCTAssertEqual(Array(try evaluate(policy, ["x": .int(.min + 1)]).matchedRules), [])
  }

  // MARK: - Strategies, ties and clauses

  func testStrategiesAndTies() throws {
    let rules =
      "when a then recommend talk\nwhen b then recommend fire\nwhen c then recommend fire\nwhen d then recommend keep\n"
    let rows: [(String, [Bool], String, Int?, UInt)] = [
      ("", [true, true, true, true], "fire", 1, #line),  // most severe; the tie goes to the earlier rule
      ("", [true, false, true, true], "fire", 2, #line),
      ("", [true, false, false, true], "talk", 0, #line),
      ("", [false, false, false, false], "keep", nil, #line),  // otherwise, by default keep
      ("strategy first-match\n", [true, true, true, true], "talk", 0, #line),
      ("strategy first-match\n", [false, false, true, true], "fire", 2, #line),
      ("strategy first-match\notherwise recommend watch\n", [false, false, false, false], "watch", nil, #line),
      ("verdicts fire < keep < talk\n", [true, true, true, true], "talk", 0, #line),
      ("verdicts fire < keep < talk\n", [false, true, true, true], "keep", 3, #line),
    ]
    for (prefix, truths, verdict, winner, line) in rows {
      let policy = try policy(prefix + rules, line: line)
      let values = Dictionary(uniqueKeysWithValues: zip(["a", "b", "c", "d"], truths.map(Value.bool)))
      let outcome = try evaluate(policy, values)
      XCTAssertEqual(outcome.verdict, verdict, line: line)
      XCTAssertEqual(outcome.winningRule, winner, line: line)
      XCTAssertEqual(outcome.severity, policy.verdicts.firstIndex(of: verdict), line: line)
      XCTAssertEqual(
        Array(outcome.matchedRules), truths.indices.filter { truths[$0] }, "every match is kept", line: line)
    }
  }

  func testClausesOfTheWinner() throws {
    let policy = try policy(
      """
      field project_end: date
      field reason_text: text
      rule "drains" when project_end > today
        then recommend fire notice max(30d, days_until(project_end)) reason reason_text refer "an agency"
             cooldown 3d hold until paid meet by phone
      otherwise recommend keep meet in person
      """)
    let far = try evaluate(policy, ["project_end": .text("2026-03-02"), "reason_text": .text("no fit")])
    XCTAssertEqual(far.clauses.notice, TimeSpan(days: 60))
    XCTAssertEqual(far.clauses.reason, "no fit")
    XCTAssertEqual(far.clauses.refer, "an agency")
    XCTAssertEqual(far.clauses.cooldown, TimeSpan(days: 3))
    XCTAssertTrue(far.clauses.holdUntilPaid)
    XCTAssertEqual(far.clauses.meet, .byPhone)
    let near = try evaluate(policy, ["project_end": .date(CalendarDate(year: 2026, month: 1, day: 11)!)])
    XCTAssertEqual(near.clauses.notice, TimeSpan(days: 30))
    XCTAssertNil(near.clauses.reason, "a clause whose value is missing is left out")
    let past = try evaluate(policy, ["project_end": .text("2025-12-01")])
    XCTAssertEqual(past.verdict, "keep")
    XCTAssertEqual(past.clauses.meet, .inPerson)
    XCTAssertFalse(past.clauses.holdUntilPaid)
  }

  // MARK: - Lets

  /// A record that counts how often each field is read.
  final class CountingRecord: ClientRecord {
    let values: [Value]
    var reads: [Int: Int] = [:]
    init(_ values: [Value]) { self.values = values }
    func value(at slot: Int) -> Value {
      reads[slot, default: 0] += 1
      return slot < values.count ? values[slot] : .missing
    }
  }

  func testLetsAreEvaluatedOncePerClient() throws {
    let policy = try policy(
      """
      field x: number
      field y: number
      let big = x * 2 > 10
      when big and y > 0 then recommend fire
      when big then recommend talk
      when not big then recommend keep
      """)
    let slot = try XCTUnwrap(policy.slot(ofField: "x"))
    let record = CountingRecord(slot == 0 ? [.int(6), .int(1)] : [.int(1), .int(6)])
    let outcome = try policy.evaluate(record, in: context)
    XCTAssertEqual(outcome.verdict, "fire")
    XCTAssertEqual(Array(outcome.matchedRules), [0, 1])
    XCTAssertEqual(record.reads[slot], 1, "three uses of 'big', one read of x")
    // Lets are per client: a second evaluation reads again.
    _ = try policy.evaluate(record, in: context)
    XCTAssertEqual(record.reads[slot], 2)
  }

  // MARK: - Population functions

  func testPopulationFunctions() throws {
    let policy = try policy(
      """
      field hours: number
      field revenue: money in EUR
      when share(hours) > 50% then recommend fire
      when rank(revenue) == 1 then recommend review
      when percentile(hours) >= 50% then recommend talk
      """)
    let data: [[String: Value]] = [
      ["hours": .int(10), "revenue": .int(100)],
      ["hours": .int(30), "revenue": .int(900)],
      ["hours": .int(60), "revenue": .int(900)],
      ["revenue": .int(50)],
    ]
    let clients = try data.map { try policy.client($0, options: .absentIsMissing) }
    var builder = PopulationBuilder(for: policy)
    XCTAssertTrue(builder.isNeeded)
    for client in clients { builder.add(client) }
    let context = EvaluationContext(today: Self.today, population: builder.build())
    let outcomes = try clients.map { try policy.evaluate($0, in: context) }
    XCTAssertEqual(outcomes.map(\.verdict), ["keep", "review", "fire", "keep"])
    XCTAssertEqual(outcomes.map { Array($0.matchedRules) }, [[], [1, 2], [0, 1, 2], []])
    // The fourth client has no hours: share and percentile are unknown for it.
    XCTAssertEqual(Array(outcomes[3].unknownRules), [0, 2])
    // The population gathered in one call gives the same outcomes.
    let together = policy.evaluate(clients, in: EvaluationContext(today: Self.today))
    XCTAssertEqual(try together.map { try $0.get() }, outcomes)
    // One client without the data set is refused, saying why...
    XCTAssertThrowsError(try policy.evaluate(clients[2], in: self.context)) { error in
      XCTAssertTrue("\(error)".contains("no population"), "\(error)")
    }
    // ...unless the caller asks for population figures to be unknown, as `verdict eval` does.
    let alone = try policy.evaluate(clients[2], in: self.context, allowingMissingPopulation: true)
    XCTAssertEqual(alone.verdict, "keep")
    XCTAssertEqual(Array(alone.unknownRules), [0, 1, 2])
  }

  // MARK: - Concurrency

  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int: [Evaluation]] = [:]
    func set(_ value: [Evaluation], at index: Int) { lock.withLock { storage[index] = value } }
    var all: [Int: [Evaluation]] { lock.withLock { storage } }
  }

  func testOnePolicyEvaluatedFromSeveralThreadsGivesIdenticalResults() throws {
    let policy = try policy(
      """
      field delay: duration in days
      field revisions: number
      let slow = delay > 30d
      when slow and revisions > 5 then recommend fire notice 30d
      when slow or revisions > 8 then recommend talk reason "let's talk"
      when revisions is missing then recommend watch
      """)
    var made: [Client] = []
    for index in Int64(0)..<400 {
      let revisions: Value = index % 7 == 0 ? .missing : .int(index % 11)
      made.append(try policy.client(["delay": .int(index % 60), "revisions": revisions]))
    }
    let clients = made
    let context = self.context
    let serial = try clients.map { try policy.evaluate($0, in: context) }
    XCTAssertEqual(Set(serial.map { (outcome: Evaluation) in outcome.verdict }), ["fire", "talk", "watch", "keep"])
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 8) { iteration in
      results.set(clients.compactMap { try? policy.evaluate($0, in: context) }, at: iteration)
    }
    let all = results.all
    XCTAssertEqual(all.count, 8)
    for (iteration, outcomes) in all {
      XCTAssertEqual(outcomes, serial, "iteration \(iteration)")
    }
  }
}
