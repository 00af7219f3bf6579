import XCTest

@testable import Verdict

/// The ranking's shortcuts against the trace's ranking: the rules that tie on the count of their
/// findings, remembered for each combination of the tests' truths (``RuleCandidates``), and the
/// sides of a quotient or a product worked out only when a tie or the line asks for them
/// (``ConditionTruths/sides(of:)``).
extension ExplanationRankingTests {
  /// The shared benchmark's shapes: a quotient and a product of fields compared with whole numbers
  /// (decided by the evaluation's own steps), an `or` of options, text tests, and many rules that
  /// tie on one finding, so that distances (and the quotient's sides) break most ties. Hundreds of
  /// clients share few combinations of truths: most rankings start from remembered candidates.
  func testRememberedCandidatesAndLaterSidesRankAsTheTraceRanksThem() throws {
    let policyText = """
      field delay: number
      field revisions: number
      field hours: number
      field revenue: number
      field owed: number
      field channel: text
      rule "notice" when delay > 30 and revisions > 5 then recommend fire
      rule "ghost" when delay > 60 and owed > 2 * revenue and channel in ["email", "chat"] then recommend fire
      rule "rate" when hours > 0 and revenue / hours < 20 then recommend review
      rule "scope" when revisions > 8 or (revisions > 4 and hours > 120) then recommend review
      rule "phone" when channel == "phone" and delay >= 15 then recommend watch
      rule "stale" when owed > 0 and channel not in ["chat"] then recommend watch
      otherwise recommend keep
      """
    let tally = try compare(
      policyText,
      fields: [
        "delay": ["0", "14", "15", "31", "45", "61", "90"], "revisions": ["0", "3", "5", "6", "9"],
        "hours": ["0", "10", "40.5", "121", "150"], "revenue": ["0", "100", "399.99", "810", "2500", "7.5"],
        "owed": ["0", "0.00", "250", "1620.01", "5000"], "channel": ["email", "chat", "phone", "Phone"],
      ], count: 900, seed: 37)
    XCTAssertGreaterThan(tally.ranked, 150, "the truths rank most clients without a winner")
    XCTAssertEqual(tally.traced, 0)
    XCTAssertGreaterThan(tally.decided, 600)
    XCTAssertGreaterThan(tally.rememberedDecisions, 100, "clients share combinations of truths")
    XCTAssertGreaterThan(tally.rememberedFacts, 0)
    let writer = ExplanationLineWriter(policy: try Policy(policyText))
    XCTAssertTrue(writer.truths.candidates.keyed)
    XCTAssertEqual(writer.truths.entries.filter { $0.step >= 0 }.count, 2, "the quotient and the product")
  }

  /// A rule that is an `or` whose options tie on their count of findings is remembered as those
  /// options, the ranking taking the nearest by distance: options with more findings left out, an
  /// option of three, and rules left to the search for each client (a tie inside an option, an
  /// `or` under an `and`) beside them, ranked as the trace ranks them.
  func testTiedOptionsRememberedRankAsTheTraceRanksThem() throws {
    let policyText = """
      field a: number
      field b: number
      field c: number
      field flag: bool
      rule "either" when a > 8 or (b > 8 and c > 8) then recommend talk
      rule "three" when a > 5 or b > 5 or (c > 5 and not flag) then recommend talk
      rule "nested" when (a > 7 or b > 7) or c > 7 then recommend watch
      rule "inside" when c > 2 and (a > 9 or b > 9) then recommend watch
      rule "pair" when a > 4 and b > 4 then recommend fire
      otherwise recommend keep
      """
    let fields = [
      "a": ["0", "2", "4", "4.5", "6", "7.5", "9"], "b": ["0", "3", "4", "5.25", "8", "10"],
      "c": ["0", "1", "3", "6", "7.9", "9"], "flag": ["true", "false"],
    ]
    let tally = try compare(policyText, fields: fields, count: 900, seed: 53)
    XCTAssertGreaterThan(tally.ranked, 150)
    XCTAssertEqual(tally.traced, 0)
    // The same clients through one writer, whose table then holds tied options.
    let policy = try Policy(policyText)
    let writer = ExplanationLineWriter(policy: policy)
    var generator = SeededRandom(state: 53)
    for _ in 0..<300 {
      var values: [String: Value] = [:]
      for (name, choices) in fields.sorted(by: { $0.key < $1.key }) {
        values[name] = .text(choices[Int.random(in: 0..<choices.count, using: &generator)])
      }
      let client = try policy.client(values)
      _ = writer.line(of: client, winner: policy.explain(client, in: context).winningRule, in: context)
    }
    XCTAssertTrue(writer.truths.candidates.findings.contains(ConditionTruths.tiedOptionsMark))
    XCTAssertTrue(writer.truths.candidates.findings.contains(-1), "a rule left to the search")
  }

  /// A policy with more tests than a key holds is ranked in full for every client, as the trace
  /// ranks it.
  func testPoliciesTooLargeForKeysRankAsTheTraceRanksThem() throws {
    let rules = (1...17).map { "rule \"r\($0)\" when a > \($0) and b < \(20 - $0) then recommend watch" }
    let policyText = (["field a: number", "field b: number"] + rules + ["otherwise recommend keep"])
      .joined(separator: "\n")
    let writer = ExplanationLineWriter(policy: try Policy(policyText))
    XCTAssertFalse(writer.truths.candidates.keyed, "34 tests")
    let tally = try compare(
      policyText, fields: ["a": (0...20).map(String.init), "b": (0...20).map(String.init) + ["2.5"]], count: 400,
      seed: 41)
    XCTAssertGreaterThan(tally.ranked, 100)
    XCTAssertEqual(tally.traced, 0)
  }

  /// A policy of more rules than a mask has bits (64) ranks every rule, the last ones included.
  func testPoliciesOfMoreRulesThanAMaskHoldsRankAsTheTraceRanksThem() throws {
    let rules = (1...70).map { "rule \"r\($0)\" when a == \($0) and b > 100 then recommend watch" }
    let policyText = (["field a: number", "field b: number"] + rules + ["otherwise recommend keep"])
      .joined(separator: "\n")
    let writer = ExplanationLineWriter(policy: try Policy(policyText))
    XCTAssertFalse(writer.truths.candidates.keyed, "70 rules")
    let tally = try compare(
      policyText, fields: ["a": ["1", "2", "63", "64", "65", "66", "70", "71"], "b": ["0", "50", "100"]], count: 200,
      seed: 43)
    XCTAssertGreaterThan(tally.ranked, 100)
    XCTAssertEqual(tally.traced, 0)
  }

  /// The table of candidates finds what it remembered (and where the candidates' findings are),
  /// keeps the first answer for a key, and stops remembering when full, still finding what it
  /// holds.
  func testCandidatesAreFoundByTheirKeyUntilTheTableIsFull() throws {
    let candidates = RuleCandidates(tests: [0, 1, 2], rules: 5)
    XCTAssertNil(candidates.candidates(of: 1 << 63 | 0b01_10_11))
    candidates.remember(0b101, findings: [1, 7, -1], of: 1 << 63 | 0b01_10_11)
    candidates.remember(0b010, findings: [], of: 1 << 63 | 0b01_10_11)
    let first = try XCTUnwrap(candidates.candidates(of: 1 << 63 | 0b01_10_11))
    XCTAssertEqual(first.rules, 0b101)
    XCTAssertEqual(Array(candidates.findings[first.findings..<first.findings + 3]), [1, 7, -1])
    var remembered = 1
    for key in 1..<UInt64(20_000) {
      candidates.remember(key & 31, findings: [Int32(key)], of: 1 << 63 | key << 6)
      if candidates.candidates(of: 1 << 63 | key << 6) != nil { remembered += 1 }
    }
    XCTAssertEqual(remembered, 12_288, "a quarter of the 16,384 slots stays free")
    XCTAssertEqual(candidates.candidates(of: 1 << 63 | 0b01_10_11)?.rules, 0b101)
    let seventeenth = try XCTUnwrap(candidates.candidates(of: 1 << 63 | 17 << 6))
    XCTAssertEqual(seventeenth.rules, 17)
    XCTAssertEqual(candidates.findings[seventeenth.findings], 17)
    XCTAssertNil(candidates.candidates(of: 1 << 63 | 19_999 << 6))
  }

  /// A decision is remembered beside the candidates of its key, each found only once remembered,
  /// and a decision of no winner is told apart from none remembered.
  func testDecisionsAreFoundByTheirKeyBesideTheCandidates() throws {
    let candidates = RuleCandidates(tests: [0, 1], rules: 3)
    let key: UInt64 = 1 << 63 | 0b11_01
    XCTAssertNil(candidates.decision(of: key))
    candidates.remember(winner: 2, unknownRuleCount: 1, of: key)
    XCTAssertNil(candidates.candidates(of: key), "a decision alone has no candidates")
    candidates.remember(0b011, findings: [1, 4], of: key)
    let decided = try XCTUnwrap(candidates.decision(of: key))
    XCTAssertEqual(decided.winner, 2)
    XCTAssertEqual(decided.unknownRuleCount, 1)
    XCTAssertEqual(candidates.candidates(of: key)?.rules, 0b011)
    candidates.remember(winner: nil, unknownRuleCount: 0, of: 1 << 63 | 0b01_01)
    let none = try XCTUnwrap(candidates.decision(of: 1 << 63 | 0b01_01))
    XCTAssertNil(none.winner)
    XCTAssertNil(candidates.candidates(of: 1 << 63 | 0b01_01))
  }

  /// A key holds each test's truth in two bits, in the order of the tests.
  func testAKeyTellsEveryCombinationOfTruthsApart() {
    let candidates = RuleCandidates(tests: [2, 0], rules: 1)
    let truths = UnsafeMutableBufferPointer<Truth?>.allocate(capacity: 3)
    defer { truths.deallocate() }
    var keys = Set<UInt64>()
    for first in [nil, Truth.false, .missing, .true] {
      for second in [nil, Truth.false, .missing, .true] {
        truths.initialize(repeating: nil)
        truths[2] = first
        truths[0] = second
        truths[1] = .true
        keys.insert(candidates.key(truths)!)
      }
    }
    XCTAssertEqual(keys.count, 16)
  }
}
