import XCTest

@testable import Verdict

/// `example` statements: parsing, checking against the policy, running, and test files.
final class ExampleTests: XCTestCase {
  static let policyText = """
    field payment_delay: duration in days
    field revisions: number
    field outstanding: money in EUR
    field project_end: date
    rule "slow payer" when payment_delay > 30d and revisions > 5 then recommend fire notice 30d hold until paid
    rule "ends soon" when days_until(project_end) < 14d then recommend watch reason "wrap up"
    """

  func policy(_ examples: String = "", line: UInt = #line) throws -> Policy {
    do {
      return try Policy(Self.policyText + "\n" + examples, name: "p.verdict")
    } catch {
      XCTFail("does not compile: \(error)", line: line)
      throw error
    }
  }

  func run(_ example: String, today: CalendarDate = CalendarDate(year: 2026, month: 11, day: 29)!) throws
    -> ExampleResult
  {
    let policy = try policy(example)
    XCTAssertEqual(policy.examples.count, 1)
    return policy.run(try XCTUnwrap(policy.examples.first), in: EvaluationContext(today: today))
  }

  // MARK: - Running

  /// A bad escape in an example's name is one error: the name is still a text, so the example
  /// is not taken for a clause of the statement before it ("unknown clause 'example'").
  func testABadEscapeInAnExamplesNameIsOneError() {
    let text =
      Self.policyText + "\nexample \"a\" { revisions: 9 } expect keep\nexample \"b\\q\" { revisions: 1 } expect keep\n"
    let diagnostics = Policy.compile(SourceFile(name: "p.verdict", text: text)).diagnostics.filter {
      $0.severity == .error
    }
    XCTAssertEqual(diagnostics.map(\.message), ["unknown escape '\\q' in text"])
  }

  func testAPassingExampleChecksTheVerdictAndTheClausesItNames() throws {
    let result = try run(
      #"example "late and picky" { payment_delay: 45d, revisions: 7 } expect fire notice 30d hold until paid"#)
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.expected, "fire notice 30d hold until paid")
    XCTAssertEqual(result.evaluation?.winningRule, 0)
  }

  func testClausesNotNamedAreNotChecked() throws {
    XCTAssertTrue(try run(#"example "x" { payment_delay: 45d, revisions: 7 } expect fire"#).passed)
  }

  func testAWrongVerdictIsReportedWithoutItsClauses() throws {
    let wrongVerdict = try run(#"example "x" { payment_delay: 45d, revisions: 5 } expect fire notice 30d"#)
    XCTAssertFalse(wrongVerdict.passed)
    XCTAssertEqual(wrongVerdict.mismatches, [.verdict(expected: "fire", got: "keep")])
    XCTAssertEqual(wrongVerdict.mismatches.map(\.description), ["verdict: expected fire, got keep"])
  }

  func testWrongClausesOfTheRightVerdictAreEachReported() throws {
    let wrongClause = try run(
      #"example "x" { payment_delay: 45d, revisions: 7 } expect fire notice 2w meet by phone"#)
    XCTAssertEqual(
      wrongClause.mismatches,
      [
        .clause(keyword: "notice", expected: "2w", got: "30d"),
        .clause(keyword: "meet", expected: "by phone", got: nil),
      ])
    XCTAssertEqual(
      wrongClause.mismatches.map(\.description), ["notice: expected 2w, got 30d", "meet: expected by phone, got none"])
    let text = try run(#"example "x" { project_end: today + 3d } expect watch reason "wrap up!" hold until paid"#)
    XCTAssertEqual(
      text.mismatches.map(\.description),
      [#"reason: expected "wrap up!", got "wrap up""#, "hold until paid: expected, but not given"])
  }

  func testValuesMayUseTodaySoExamplesDoNotAge() throws {
    let example = #"example "ends in 10 days" { project_end: today + 10d } expect watch"#
    for day in [1, 15, 28] {
      let result = try run(example, today: CalendarDate(year: 2027, month: 2, day: day)!)
      XCTAssertTrue(result.passed, "day \(day): \(result.mismatches)")
    }
  }

  func testBareNumbersAreReadAsTheFieldsUnitLikeData() throws {
    let result = try run(#"example "x" { payment_delay: 45, revisions: 7, outstanding: 1200 } expect fire"#)
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.client?.values[0], .duration(TimeSpan(days: 45)!))
    XCTAssertEqual(result.client?.values[2], .money(Money(scaledAmount: 12_000_000, currency: .euro)))
  }

  func testBareNumbersForPercentsAndFractionsOfAUnitAreReadLikeData() throws {
    let policy = try Policy(
      """
      field share: percent
      field delay: duration in days
      when share > 10% and delay > 4d then recommend fire
      example "x" { share: 20, delay: 4.5 } expect fire
      """)
    let result = policy.run(policy.examples[0], in: EvaluationContext())
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.client?.values, [.percent(DecimalNumber("0.2")!), .duration(TimeSpan(seconds: 388_800))])
  }

  func testANumberTooLargeForItsFieldSaysWhy() {
    let rows: [(String, String, String)] = [
      (
        "outstanding: 99999999999999999", #""99999999999999999" is too large for money"#,
        "money holds amounts up to 922,337,203,685,477 in any currency"
      ),
      (
        "payment_delay: 9223372036854775807", #""9223372036854775807" is too large to be read exactly"#,
        "the number is too large for a duration, or not a whole number of seconds"
      ),
    ]
    for (value, message, hint) in rows {
      let (_, diagnostics) = Policy.compile(
        SourceFile(name: "p", text: Self.policyText + "\nexample \"a\" { \(value) } expect fire"))
      let problem = diagnostics.first { $0.code == "example-value" }
      XCTAssertEqual(problem?.message, message, value)
      XCTAssertEqual(problem?.hint, hint, value)
    }
  }

  func testMissingFieldsAreMissingAndMakeRulesUnknown() throws {
    let result = try run(#"example "nothing known" {} expect keep"#)
    XCTAssertTrue(result.passed)
    XCTAssertEqual(Array(result.evaluation?.unknownRules ?? RuleSet()), [0, 1])
  }

  func testAnEvaluationErrorIsAFailureWithTheDiagnostic() throws {
    let policy = try Policy("when 100 / revisions > 5 then recommend fire", name: "p.verdict")
    let testFile = SourceFile(name: "p_test.verdict", text: #"example "zero" { revisions: 0 } expect keep"#)
    let result = policy.run(try XCTUnwrap(policy.examples(in: testFile).examples.first), in: EvaluationContext())
    XCTAssertFalse(result.passed)
    XCTAssertEqual(result.failure?.diagnostic.message, "division by zero")
    XCTAssertEqual(result.failure?.source.name, "p.verdict", "the error is in the policy, not in the test file")
  }

  // MARK: - Checking

  func testMistakesInExamplesAreWarningsThatLeaveTheExampleOut() {
    let rows: [(String, String, UInt)] = [
      (#"example "a" { 1️⃣paymnt_delay: 45d } expect fire"#, "the policy has no field 'paymnt_delay'", #line),
      (#"example "a" { revisions: 1️⃣"seven" } expect fire"#, "'revisions' is a number, but this is text", #line),
      (
        #"example "a" { revisions: 1️⃣x + 1 } expect fire"#, "an example's values are constants, and 'x' is not one",
        #line
      ),
      (#"example "a" { outstanding: 1️⃣100$ } expect fire"#, "'outstanding' is in EUR, not USD", #line),
      (#"example "a" {} expect 1️⃣fier"#, "unknown verdict 'fier'", #line),
      (#"example "a" {} expect fire notice 1️⃣"soon""#, "'notice' needs a duration, not text", #line),
      (
        #"example "a" { revisions: 1, 1️⃣revisions: 2 } expect fire"#, "'revisions' is given twice in this example", #line
      ),
      (
        """
        example "a" {} expect keep
        example 1️⃣"a" {} expect keep
        """, #"there is already an example named "a""#, #line
      ),
    ]
    for (marked, message, line) in rows {
      let source = MarkedSource(Self.policyText + "\n" + marked)
      let (policy, diagnostics) = Policy.compile(SourceFile(name: "p.verdict", text: source.text))
      let errors = policy?.exampleDiagnostics ?? []
      XCTAssertEqual(errors.map(\.message), [message], marked, line: line)
      XCTAssertEqual(errors.map(\.severity), [.error], marked, line: line)
      XCTAssertEqual(errors.first?.range.start, source.offsets[1], marked, line: line)
      // They do not stop the policy from compiling (and running): compile reports them as warnings.
      let warnings = diagnostics.filter { $0.code == errors.first?.code }
      XCTAssertEqual(warnings.map(\.message), [message], marked, line: line)
      XCTAssertEqual(warnings.map(\.severity), [.warning], marked, line: line)
      let kept = policy?.examples.map(\.range) ?? []
      XCTAssertFalse(kept.contains { $0.start < source.offsets[1]! && source.offsets[1]! < $0.end }, marked, line: line)
    }
  }

  func testCheckingDoesNotDependOnTheClock() throws {
    // With the fixed date examples are checked with, 2000-01-01, the product is 0d; with the
    // clock's date (2026 or later) it overflows. Either way the policy compiles the same.
    let policy = try policy(
      #"example "far" { project_end: today + (today - 2000-01-01) * 20000000000 } expect keep"#)
    XCTAssertEqual(policy.examples.map(\.name), ["far"])
  }

  func testExamplesNamingNoFieldAmongThousandsGetAShortHintAndAreCountedPastAHundred() {
    // 3,000 fields and 150 examples naming none of them, nor anything near: each hint lists the
    // first twelve fields and counts the others, not all 3,000 at every mistake; after 100
    // mistakes of the kind, one says the rest are left out.
    let fields = (0..<3000).map { "amount_\($0)" }
    let text =
      fields.map { "field \($0): number" }.joined(separator: "\n")
      + "\nwhen amount_0 > 1 then recommend fire\n"
      + (0..<150).map { "example \"e\($0)\" { zz\($0): 1 } expect keep" }.joined(separator: "\n")
    let (policy, compiled) = Policy.compile(SourceFile(name: "p", text: text))
    let diagnostics = compiled.filter { $0.code == "example-field" }
    let listing = "its fields and tables are \(fields.prefix(12).joined(separator: ", ")) and 2988 more"
    XCTAssertEqual(diagnostics.map(\.hint), Array(repeating: listing, count: 100) + [nil])
    XCTAssertEqual(diagnostics.count, 101)
    XCTAssertEqual(diagnostics.last?.message, "more 'example-field' mistakes like the ones above are left out")
    XCTAssertEqual(policy?.examples.count, 0, "an example with a mistake is left out, reported or not")
  }

  func testDidYouMeanForAMisspeltField() throws {
    let (_, diagnostics) = Policy.compile(
      SourceFile(name: "p", text: Self.policyText + "\nexample \"a\" { revisons: 7 } expect fire"))
    XCTAssertEqual(diagnostics.first { $0.code == "example-field" }?.hint, "did you mean 'revisions'?")
  }

  func testSyntaxErrorsInExamples() {
    let rows: [(String, String, UInt)] = [
      (#"example 1️⃣late { } expect fire"#, "expected the example's name in double quotes after 'example'", #line),
      (#"example "a" { revisions: 7 1️⃣expect fire"#, "'}' expected (to close '{' at line 1), found 'expect'", #line),
      (#"example "a" { revisions: 7 } 1️⃣fire"#, "expected 'expect' after the example's values, found 'fire'", #line),
      (#"example "a" { 1️⃣7 } expect fire"#, "expected a field name in the example, found a number", #line),
    ]
    for (marked, message, line) in rows {
      let source = MarkedSource(marked)
      let parsed = Parser.parse(SourceFile(name: "t", text: source.text))
      XCTAssertEqual(parsed.diagnostics.first?.message, message, marked, line: line)
      XCTAssertEqual(parsed.diagnostics.first?.range.start, source.offsets[1], marked, line: line)
    }
  }

  func testExampleIsAContextualWordAndMayNameAField() throws {
    let policy = try Policy(
      """
      field example: bool
      when example then recommend fire notice 30d
      example "x" { example: true } expect fire
      example "y" {} expect keep
      """)
    XCTAssertEqual(policy.fields.map(\.name), ["example"])
    XCTAssertEqual(policy.examples.map(\.name), ["x", "y"])
    XCTAssertTrue(policy.examples.allSatisfy { policy.run($0, in: EvaluationContext()).passed })
    XCTAssertTrue(Policy.startsWithStatement(#"example "x" {} expect keep"#))
    XCTAssertFalse(Policy.startsWithStatement("example and true"))
  }

  func testTheParserRecoversAtAnExample() {
    let parsed = Parser.parse(
      SourceFile(
        name: "t",
        text: """
          when x > then recommend fire
          example "after the error" {} expect keep
          """))
    XCTAssertEqual(parsed.diagnostics.count, 1)
    let names = parsed.syntax.statements.compactMap { statement -> String? in
      if case .example(let example) = statement.kind { return example.name }
      return nil
    }
    XCTAssertEqual(names, ["after the error"])
  }

  // MARK: - Test files

  func testATestFileHoldsOnlyExamplesCheckedAgainstThePolicy() throws {
    let policy = try policy()
    let good = policy.examples(
      in: SourceFile(
        name: "p_test.verdict",
        text: """
          # the slow payer
          example "late" {
            payment_delay: 45d,
            revisions: 7,
          } expect fire
          """))
    XCTAssertEqual(good.diagnostics.map(\.message), [])
    XCTAssertEqual(good.examples.map(\.name), ["late"])
    XCTAssertEqual(good.examples.first?.line, 2)
    XCTAssertTrue(policy.run(good.examples[0], in: EvaluationContext()).passed)

    let bad = policy.examples(in: SourceFile(name: "p_test.verdict", text: "when revisions > 9 then recommend fire"))
    XCTAssertEqual(bad.diagnostics.map(\.message), ["a test file holds only examples"])
    XCTAssertEqual(bad.examples.count, 0)
  }

  func testADataLineNamesTheDataOfItsFilesExamples() throws {
    let policy = try policy(
      """
      data "policy-clients.csv"
      example "own" { revisions: 1 } expect keep
      """)
    XCTAssertEqual(policy.examples.map(\.data), ["policy-clients.csv"])
    let testFile = policy.examples(
      in: SourceFile(
        name: "p_test.verdict",
        text: """
          example "before the line" { revisions: 1 } expect keep
          data "clients.csv"
          example "after it" { revisions: 2 } expect keep
          """))
    XCTAssertEqual(testFile.diagnostics.map(\.message), [])
    XCTAssertEqual(testFile.examples.map(\.data), ["clients.csv", "clients.csv"])
    // Without a data line, an example names no data.
    let plain = policy.examples(in: SourceFile(name: "p_test.verdict", text: "example \"x\" {} expect keep"))
    XCTAssertEqual(plain.examples.map(\.data), [nil])
  }

  func testAFileNamesAtMostOneDataFile() throws {
    let policy = try policy()
    let twice = policy.examples(
      in: SourceFile(
        name: "p_test.verdict",
        text: """
          data "a.csv"
          data "b.csv"
          example "x" {} expect keep
          """))
    XCTAssertEqual(twice.diagnostics.map(\.message), ["this file already names its data"])
    let empty = policy.examples(in: SourceFile(name: "p_test.verdict", text: "data \"\"\nexample \"x\" {} expect keep"))
    XCTAssertEqual(empty.diagnostics.map(\.message), ["the data file has no name"])
    // `data` stays usable as a field's name; only `data` before a text begins the statement.
    let field = try Policy(
      "field data: number\nwhen data > 1 then recommend fire\nexample \"x\" { data: 2 } expect fire")
    XCTAssertEqual(field.fields.map(\.name), ["data"])
    XCTAssertEqual(field.examples.map(\.data), [nil])
    XCTAssertTrue(field.run(field.examples[0], in: EvaluationContext()).passed)
  }

  func testATestFileCannotReuseANameOfThePolicysExamples() throws {
    let policy = try policy(
      """
      example "late" { payment_delay: 45d, revisions: 7 } expect fire
      """)
    let found = policy.examples(
      in: SourceFile(name: "p_test.verdict", text: #"example "late" { payment_delay: 45d } expect keep"#))
    XCTAssertEqual(found.diagnostics.map(\.message), [#"there is already an example named "late""#])
    XCTAssertEqual(found.diagnostics.first?.range.start, 8)
    let note = try XCTUnwrap(found.diagnostics.first?.notes.first)
    XCTAssertEqual(note.message, "the first is in p.verdict, line 7")
    XCTAssertNil(note.range, "a note points into the diagnostic's own file, so it names the policy's line instead")
    XCTAssertEqual(found.examples.count, 0)
  }

  func testCoverageCountsMatchesAndWins() throws {
    let policy = try policy(
      """
      example "late" { payment_delay: 45d, revisions: 7, project_end: today + 3d } expect fire
      example "ending" { project_end: today + 3d } expect watch
      example "fine" { payment_delay: 2d } expect keep
      """)
    let results = policy.examples.map { policy.run($0, in: EvaluationContext()) }
    let coverage = ExampleCoverage(results, ruleCount: policy.rules.count)
    XCTAssertEqual(coverage.matched, [1, 2])
    XCTAssertEqual(coverage.won, [1, 1])
    XCTAssertEqual(coverage.otherwise, 1)
  }

  func testFormattingKeepsExamplesAndIsIdempotent() throws {
    let text = """
      when revisions > 5 then recommend fire
      example   "short"{revisions:7,}expect fire
      example "long" { revisions: 7, payment_delay: 45d, outstanding: 1200€, project_end: today + 10d, note: "a long note" } expect fire notice 30d reason "a reason long enough that the expectation needs lines of its own, one for each clause"
      """
    let formatted = try PolicyFormatter.format(SourceFile(name: "t", text: text)).get()
    XCTAssertEqual(
      formatted,
      """
      when revisions > 5 then recommend fire

      example "short" { revisions: 7 } expect fire

      example "long" {
        revisions: 7,
        payment_delay: 45d,
        outstanding: 1200€,
        project_end: today + 10d,
        note: "a long note",
      } expect fire
        notice 30d
        reason "a reason long enough that the expectation needs lines of its own, one for each clause"

      """)
    XCTAssertEqual(try PolicyFormatter.format(SourceFile(name: "t", text: formatted)).get(), formatted)
  }
}
