import Testing
import Verdict

/// Clients and examples are numbered by the fields and verdicts of the policy that made them:
/// given to another policy, they are refused with an error instead of being read as other fields'
/// values (a silently wrong verdict) or indexing past that policy's fields (a trap).
struct AnotherPolicysClientTests {
  static let xThenY = try! Policy(
    "field x: number\nfield y: number\nwhen x > 5 then recommend fire\notherwise recommend keep\n")
  static let yThenX = try! Policy(
    "field y: number\nfield x: number\nwhen x > 5 then recommend fire\notherwise recommend keep\n")
  static let context = EvaluationContext(today: try! CalendarDate("2026-12-05"))
  static let message = "the client was made by a policy with other fields, whose values sit in other slots"

  @Test func evaluatingAnotherPolicysClientIsAnError() throws {
    let client = try Self.xThenY.client(["x": 1, "y": 100])
    #expect(try Self.xThenY.evaluate(client, in: Self.context).verdict == "keep")
    #expect {
      try Self.yThenX.evaluate(client, in: Self.context)
    } throws: { error in
      (error as? EvaluationError)?.message == Self.message
    }
    let batch = Self.yThenX.evaluate([client, try Self.yThenX.client(["x": 9, "y": 0])], in: Self.context)
    #expect(batch.map { (try? $0.get())?.verdict } == [nil, "fire"])
    let explanation = Self.yThenX.explain(client, in: Self.context)
    #expect(explanation.verdict == "error")
    #expect(explanation.error?.message == Self.message)
  }

  @Test func theSamePolicyCompiledAgainTakesTheClient() throws {
    let client = try Self.xThenY.client(["x": 9, "y": 0])
    let again = try Policy(
      "field x: number\nfield y: number\nwhen x > 5 then recommend talk\notherwise recommend keep\n")
    #expect(try again.evaluate(client, in: Self.context).verdict == "talk")
  }

  @Test func anotherPolicysClientIsLeftOutOfThePopulation() throws {
    let shares = try Policy(
      "field y: number\nfield x: number\nwhen share(x) > 50% then recommend fire\notherwise recommend keep\n")
    let own = try [1, 3].map { try shares.client(["x": Value.int($0), "y": 0]) }
    let foreign = try Self.xThenY.client(["x": 0, "y": 1_000])
    let context = EvaluationContext(today: Self.context.today, population: shares.population(of: own + [foreign]))
    #expect(try own.map { try shares.evaluate($0, in: context).verdict } == ["keep", "fire"])
  }

  @Test func anotherPolicysPopulationIsAnError() throws {
    let source = "when share(x) > 50% then recommend fire\notherwise recommend keep\n"
    let xFirst = try Policy("field x: number\nfield y: number\n" + source)
    let yFirst = try Policy("field y: number\nfield x: number\n" + source)
    // Read by slot, xFirst's population has x's total (4) in slot 0, which is y's for yFirst, and
    // none in slot 1, yFirst's x: share(x) would be missing and the client kept without a word,
    // where with its own population 3 is 75% of x's total.
    let gathered = try [(1, 500), (3, 500)].map { try xFirst.client(["x": Value.int($0.0), "y": Value.int($0.1)]) }
    let foreign = EvaluationContext(today: Self.context.today, population: xFirst.population(of: gathered))
    let client = try yFirst.client(["x": 3, "y": 500])
    let message = "the context's population was gathered by a policy with other fields, whose values sit in other slots"
    #expect {
      try yFirst.evaluate(client, in: foreign)
    } throws: { error in
      (error as? EvaluationError)?.message == message
    }
    #expect(yFirst.explain(client, in: foreign).error?.message == message)
    let own = try [(1, 500), (3, 500)].map { try yFirst.client(["x": Value.int($0.0), "y": Value.int($0.1)]) }
    let context = EvaluationContext(today: Self.context.today, population: yFirst.population(of: own))
    #expect(try yFirst.evaluate(client, in: context).verdict == "fire")
  }

  @Test func anotherPolicysExampleFailsWithoutRunning() throws {
    let wide = try Policy(
      "field a: number\nfield b: number\nfield c: number\nwhen c > 1 then recommend fire\notherwise recommend keep\n"
        + "example \"wide\" { a: 1, b: 2, c: 3 } expect fire\n")
    let narrow = try Policy("field a: number\nwhen a > 1 then recommend talk\notherwise recommend keep\n")
    let example = try #require(wide.examples.first)
    #expect(wide.run(example, in: Self.context).passed)
    let result = narrow.run(example, in: Self.context)
    #expect(!result.passed)
    #expect(result.failure?.diagnostic.message == "example \"wide\" belongs to another policy")
  }
}
