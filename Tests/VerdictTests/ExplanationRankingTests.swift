import XCTest

@testable import Verdict

/// The `--explain` line of a client that matches no rule names the nearest rule, ranked on
/// ``ConditionTruths`` rather than on a trace of every condition. On generated clients (a fixed
/// seed) the ranking on the truths must choose the rule the trace chooses, and the whole line
/// must be ``ExplanationText/line(_:)``'s: ties between rules of equal shape, unknown rules,
/// `or`, `not`, lets, missing values and errors in skipped operands included. The outcome
/// decided on the truths (``ExplanationLineWriter/report(_:in:truthsFilled:)``) must be the evaluation's, and
/// the line made from them the same.
final class ExplanationRankingTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!)

  /// What the clients of one policy went through.
  struct Tally {
    var explained = 0
    /// Clients without a winner whose rules the truths ranked.
    var ranked = 0
    /// Clients without a winner left to the trace.
    var traced = 0
    /// Rules whose line the truths can write (``ConditionTruths/canShow(rule:)``).
    var recorded = 0
    /// Clients that ``ExplanationLineWriter/report(_:in:truthsFilled:)`` decided on the truths (the others it
    /// evaluated).
    var decided = 0
    /// Of those, the clients whose decision was remembered for their tests' truths
    /// (``RuleCandidates/decision(of:)``), their combinations worked out for their line alone.
    var rememberedDecisions = 0
    /// The lines' facts the writer remembered by their tests' truths (``RememberedFacts``): fewer
    /// than the lines written from the truths when clients share combinations.
    var rememberedFacts = 0
  }

  /// Explains `count` generated clients both ways and compares the nearest rule and the line.
  func compare(
    _ policyText: String, fields: [String: [String]], count: Int = 600, seed: UInt64,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Tally {
    let policy = try Policy(policyText)
    let writer = ExplanationLineWriter(policy: policy)
    let traced = TraceValues(count: policy.program.nodeCount)
    var generator = SeededRandom(state: seed)
    var tally = Tally()
    var facts: [LinePlan.Fact] = []
    for _ in 0..<count {
      var values: [String: String] = [:]
      // About one value in six is missing.
      for (name, choices) in fields.sorted(by: { $0.key < $1.key }) where Int.random(in: 0..<6, using: &generator) > 0 {
        values[name] = choices.randomElement(using: &generator)
      }
      let client = try policy.client(values.mapValues(Value.text), options: .absentIsMissing)
      let explanation = policy.explain(client, in: context)
      XCTAssertEqual(
        writer.line(of: client, winner: explanation.winningRule, in: context), ExplanationText.line(explanation),
        "\(values)", file: file, line: line)
      tally.explained += 1
      // Decided on the truths, as `verdict run --explain` does when most clients match no rule:
      // the evaluation's outcome or error, and the same line made from them.
      var filled = false
      let decided = Result { () throws(EvaluationError) in try writer.report(client, in: context, truthsFilled: &filled)
      }
      let evaluated = Result { () throws(EvaluationError) in try policy.report(client, in: context) }
      switch (decided, evaluated) {
      case (.success(let outcome), .success(let expected)):
        XCTAssertEqual("\(outcome)", "\(expected)", "\(values)", file: file, line: line)
        let written = writer.withLine(of: client, winner: outcome.winningRule, in: context, truthsFilled: filled) {
          String(decoding: $0, as: UTF8.self)
        }
        XCTAssertEqual(written, ExplanationText.line(explanation), "from the truths: \(values)", file: file, line: line)
        if filled { tally.decided += 1 }
        if filled, writer.truths.decidedStamp == writer.truths.generation { tally.rememberedDecisions += 1 }
      case (.failure(let error), .failure(let expected)):
        XCTAssertEqual(error, expected, "\(values)", file: file, line: line)
      case (.success, .failure), (.failure, .success):
        XCTFail("decided on the truths and evaluated disagree on \(values)", file: file, line: line)
      }
      guard explanation.error == nil, explanation.winningRule == nil else { continue }
      traced.clear()
      XCTAssertTrue(policy.traceConditions(client, in: context, into: traced), "\(values)", file: file, line: line)
      // Where the client stays while its truths are read, as while a line is written: the sides
      // of a quotient or a product are computed on it when first asked for.
      let address = UnsafeMutablePointer<Client>.allocate(capacity: 1)
      address.initialize(to: client)
      let contextAddress = UnsafeMutablePointer<EvaluationContext>.allocate(capacity: 1)
      contextAddress.initialize(to: context)
      defer {
        address.deinitialize(count: 1)
        address.deallocate()
        contextAddress.deinitialize(count: 1)
        contextAddress.deallocate()
      }
      guard writer.truths.fill(policy: policy, clientAt: address, contextAt: contextAddress) else {
        tally.traced += 1
        continue
      }
      tally.ranked += 1
      let expected = writer.plan.nearestRule(traced, facts: &facts)
      XCTAssertEqual(
        writer.plan.nearestRule(writer.truths, facts: &facts), expected, "\(values)", file: file, line: line)
      XCTAssertEqual(writer.truths.nearestRule(), expected, "\(values)", file: file, line: line)
      // A rule whose line is written from the truths shows what the trace holds: the value of
      // each side of its comparisons and of its `in` tests' elements, where computed.
      let truths = writer.truths
      for rule in policy.program.rules.indices where truths.canShow(rule: rule) {
        tally.recorded += 1
        for position in truths.passes[rule + 1] {
          let index = truths.order[position]
          let entry = truths.entries[Int(index)]
          for id in [entry.left, entry.right] where id >= 0 {
            guard let side = truths.side(id, ofNode: index) else {
              XCTAssertNil(
                truths.truths[Int(index)], "node \(index) of rule \(rule) of \(values)", file: file, line: line)
              continue
            }
            XCTAssertEqual(
              ConditionTruths.value(of: side, client: client, runtime: policy.runtime), traced[id],
              "node \(id) of rule \(rule) of \(values)", file: file, line: line)
          }
        }
      }
      // Every node the trace decided has the same truth.
      for index in writer.plan.nodes.indices {
        let node = writer.plan.nodes[index]
        XCTAssertEqual(
          writer.truths.truth(ofNode: Int32(index), id: node.id), traced.truth(node.id), "node \(index) of \(values)",
          file: file, line: line)
      }
    }
    tally.rememberedFacts = writer.rememberedFacts.count
    return tally
  }

  func testTiesUnknownsOrNotAndLetsRankAsTheTraceRanksThem() throws {
    let tally = try compare(
      """
      field a: number
      field b: number
      field flag: bool
      field tier: text
      field paid: date
      let big = a > 5 and b > 5
      rule "first" when a > 3 and b > 3 then recommend fire
      rule "mirror" when b > 3 and a > 3 then recommend fire
      rule "either" when a > 8 or (b > 8 and not flag) then recommend talk
      rule "small" when not big and tier in ["gold", "silver"] then recommend talk
      rule "stale" when paid < 2024-01-01 and tier != "lead" then recommend watch
      rule "flagged" when flag and not (a < 2 or b < 2) then recommend watch
      otherwise recommend keep
      """,
      fields: [
        "a": ["0", "1", "2", "3", "4", "4", "6", "9", "2.5", "-3"], "b": ["0", "2", "3", "4", "4", "6", "9", "3.75"],
        "flag": ["true", "false"], "tier": ["gold", "silver", "lead", "bronze"],
        "paid": ["2023-05-01", "2023-12-31", "2024-01-01", "2025-06-30"],
      ], seed: 16)
    XCTAssertGreaterThan(tally.ranked, 100, "the truths rank most clients without a winner")
    XCTAssertEqual(tally.traced, 0)
    XCTAssertGreaterThan(tally.recorded, 100)
  }

  /// A run that explains every client decides the rules on the truths: the first match, clauses
  /// computed from fields (missing ones left out, a wrong type an error), unknown rules counted,
  /// and errors in operands skipped or not, as the evaluation has them.
  func testRulesDecidedOnTheTruthsAreTheEvaluations() throws {
    let tally = try compare(
      """
      strategy first-match
      field a: number
      field b: number
      field wait: duration
      field note: text
      rule "ratio" when a > 0 and b / a > 3 then recommend fire notice wait reason note
      rule "either" when b > 8 or a / b > 1 then recommend watch notice max(wait ?? 0d, 10d)
      rule "both" when a > 2 and b > 2 then recommend talk refer note
      otherwise recommend keep reason note
      """,
      fields: [
        "a": ["0", "1", "3", "4", "9", "2.5"], "b": ["0", "1", "3", "9", "12", "0.5"],
        "wait": ["5d", "30d", "2w"], "note": ["late", "rude", ""],
      ], seed: 23)
    XCTAssertGreaterThan(tally.decided, 400, "most clients decided on the truths")
    XCTAssertLessThan(tally.decided, tally.explained, "some left to the evaluation: a division by zero it meets")
  }

  /// The text tests the truths compare as strings (a field's `==` or `!=` with a constant text,
  /// `in` and `not in` a list of constant texts): the trace's lines and ranking, with texts that
  /// differ in case, in spaces or only in how `é` is written (canonically equal).
  func testTextTestsOfConstantsRankAsTheTraceRanksThem() throws {
    let policyText = """
      field n: number
      field channel: text
      field tier: text
      rule "phone" when channel == "phone" and n > 3 then recommend watch
      rule "not chat" when channel != "chat" and n > 6 then recommend watch
      rule "listed" when tier in ["gold", "café", "Silver"] and n > 2 then recommend talk
      rule "unlisted" when tier not in ["lead", "café "] and n < 1 then recommend talk
      rule "named" when tier == "café" or channel in ["email"] then recommend fire
      otherwise recommend keep
      """
    let tally = try compare(
      policyText,
      fields: [
        "n": ["0", "1", "3", "4", "7", "2.5"], "channel": ["phone", "Phone", "chat", "email", "phone "],
        "tier": ["gold", "Gold", "café", "cafe\u{301}", "Silver", "lead", "café ", ""],
      ], seed: 21)
    XCTAssertGreaterThan(tally.ranked, 100)
    XCTAssertEqual(tally.traced, 0)
    XCTAssertGreaterThan(tally.recorded, 100)
    // Each of the six text tests is compared as strings.
    let writer = ExplanationLineWriter(policy: try Policy(policyText))
    XCTAssertEqual(writer.truths.texts.filter { $0 != nil }.count, 6)
  }

  /// A margin between a decimal and a decimal or whole number, subtracted on 128 bits, is the
  /// general arithmetic's difference, and is shown as it is.
  func testDecimalMarginsAreTheArithmeticsDifference() throws {
    let texts = [
      "0", "0.5", "-0.5", "2.25", "20", "33.3900", "1234567.891", "-0.004", "99999999999999999999.99",
      "0.000000000000000001", "18446744073709551615", "0.1234567890123456789", "9999999999999999999999999999",
    ]
    var values = try texts.map { Value.decimal(try XCTUnwrap(DecimalNumber($0))) }
    values += [0, 20, -7, .max, .min].map { Value.int($0) }
    var fast = 0
    for a in values {
      for b in values {
        guard let difference = ExplanationLineWriter.decimalDifference(a, b) else { continue }
        fast += 1
        let order = try Value.ordering(a, b)
        let expected = try Value.arithmetic(.subtract, order > 0 ? a : b, order > 0 ? b : a)
        guard case .decimal(let number) = expected else { return XCTFail("\(a) and \(b): \(expected)") }
        XCTAssertEqual(DecimalNumber.order(difference, number), 0, "\(a) and \(b)")
        let (shown, general) = (LineBytes(), LineBytes())
        shown.appendDisplay(.decimal(difference), unit: nil)
        general.appendDisplay(expected, unit: nil)
        XCTAssertEqual(Array(shown.bytes), Array(general.bytes), "\(a) and \(b)")
      }
    }
    XCTAssertGreaterThan(fast, 100)
  }

  /// An error in an operand `and` skipped: alone (`c > 0 and 10 / c > 4`), the truths leave it
  /// without a value as the trace does; skipped with others (`c > 0 and (10 / c > 4 and a > 1)`),
  /// the trace leaves the others without values too, and the line is traced.
  func testErrorsInSkippedOperandsRankAsTheTraceRanksThem() throws {
    let fields = ["a": ["0", "1", "2", "5"], "c": ["0", "0", "1", "2", "3", "-1"], "tier": ["gold", "lead"]]
    let alone = try compare(
      """
      field a: number
      field c: number
      field tier: text
      rule "rate" when c > 0 and 10 / c > 4 then recommend talk
      rule "rate or gold" when c > 0 and 10 / c > 4 and tier == "gold" then recommend talk
      rule "either" when c < -5 or 10 / c > 20 or a > 4 then recommend watch
      otherwise recommend keep
      """, fields: fields, seed: 2)
    XCTAssertGreaterThan(alone.ranked, 100)
    XCTAssertEqual(alone.traced, 0)
    let together = try compare(
      """
      field a: number
      field c: number
      field tier: text
      rule "nested" when c > 0 and (10 / c > 4 and a > 1) then recommend talk
      rule "gold" when tier == "gold" and a > 4 then recommend watch
      otherwise recommend keep
      """, fields: fields, seed: 3)
    XCTAssertGreaterThan(together.traced, 0, "c = 0 stops the nested operand, which the trace is left to")
    XCTAssertGreaterThan(together.ranked, 0)
  }

  /// The chains' operands that are skipped alone, as the expressions nest.
  func testOperandsSkippedAloneFollowTheNesting() throws {
    let policy = try Policy(
      """
      field a: bool
      field b: bool
      field c: bool
      field d: bool
      rule "left" when a and b and c then recommend fire
      rule "right" when a and (b and c) then recommend fire
      rule "mixed" when (a or b) or (c or d) then recommend fire
      otherwise recommend keep
      """)
    let flags = policy.program.rules.map { rule in
      let isAnd: Bool
      if case .and = rule.condition.kind { isAnd = true } else { isAnd = false }
      return ConditionTruths.skippedAlone(rule.condition, and: isAnd)
    }
    XCTAssertEqual(flags, [[false, true, true], [false, false, false], [false, true, false, false]])
  }

  /// The distance of two scalars, worked out on them, is the distance of the values they stand for.
  func testDistancesOfScalarsAreThoseOfTheirValues() throws {
    var values: [Value] = [.missing, .bool(true), .int(0), .int(7), .int(-7), .int(.max)]
    values += try ["0", "2.5", "-0.004", "1234567.891", "99999999999999999999.99"].flatMap {
      let number = try XCTUnwrap(DecimalNumber($0))
      return [Value.decimal(number), .percent(number)]
    }
    values += [0, 86_400, -3600].map { .duration(TimeSpan(seconds: $0)) }
    values += [0, 125_000, -5_000_000].map { .money(Money(scaledAmount: $0, currency: .euro)) }
    values += try ["2024-01-01", "2026-11-29", "1999-02-28"].map { Value.date(try CalendarDate($0)) }
    for a in values {
      for b in values {
        let scalars = try (XCTUnwrap(Scalar(inline: a)), XCTUnwrap(Scalar(inline: b)))
        XCTAssertEqual(
          ConditionTruths.distance(scalars.0, scalars.1), ExplanationBuilder.distance(a, b), "\(a) and \(b)")
      }
    }
  }
}
