import XCTest

@testable import Verdict

final class CheckerTests: XCTestCase {
  /// Parses (which must succeed) and checks a policy.
  func check(_ text: String, line: UInt = #line) -> (program: Program?, diagnostics: [Diagnostic]) {
    let parsed = Parser.parse(SourceFile(name: "t", text: text))
    XCTAssertEqual(parsed.diagnostics.map(\.message), [], "syntax of \(text)", line: line)
    return Checker.check(parsed.syntax)
  }

  /// A window of no length is a duration written as such: the error says what is wrong with it.
  func testATimesFlaggedWindowOfNoLengthSaysSo() {
    let zero = check("when times_flagged(0d) >= 1 then recommend fire").diagnostics.map(\.message)
    XCTAssertEqual(zero, ["the window of times_flagged must be longer than 0d, not 0d"])
    let number = check("when times_flagged(30) >= 1 then recommend fire").diagnostics.map(\.message)
    XCTAssertEqual(number, ["times_flagged needs a window written as a duration, such as 30d"])
  }

  /// A cooldown written as a negative constant is refused, where it is written; `0d` and one
  /// computed for each client (checked when it is computed) are not.
  func testANegativeConstantCooldownIsRefused() {
    let rows: [(String, [String], UInt)] = [
      ("when x then recommend fire cooldown -3d", ["'cooldown' must be 0d or more, not -3d"], #line),
      ("when x then recommend fire cooldown (2d - 5d)", ["'cooldown' must be 0d or more, not -3d"], #line),
      ("otherwise recommend talk cooldown -1h", ["'cooldown' must be 0d or more, not -1h"], #line),
      ("when x then recommend fire cooldown 0d", [], #line),
      ("when x then recommend fire cooldown -(-3d)", [], #line),
      ("field d: duration\nfield x: bool\nwhen x then recommend fire cooldown d - 5d", [], #line),
      ("when x then recommend fire notice -3d", [], #line),
    ]
    for (policy, messages, line) in rows {
      let diagnostics = check(policy, line: line).diagnostics
      XCTAssertEqual(diagnostics.map(\.message), messages, policy, line: line)
      XCTAssertEqual(diagnostics.map(\.code), messages.map { _ in "negative-cooldown" }, policy, line: line)
    }
    let marked = MarkedSource("when x then recommend fire cooldown 1️⃣-3d")
    assertDiagnostics(
      check(marked.text).diagnostics, [.init("negative-cooldown", "'cooldown' must be 0d or more, not -3d")], in: marked
    )
  }

  // MARK: - Types and units

  func testTypesOfUndeclaredFieldsAreInferredFromTheirUse() {
    let rows: [(String, [String: ValueType?], UInt)] = [
      (
        "when payment_delay > 30d and revisions > 5 then recommend fire notice 30d",
        ["payment_delay": .duration, "revisions": .number], #line
      ),
      ("when 500€ <= revenue then recommend fire", ["revenue": .money], #line),
      ("when disrespectful then recommend fire", ["disrespectful": .bool], #line),
      ("when not a or b then recommend fire", ["a": .bool, "b": .bool], #line),
      ("when channel in [\"chat\", \"sms\"] then recommend fire", ["channel": .text], #line),
      ("when days_since(start) > 2w then recommend fire", ["start": .date], #line),
      ("when (ratio ?? 0%) > 10% then recommend fire", ["ratio": .percent], #line),
      ("when x is missing then recommend fire", ["x": nil], #line),
      // A product does not say what its factors are: the data decides.
      ("when hours * 2 > 10 then recommend fire", ["hours": nil], #line),
      ("when project_end - today > 30d then recommend fire", ["project_end": .date], #line),
      // A date plus x makes x a duration; x minus a date makes x a date.
      ("when wait + 2026-01-01 > 2026-06-01 then recommend fire", ["wait": .duration], #line),
      ("when 2026-01-01 + wait > 2026-06-01 then recommend fire", ["wait": .duration], #line),
      ("when start - 2026-01-01 > 30d then recommend fire", ["start": .date], #line),
    ]
    for (text, expected, line) in rows {
      let (program, diagnostics) = check(text, line: line)
      XCTAssertEqual(diagnostics.map(\.message), [], text, line: line)
      let types = Dictionary(uniqueKeysWithValues: (program?.fields ?? []).map { ($0.name, $0.type) })
      XCTAssertEqual(types, expected, text, line: line)
    }
  }

  func testUnitsAndCurrenciesOfFields() throws {
    let (program, diagnostics) = check(
      "field delay: duration in days\nfield fee: money\nfield revenue: money in USD\nwhen delay > 1w and fee > 5€ and revenue * 2 > revenue then recommend fire"
    )
    XCTAssertEqual(diagnostics, [])
    let fields = try XCTUnwrap(program?.fields)
    XCTAssertEqual(fields.map(\.durationUnit), [.day, nil, nil])
    // A money field without a currency takes the one currency of the policy's literals.
    XCTAssertEqual(fields.map(\.currency), [nil, .euro, .dollar])
    XCTAssertTrue(fields.allSatisfy(\.isDeclared))
  }

  func testFormatsAndColumnsOfFields() throws {
    let (program, diagnostics) = check(
      """
      field due: date format "M/D/YYYY" from "DueDate"
      field clv: money in USD from "Customer Lifetime Value"
      field paid: date from "SettledDate"
      field start: date format "DD.MM.YY"
      field also_due: text from "DueDate"
      when due < today and clv > 0$ and paid is missing and start < today and also_due != "" then recommend fire
      """)
    XCTAssertEqual(diagnostics, [])
    let fields = try XCTUnwrap(program?.fields)
    XCTAssertEqual(fields.map(\.name), ["due", "clv", "paid", "start", "also_due"])
    // Two fields may read one column.
    XCTAssertEqual(fields.map(\.column), ["DueDate", "Customer Lifetime Value", "SettledDate", nil, "DueDate"])
    XCTAssertEqual(fields.map(\.columnName), ["DueDate", "Customer Lifetime Value", "SettledDate", "start", "DueDate"])
    XCTAssertEqual(fields.map { $0.dateFormat?.pattern }, ["M/D/YYYY", nil, nil, "DD.MM.YY", nil])
    XCTAssertEqual(fields[0].dateFormat?.order, .monthDayYear)
    XCTAssertEqual(fields[3].dateFormat?.yearDigits, 2)
    XCTAssertEqual(fields[1].currency, .dollar)
  }

  func testLetsMayBeUsedBeforeTheyAreDefinedAndTakeTheirValuesType() throws {
    let (program, diagnostics) = check("let b = a * 2\nlet a = 3d\nwhen b > 5d then recommend fire")
    XCTAssertEqual(diagnostics, [])
    let lets = try XCTUnwrap(program?.lets)
    XCTAssertEqual(lets.map(\.name), ["b", "a"])
    XCTAssertEqual(lets.map(\.value.type), [.duration, .duration])
  }

  func testNearMissOfALetIsReadFromTheDataWithAWarning() {
    let marked = MarkedSource("let slow = 1 > 0\nwhen 1️⃣slo then recommend fire")
    let source = SourceFile(name: "t", text: marked.text)
    let (policy, diagnostics) = Policy.compile(source)
    XCTAssertNotNil(policy, "without field declarations an unknown name is a data field")
    let typo = diagnostics.first { $0.code == "possible-typo" }
    XCTAssertEqual(typo?.severity, .warning)
    XCTAssertEqual(typo?.message, "'slo' is not a let, so it is read from the data")
    XCTAssertEqual(typo?.hint, "did you mean 'slow'?")
    XCTAssertEqual(typo.map { source.location(of: $0.range.start) }, marked.locations[1])
    // Short names are not suspected: `x` is one edit from the let `r` but is plainly a field.
    let short = Policy.compile(SourceFile(name: "t", text: "let r = 1 / x\nwhen r > 1 then recommend fire"))
    XCTAssertNotNil(short.policy)
    XCTAssertFalse(short.diagnostics.contains { $0.code == "possible-typo" })
  }

  func testANearMissIsWarnedAboutOnceWithTheFirstDeclaredOfEquallyNearLets() {
    let uses = (1...40).map { "when rat > \($0) then recommend fire" }.joined(separator: "\n")
    for order in [["rate", "rats"], ["rats", "rate"]] {
      let lets = order.map { "let \($0) = 1" }.joined(separator: "\n")
      let (policy, diagnostics) = Policy.compile(SourceFile(name: "t", text: lets + "\n" + uses))
      XCTAssertNotNil(policy)
      let typos = diagnostics.filter { $0.code == "possible-typo" }
      XCTAssertEqual(typos.map(\.hint), ["did you mean '\(order[0])'?"], "lets \(order)")
    }
  }

  func testDidYouMeanStopsAtTheChecksBudgetOfComparisons() {
    // 25,000 fields and 1,030 distinct misspelled uses: each hint pays the word's 5 characters
    // times the characters of the 25,001 names (the fields and `today`), so the budget covers the
    // first 44 words and the next are told how to declare the name; after 100 errors of the
    // kind, one says the rest are left out.
    let (fields, words) = SuggestionTests.misspellings(padding: 24_990)
    let text =
      fields.map { "field \($0): number" }.joined(separator: "\n") + "\n"
      + words.map { "when \($0.word) > 1 then recommend fire" }.joined(separator: "\n")
    let (_, diagnostics) = Policy.compile(SourceFile(name: "t", text: text))
    let unknown = diagnostics.filter { $0.code == "unknown-name" }
    let cost = 5 * (fields + ["today"]).map(\.count).reduce(0, +)
    let covered = Suggestion.Budget.cellsPerCheck / cost
    let shown = Checker.maximumErrorsOfAKind
    guard covered < shown, shown < words.count else { return XCTFail("the budget must run out first") }
    XCTAssertEqual(
      unknown.map(\.hint),
      (0..<shown).map {
        $0 < covered ? "did you mean '\(words[$0].meant)'?" : "declare it: field \(words[$0].word): TYPE"
      } + [nil])
    XCTAssertEqual(unknown.last?.message, "more 'unknown-name' errors like the ones above are left out")
    XCTAssertEqual(diagnostics.count, shown + 1)
  }

  func testTheErrorsOfATableCountWithThePolicysOfTheirKind() {
    // 60 unknown names in a table's lets and 60 in the rules: 100 shown in all, then one that
    // says the rest are left out, as for a policy without tables.
    let table =
      "table invoices keyed by customer\n  field amount: number\n"
      + (0..<60).map { "  let t\($0) = amount + missing_t\($0)" }.joined(separator: "\n")
    let text =
      "field x: number\n" + table + "\nlet total = sum(invoices.amount)\n"
      + (0..<60).map { "when total > missing_r\($0) then recommend fire" }.joined(separator: "\n")
    let (policy, diagnostics) = Policy.compile(SourceFile(name: "t", text: text))
    XCTAssertNil(policy)
    let unknown = diagnostics.filter { $0.code == "unknown-name" }
    XCTAssertEqual(unknown.count, Checker.maximumErrorsOfAKind + 1)
    XCTAssertEqual(unknown.last?.message, "more 'unknown-name' errors like the ones above are left out")
  }

  func testTenNearMissesOfLetsAreWarnedAboutThenOneSaysTheRestAreLeftOut() {
    let lets = (0..<12).map { "let limit_\($0) = 1" }.joined(separator: "\n")
    let uses = (0..<12).map { "when limt_\($0) > 1 then recommend fire" }.joined(separator: "\n")
    let (_, diagnostics) = Policy.compile(SourceFile(name: "t", text: lets + "\n" + uses))
    let typos = diagnostics.filter { $0.code == "possible-typo" }
    XCTAssertEqual(typos.prefix(10).map(\.hint), (0..<10).map { "did you mean 'limit_\($0)'?" })
    XCTAssertEqual(
      typos.dropFirst(10).map(\.message), ["more 'possible-typo' warnings like the ones above are left out"])
  }

  func testAnUnknownNameUsedOftenGetsTheSameHintEachTime() {
    let text =
      "field rate: number\nfield ratio: number\n"
      + (1...5).map { "when rat > \($0) then recommend fire" }.joined(separator: "\n")
    let (_, diagnostics) = Policy.compile(SourceFile(name: "t", text: text))
    let unknown = diagnostics.filter { $0.code == "unknown-name" }
    XCTAssertEqual(unknown.count, 5)
    XCTAssertEqual(Set(unknown.map(\.hint)), ["did you mean 'rate'?"])
  }

  func testWarningsForUnusedFieldsAndLets() {
    let marked = MarkedSource(
      "field a: number\nfield 1️⃣b: text\nlet 2️⃣c = 1\nlet d = a + 1\nwhen d > 1 then recommend fire")
    let (program, diagnostics) = check(marked.text)
    XCTAssertNotNil(program, "warnings do not stop a policy")
    assertDiagnostics(
      diagnostics,
      [
        .init("unused-field", "field 'b' is declared but never used", at: 1, severity: .warning),
        .init("unused-let", "'c' is defined but never used", at: 2, severity: .warning),
      ], in: marked)
    XCTAssertEqual(diagnostics.count, 2)
  }

  func testAWellTypedPolicyHasNoDiagnostics() {
    let policy = """
      field payment_delay: duration in days
      field revisions: number
      field revenue: money in EUR
      field hours: number
      field disrespectful: bool
      field outstanding: money
      field project_end: date
      verdicts keep < watch < talk < review < fire
      let slow_payer = payment_delay > 30d
      let time_sink = share(hours) > 20% and share(revenue) < 10%
      when payment_delay > 30d and revisions > 5 then recommend fire notice 30d
      rule "drains my time" when time_sink and not disrespectful
        then recommend fire notice max(30d, days_until(project_end)) reason "no fit" refer "an agency"
      rule "owes money" when slow_payer and outstanding > 0€ then recommend fire hold until paid
      strategy first-match
      otherwise recommend keep
      """
    let (program, diagnostics) = check(policy)
    XCTAssertEqual(diagnostics.map(\.message), [])
    XCTAssertEqual(program?.rules.count, 3)
    XCTAssertEqual(program?.strategy, .firstMatch)
    XCTAssertEqual(program?.populationNeeds.count, 2)
  }

  // MARK: - Errors

  func testTypeErrors() {
    let rows: [(String, ExpectedDiagnostic, UInt)] = [
      (
        "field d: duration\nwhen 1️⃣d > 30 then recommend fire",
        .init("type-mismatch", "cannot compare a duration with a number"), #line
      ),
      (
        "when x > 5 and 1️⃣x > 30d then recommend fire",
        .init("type-mismatch", "cannot compare a number with a duration"), #line
      ),
      (
        "field revenue: money\nwhen 1️⃣revenue + 5% > 0€ then recommend fire",
        .init("type-mismatch", "cannot add money and a percent"), #line
      ),
      (
        "when 1️⃣2026-01-01 + 5 > today then recommend fire", .init("type-mismatch", "cannot add a date and a number"),
        #line
      ),
      ("when 1️⃣true < false then recommend fire", .init("type-mismatch", "'<' does not order bools"), #line),
      (
        "when \"a\" contains 1️⃣1 then recommend fire",
        .init("type-mismatch", "text can only contain text, not a number"), #line
      ),
      (
        "when 1️⃣5 contains 1 then recommend fire",
        .init("operand-type", "'contains' needs text or a list on its left, not a number"), #line
      ),
      ("when not 1️⃣5 then recommend fire", .init("operand-type", "'not' needs true or false, not a number"), #line),
      ("when 1️⃣-\"x\" == \"y\" then recommend fire", .init("operand-type", "cannot negate text"), #line),
      (
        "when 1 > 0 and 1️⃣2d then recommend fire", .init("operand-type", "'and' needs true or false, not a duration"),
        #line
      ),
      (
        "when x in 1️⃣5 then recommend fire", .init("operand-type", "'in' needs a list on its right, not a number"), #line
      ),
      (
        "field a: number\nwhen a ?? 1️⃣1d > 0 then recommend fire",
        .init("operand-type", "'??' needs a default of the same type: a number, not a duration"), #line
      ),
      (
        "when x in [1, 1️⃣\"a\"] then recommend fire",
        .init("list-type", "a list holds values of one type, not a number and text"), #line
      ),
      (
        "when 1️⃣5 + 1 then recommend fire",
        .init("condition-type", "a rule's condition must be true or false, but this is a number"), #line
      ),
      (
        "when x then recommend fire notice 1️⃣\"soon\"", .init("clause-type", "'notice' needs a duration, not text"),
        #line
      ),
      ("when x then recommend fire reason 1️⃣30d", .init("clause-type", "'reason' needs text, not a duration"), #line),
      ("when count(1️⃣1, a) > 0 then recommend fire", .init("argument-type", "count takes a bool, not a number"), #line),
      (
        "when min(1, 1️⃣2d) > 0 then recommend fire",
        .init("argument-type", "min needs arguments of one type, not a number and a duration"), #line
      ),
      ("when lower(1️⃣5) == \"x\" then recommend fire", .init("argument-type", "lower takes text, not a number"), #line),
      (
        "field t: text\nwhen share(1️⃣t) > 1% then recommend fire",
        .init("argument-type", "share needs a number, duration or money field, not text"), #line
      ),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      assertDiagnostics(check(marked.text, line: line).diagnostics, [expected], in: marked, line: line)
    }
  }

  func testNameAndCallErrors() {
    let rows: [(String, ExpectedDiagnostic, String?, UInt)] = [
      (
        "when a then recommend 1️⃣fier", .init("unknown-verdict", "unknown verdict 'fier'"), "did you mean 'fire'?", #line
      ),
      (
        "verdicts low < high\nwhen a then recommend high\notherwise recommend 1️⃣keep",
        .init("unknown-verdict", "unknown verdict 'keep'"), nil, #line
      ),
      (
        "field payment_delay: duration\nwhen 1️⃣payment_dela > 30d then recommend fire",
        .init("unknown-name", "unknown name 'payment_dela'"), "did you mean 'payment_delay'?", #line
      ),
      (
        "field a: bool\nwhen a and 1️⃣zzz then recommend fire", .init("unknown-name", "unknown name 'zzz'"),
        "declare it: field zzz: TYPE", #line
      ),
      (
        "when 1️⃣maxx(1, 2) > 1 then recommend fire", .init("unknown-function", "unknown function 'maxx'"),
        "did you mean 'max'?", #line
      ),
      (
        "when 1️⃣max > 1 then recommend fire", .init("function-without-call", "'max' is a function"), "call it: max(…)",
        #line
      ),
      ("when 1️⃣days_since() > 1d then recommend fire", .init("arity", "days_since takes 1 argument, not 0"), nil, #line),
      ("when x > 1 and 1️⃣abs(1, 2) > 1 then recommend fire", .init("arity", "abs takes 1 argument, not 2"), nil, #line),
      ("when 1️⃣max() > 1 then recommend fire", .init("arity", "max takes at least 1 argument, not 0"), nil, #line),
      ("when 1️⃣share(a, b) > 1% then recommend fire", .init("arity", "share takes 1 argument, not 2"), nil, #line),
      (
        "when share(1️⃣hours * 2) > 10% then recommend fire",
        .init("population-argument", "share takes a field of the data or an aggregate, not an expression"), nil, #line
      ),
      ("field x: 1️⃣nubmer", .init("unknown-type", "unknown type 'nubmer'"), "did you mean 'number'?", #line),
      ("field x: duration in 1️⃣fortnights", .init("unknown-unit", "unknown duration unit 'fortnights'"), nil, #line),
      ("field m: money in 1️⃣euro", .init("unknown-currency", "'euro' is not a currency code"), nil, #line),
      (
        "field n: number in 1️⃣days\nwhen n > 1 then recommend fire",
        .init("unexpected-unit", "a number field takes no unit"), nil, #line
      ),
      (
        "field n: number format 1️⃣\"M/D/YYYY\"\nwhen n > 1 then recommend fire",
        .init("unexpected-format", "a number field takes no date format"),
        "'format' tells how the cells of a date field are written", #line
      ),
      (
        "field d: date format 1️⃣\"MM/DD/YYY\"\nwhen d < today then recommend fire",
        .init("invalid-date-format", "'YYY' in 'MM/DD/YYY' is not a date format token"), DateFormat.patternHint, #line
      ),
      (
        "field d: date format 1️⃣\"YYYY-DD-MM\"\nwhen d < today then recommend fire",
        .init("invalid-date-format", "'YYYY-DD-MM' is in an order dates are not written in: use Y-M-D, D-M-Y or M-D-Y"),
        DateFormat.patternHint, #line
      ),
      (
        "field d: date from 1️⃣\"  \"\nwhen d < today then recommend fire",
        .init("empty-column", "'from' names no column"),
        "write the column's header as the data has it: from \"Due Date\"",
        #line
      ),
      ("strategy 1️⃣random-pick", .init("unknown-strategy", "unknown strategy 'random-pick'"), nil, #line),
      ("strategy 1️⃣fastest", .init("unknown-strategy", "unknown strategy 'fastest'"), nil, #line),
    ]
    for (input, expected, hint, line) in rows {
      let marked = MarkedSource(input)
      let diagnostics = check(marked.text, line: line).diagnostics
      assertDiagnostics(diagnostics, [expected], in: marked, line: line)
      if let hint { XCTAssertEqual(diagnostics.first?.hint, hint, input, line: line) }
    }
  }

  func testDuplicates() {
    let rows: [(String, ExpectedDiagnostic, UInt)] = [
      (
        "rule \"a\" when x then recommend fire\nrule 1️⃣\"a\" when y then recommend talk",
        .init("duplicate-rule", "there is already a rule named \"a\""), #line
      ),
      (
        "when x then recommend fire notice 1d 1️⃣notice 2d",
        .init("duplicate-clause", "'notice' is given twice in one action"), #line
      ),
      (
        "when x then recommend fire hold until paid 1️⃣hold until paid",
        .init("duplicate-clause", "'hold until paid' is given twice"), #line
      ),
      (
        "field a: number\nfield 1️⃣a: text\nwhen a > 1 then recommend fire",
        .init("duplicate-field", "field 'a' is already declared"), #line
      ),
      (
        "let a = 1\nlet 1️⃣a = 2\nwhen a > 0 then recommend fire", .init("duplicate-let", "'a' is already defined"), #line
      ),
      (
        "field a: number\nlet 1️⃣a = 2\nwhen a > 0 then recommend fire",
        .init("duplicate-name", "'a' is both a field and a let"), #line
      ),
      (
        "verdicts a < b < 1️⃣a\nwhen x then recommend a", .init("duplicate-verdict", "verdict 'a' is listed twice"), #line
      ),
      (
        "verdicts a < b\n1️⃣verdicts c\nwhen x then recommend a",
        .init("duplicate-verdicts", "at most one 'verdicts' statement"), #line
      ),
      (
        "otherwise recommend keep\n1️⃣otherwise recommend talk",
        .init("duplicate-otherwise", "a policy has at most one 'otherwise'"), #line
      ),
      (
        "strategy first-match\n1️⃣strategy most-severe",
        .init("duplicate-strategy", "a policy has at most one 'strategy'"), #line
      ),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      let diagnostics = check(marked.text, line: line).diagnostics
      assertDiagnostics(diagnostics, [expected], in: marked, line: line)
    }
    let duplicate = check("let a = 1\nlet a = 2\nwhen a > 0 then recommend fire").diagnostics.first
    XCTAssertEqual(
      duplicate?.notes.first?.range, SourceRange(start: 4, end: 5), "the note points at the first definition")
  }

  func testCurrencyMixing() {
    let rows: [(String, ExpectedDiagnostic, UInt)] = [
      ("when x + 5€ > 1️⃣$5 then recommend fire", .init("currency-mismatch", "cannot mix EUR and USD"), #line),
      (
        "field revenue: money in USD\nwhen revenue > 1️⃣500€ then recommend fire",
        .init("currency-mismatch", "cannot mix USD and EUR"), #line
      ),
      ("when max(5€, 1️⃣£5) > 1€ then recommend fire", .init("currency-mismatch", "cannot mix EUR and GBP"), #line),
      (
        "let a = 5€\nlet b = $5\nwhen a - 1️⃣b > 1€ then recommend fire",
        .init("currency-mismatch", "cannot mix EUR and USD"), #line
      ),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      assertDiagnostics(check(marked.text, line: line).diagnostics, [expected], in: marked, line: line)
    }
  }

  func testLetCycles() {
    let rows: [(String, ExpectedDiagnostic, UInt)] = [
      (
        "let a = b + 1\nlet b = 1️⃣a + 1\nwhen a > 1 then recommend fire",
        .init("let-cycle", "'a' is defined in terms of itself: a -> b -> a"), #line
      ),
      (
        "let a = 1️⃣a\nwhen a then recommend fire", .init("let-cycle", "'a' is defined in terms of itself: a -> a"), #line
      ),
      (
        "let x = 1\nlet a = b and x > 0\nlet b = c\nlet c = 1️⃣a\nwhen a then recommend fire",
        .init("let-cycle", "'a' is defined in terms of itself: a -> b -> c -> a"), #line
      ),
    ]
    for (input, expected, line) in rows {
      let marked = MarkedSource(input)
      let (program, diagnostics) = check(marked.text, line: line)
      XCTAssertNil(program, line: line)
      assertDiagnostics(diagnostics, [expected], in: marked, line: line)
    }
  }

  func testSeveralErrorsAreReportedTogether() {
    let marked = MarkedSource(
      "field d: duration\nwhen 1️⃣d > 3 then recommend 2️⃣fier notice 3️⃣5\nwhen 4️⃣e then recommend fire")
    assertDiagnostics(
      check(marked.text).diagnostics,
      [
        .init("type-mismatch", "cannot compare a duration with a number", at: 1),
        .init("unknown-verdict", "unknown verdict 'fier'", at: 2),
        .init("clause-type", "'notice' needs a duration, not a number", at: 3),
        .init("unknown-name", "unknown name 'e'", at: 4),
      ], in: marked)
  }
}
