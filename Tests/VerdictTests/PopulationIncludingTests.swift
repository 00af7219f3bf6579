import Testing

@testable import Verdict

/// `Population.including(_:)`: a data set's population, built and sorted once, measures one more
/// client exactly as a population built with that client added would (what `verdict test --data`
/// relies on to share one population among all its examples).
struct PopulationIncludingTests {
  static let policy = try! Policy(
    """
    field hours: number
    field revenue: money in EUR
    when share(hours) > 50% then recommend fire
    when rank(revenue) == 1 then recommend review
    when percentile(hours) >= 50% then recommend talk
    """)

  /// Hours and revenue of the data set: ties, a missing value, zero.
  static let data: [[String: Value]] = [
    ["hours": .int(10), "revenue": .int(100)],
    ["hours": .int(30), "revenue": .int(900)],
    ["hours": .int(30), "revenue": .int(900)],
    ["hours": .int(0)],
    ["revenue": .int(50)],
    ["hours": .int(60), "revenue": .int(400)],
  ]

  /// Clients below, between, equal to and above the data's values, and with values missing.
  static let newcomers: [[String: Value]] = [
    [:], ["hours": .int(0), "revenue": .int(0)], ["hours": .int(5), "revenue": .int(50)],
    ["hours": .int(30), "revenue": .int(900)], ["hours": .int(45)], ["revenue": .int(1000)],
    ["hours": .int(100), "revenue": .int(100)],
  ]

  static func population(of rows: [[String: Value]]) throws -> Population {
    var builder = PopulationBuilder(for: policy)
    for row in rows { builder.add(try policy.client(row, options: .absentIsMissing)) }
    return builder.build()
  }

  @Test(arguments: 0..<newcomers.count, [0, 1, 6])
  func measuresAsIfBuiltWithTheClient(newcomer: Int, dataCount: Int) throws {
    let rows = Array(Self.data.prefix(dataCount))
    let client = try Self.policy.client(Self.newcomers[newcomer], options: .absentIsMissing)
    let shared = try Self.population(of: rows).including(client)
    let rebuilt = try Self.population(of: rows + [Self.newcomers[newcomer]])
    let fields = [Self.policy.slot(ofField: "hours")!, Self.policy.slot(ofField: "revenue")!]
    let probes: [Value] = [.missing, .int(0), .int(5), .int(10), .int(30), .int(45), .int(60), .int(100), .int(1000)]
    for measure in [PopulationMeasure.share, .rank, .percentile] {
      for field in fields {
        for probe in probes {
          #expect(
            try shared.measure(measure, field: field, value: probe)
              == rebuilt.measure(measure, field: field, value: probe),
            "\(measure) of \(probe) in field \(field)")
        }
      }
    }
  }

  /// A total past 28 digits makes `share` an overflow, not missing (which said the data was not
  /// there); rank and percentile are still measured.
  @Test func aShareOfATotalPast28DigitsIsAnOverflow() throws {
    let population = try Self.population(of: [
      ["hours": .decimal(DecimalNumber("9999999999999999999999999999")!)], ["hours": .int(1)],
    ])
    let hours = Self.policy.slot(ofField: "hours")!
    let failure = #expect(throws: ValueFailure.self) { try population.measure(.share, field: hours, value: .int(1)) }
    #expect(failure?.message == ValueFailure.overflow.message)
    #expect(try population.measure(.rank, field: hours, value: .int(1)) == .int(2))
    #expect(try population.measure(.share, field: hours, value: .missing) == .missing)
  }

  /// Amounts of two currencies (or values of two kinds) are not added up or ranked together:
  /// every measure of the field is an error, whether the other currency came with the data or
  /// with the client measured against it.
  @Test func valuesOfTwoUnitsAreNotMeasuredTogether() throws {
    let dollars = Value.money(Money(scaledAmount: 5_000_000, currency: Currency(code: "USD")!))
    let revenue = Self.policy.slot(ofField: "revenue")!
    let hours = Self.policy.slot(ofField: "hours")!
    let mixed = try Self.population(of: Self.data + [["revenue": dollars]])
    for measure in [PopulationMeasure.share, .rank, .percentile] {
      let failure = #expect(throws: ValueFailure.self) { try mixed.measure(measure, field: revenue, value: .int(100)) }
      #expect(failure?.message.contains("in EUR and USD") == true)
      // The other field is measured as before.
      #expect(try mixed.measure(measure, field: hours, value: .int(10)) != .missing)
    }
    let newcomer = try Self.policy.client(["revenue": dollars], options: .absentIsMissing)
    let including = try Self.population(of: Self.data).including(newcomer)
    #expect(throws: ValueFailure.self) { try including.measure(.rank, field: revenue, value: dollars) }
    // A field the policy does not declare takes each cell's kind.
    let undeclared = try Policy("when share(effort) > 50% then recommend fire")
    var builder = PopulationBuilder(for: undeclared)
    for effort in [Value.int(3), .duration(TimeSpan(seconds: 60))] {
      builder.add(try undeclared.client(["effort": effort], options: .absentIsMissing))
    }
    let effort = undeclared.slot(ofField: "effort")!
    let kinds = #expect(throws: ValueFailure.self) {
      try builder.build().measure(.share, field: effort, value: .int(3))
    }
    #expect(kinds?.message.contains("numbers and durations") == true)
  }

  @Test func examplesMeasuredAgainstASharedPopulation() throws {
    let policy = Self.policy
    let population = try Self.population(of: Self.data)
    let source = SourceFile(
      name: "t_test.verdict",
      bytes: Array(
        """
        example "most hours" { hours: 200, revenue: 10€ } expect fire
        example "most revenue" { hours: 1, revenue: 5000€ } expect review
        example "middling" { hours: 45, revenue: 10€ } expect talk
        """.utf8))
    let (examples, diagnostics) = policy.examples(in: source)
    #expect(diagnostics.isEmpty)
    let context = EvaluationContext(today: CalendarDate(year: 2026, month: 12, day: 1)!)
    let results = examples.map { policy.run($0, in: context, population: population) }
    #expect(results.map(\.passed) == [true, true, true])
    // Without the data set the figures are unknown, and every example is kept.
    #expect(examples.map { policy.run($0, in: context).passed } == [false, false, false])
  }
}
