import Foundation
import Testing
import Verdict

/// The library as an embedder meets it: this target has no package access, so it compiles against
/// the public API of `Verdict` only (see Package.swift), as another package would.
struct EmbeddingTests {
  static let text = """
    field payment_delay: duration in days
    field revisions: number
    field outstanding: money in EUR

    rule "slow and indecisive"
      when payment_delay > 30d and revisions > 5
      then recommend fire notice 30d reason "I don't think my services fit your needs."

    rule "owes money"
      when payment_delay > 60d and outstanding > 0€
      then recommend fire hold until paid

    otherwise recommend keep

    example "late and picky" { payment_delay: 45d, revisions: 7, outstanding: 0€ } expect fire notice 30d
    """
  static let policy = try! Policy(text, name: "firing.verdict")
  static let context = EvaluationContext(today: try! CalendarDate("2026-12-05"))

  @Test func aClientFromLiteralsGetsItsVerdict() throws {
    let client = try Self.policy.client(["payment_delay": "45", "revisions": 7, "outstanding": "0 EUR"])
    let outcome = try Self.policy.evaluate(client, in: Self.context)
    #expect(outcome.verdict == "fire")
    #expect(outcome.winningRule == 0)
    #expect(outcome.clauses.notice == TimeSpan(days: 30))
    #expect(outcome.description == #"fire by rule 1: notice 30d, reason "I don't think my services fit your needs.""#)
  }

  /// Text given by a program is read as a data cell, for a text field too: the spaces around it
  /// go, and spaces alone are missing, as `verdict run` reads the same JSON record.
  @Test func textIsReadAsADataCell() throws {
    let policy = try Policy("field plan: text\nwhen plan == \"pro\" then recommend keep\notherwise recommend review\n")
    let padded = try policy.client(["plan": "pro "])
    #expect(try policy.evaluate(padded, in: Self.context).verdict == "keep")
    let blank = try policy.client(["plan": "  "])
    #expect(try policy.evaluate(blank, in: Self.context).verdict == "review")
    #expect(Array(try policy.evaluate(blank, in: Self.context).unknownRules) == [0])
  }

  @Test func aMisspelledKeyIsAnErrorWithADidYouMean() {
    #expect {
      try Self.policy.client(["payment_delay": "45", "revision": 7, "outstanding": "0 EUR"])
    } throws: { error in
      guard let error = error as? ClientError else { return false }
      return error.kind == .unknownKey && error.field == "revision" && error.hint == "did you mean 'revisions'?"
    }
  }

  @Test func aFieldNotGivenIsAnErrorUnlessSaidToBeMissing() throws {
    #expect {
      try Self.policy.client(["payment_delay": "45", "outstanding": "0 EUR"])
    } throws: { error in
      (error as? ClientError)?.kind == .absentField && (error as? ClientError)?.field == "revisions"
    }
    let unknown = try Self.policy.client(["payment_delay": "45", "revisions": .missing, "outstanding": "0 EUR"])
    let outcome = try Self.policy.evaluate(unknown, in: Self.context)
    #expect(outcome.verdict == "keep")
    #expect(Array(outcome.unknownRules) == [0])
    #expect(outcome.description == "keep by otherwise (rule 1 undecided)")
    let lenient = try Self.policy.client(["payment_delay": "45", "other": 1], options: .lenient)
    #expect(try Self.policy.evaluate(lenient, in: Self.context) == outcome)
  }

  @Test func aValueThatDoesNotFitItsFieldNamesTheField() {
    #expect {
      try Self.policy.client(["payment_delay": "fourty", "revisions": 7, "outstanding": "0 EUR"])
    } throws: { error in
      guard let error = error as? ClientError else { return false }
      return error.kind == .invalidValue && error.field == "payment_delay" && error.message.contains("fourty")
    }
  }

  /// An embedder's own type, its property names mapped to the policy's field names.
  struct Account: Encodable {
    var paymentDelay: String
    var revisions: Int
    var outstanding: String?
    enum CodingKeys: String, CodingKey {
      case paymentDelay = "payment_delay", revisions, outstanding
    }
  }

  struct Measured: Encodable {
    var paymentDelay: Double
    var revisions: Int
    var outstanding: String
    enum CodingKeys: String, CodingKey {
      case paymentDelay = "payment_delay", revisions, outstanding
    }
  }

  @Test func clientsFromEncodableTypes() throws {
    let client = try Self.policy.client(from: Account(paymentDelay: "70d", revisions: 2, outstanding: "120.50 EUR"))
    let outcome = try Self.policy.evaluate(client, in: Self.context)
    #expect(outcome.verdict == "fire")
    #expect(outcome.winningRule == 1)
    #expect(outcome.clauses.holdUntilPaid)
    // nil is missing, not absent: the strict check accepts it.
    let owesNothingKnown = try Self.policy.client(from: Account(paymentDelay: "70d", revisions: 2, outstanding: nil))
    #expect(Array(try Self.policy.evaluate(owesNothingKnown, in: Self.context).unknownRules) == [1])
    // A Double is refused rather than rounded.
    #expect {
      try Self.policy.client(from: Measured(paymentDelay: 0.1, revisions: 1, outstanding: "0 EUR"))
    } throws: { error in (error as? ClientError)?.field == "payment_delay" }
  }

  @Test func aPolicyWithMistakesThrowsEveryDiagnostic() {
    do {
      _ = try Policy("when payment_dela > 30d then recommend fire\nwhen x > then recommend keep", name: "bad.verdict")
      Issue.record("a policy with mistakes compiled")
    } catch {
      #expect(!error.diagnostics.isEmpty)
      #expect(error.diagnostics.allSatisfy { $0.severity == .error })
      let first = error.diagnostics[0]
      #expect(error.source.location(of: first.range.start).line >= 1)
      let rendered = DiagnosticRenderer().render(error.diagnostics, in: error.source)
      #expect(rendered.hasPrefix("bad.verdict:"))
      #expect(rendered == error.description)
    }
  }

  @Test func populationRulesNeedThePopulation() throws {
    let policy = try Policy(
      """
      field hours: number
      when share(hours) > 50% then recommend fire
      otherwise recommend keep
      """)
    #expect(policy.needsPopulation)
    let clients = try [10, 30, 70].map { try policy.client(["hours": Value.int($0)]) }
    #expect(throws: EvaluationError.self) { try policy.evaluate(clients[2], in: Self.context) }
    let outcomes = try policy.evaluate(clients, in: Self.context).map { try $0.get().verdict }
    #expect(outcomes == ["keep", "keep", "fire"])
    let context = EvaluationContext(today: Self.context.today, population: policy.population(of: clients))
    #expect(try policy.evaluate(clients[2], in: context).verdict == "fire")
  }

  @Test func onePolicyFromManyThreadsGivesTheSameOutcomes() async throws {
    let policy = Self.policy
    let clients = try (0..<400).map { index in
      try policy.client([
        "payment_delay": Value.int(Int64(index % 90)), "revisions": Value.int(Int64(index % 9)),
        "outstanding": Value.text("\(index % 3) EUR"),
      ])
    }
    let serial = try clients.map { try policy.evaluate($0, in: Self.context) }
    let context = Self.context
    let concurrent = try await withThrowingTaskGroup(of: (Int, [Evaluation]).self) { group in
      for task in 0..<8 {
        group.addTask { (task, try clients.map { try policy.evaluate($0, in: context) }) }
      }
      var all: [[Evaluation]] = []
      for try await (_, outcomes) in group { all.append(outcomes) }
      return all
    }
    #expect(concurrent.count == 8)
    #expect(concurrent.allSatisfy { $0 == serial })
    #expect(Set(serial.map(\.verdict)) == ["fire", "keep"])
  }

  @Test func explanationsSayWhy() throws {
    let client = try Self.policy.client(["payment_delay": "45", "revisions": 7, "outstanding": "0 EUR"])
    let explanation = Self.policy.explain(client, in: Self.context)
    #expect(explanation.verdict == "fire")
    #expect(explanation.rules.map(\.outcome) == [.won, .notMatched])
    #expect(explanation.rules[0].findings.map(\.text).contains { $0.contains("45d > 30d") })
    let text = ExplanationText.render(explanation, client: "Acme")
    #expect(text.hasPrefix("Acme: fire, by rule 1 \"slow and indecisive\""))
  }

  @Test func thePolicysOwnExamplesRun() {
    let results = Self.policy.examples.map { Self.policy.run($0, in: Self.context) }
    #expect(results.map(\.example.name) == ["late and picky"])
    #expect(results.allSatisfy { $0.passed })
  }

  @Test func theFormatterWritesTheCanonicalLayout() throws {
    #expect(try PolicyFormatter.format("when  x>3 then recommend fire") == "when x > 3 then recommend fire\n")
    #expect(throws: PolicyError.self) { try PolicyFormatter.format("when x > then") }
  }

  @Test func datesAreReadOrRefused() {
    #expect((try? CalendarDate("2026-02-28"))?.components.day == 28)
    #expect(throws: CalendarDate.FormatError.self) { try CalendarDate("2026-02-30") }
    #expect(throws: CalendarDate.FormatError.self) { try CalendarDate("28.02.2026") }
    for text in ["2026-1-011", "20261-2-05", "2026-02-28 10:00", "2026/02/28"] {
      #expect(throws: CalendarDate.FormatError.self, "\(text)") { try CalendarDate(text) }
    }
  }
}
