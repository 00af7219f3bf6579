import Foundation
import Verdict
import XCTest

/// The worked example in `rules/exports/`: a policy that reads an accounting tool's invoice
/// export, a time tracker's export and a hand-kept incident log as record tables.
///
/// Like the policies beside `rules/README.md` (see ``RulesTests``), it compiles without errors or
/// warnings, and its `_test.verdict` examples pass on any day, as `verdict test rules/` runs them
/// (with or without `--data rules/clients.csv`), and make every rule win and reach `otherwise`,
/// but for the rules in ``comparedWithAllClients``.
///
/// Those measure a client against all the others (`share`, `rank`, `percentile`), which an
/// example, a client alone, cannot show; instead, every rule and `otherwise` must decide a client
/// of the bundled exports in `expect.csv`, the report `verdict run` gives for them, which
/// `CLITests/RulesExportsReportTests` compares with the real run.
final class RulesExportsTests: XCTestCase {
  static let folder = RulesTests.rulesFolder.appendingPathComponent("exports")
  static let policyURL = folder.appendingPathComponent("from-exports.verdict")
  static let testURL = folder.appendingPathComponent("from-exports_test.verdict")
  static let reportURL = folder.appendingPathComponent("expect.csv")

  /// The rules no example can decide: they compare the client with every other client.
  static let comparedWithAllClients: Set<String> = ["drains my time"]

  static func shown(_ url: URL) -> String { "rules/exports/\(url.lastPathComponent)" }

  static func policy() throws -> Policy {
    let source = SourceFile(name: shown(policyURL), bytes: Array(try Data(contentsOf: policyURL)))
    let (policy, diagnostics) = Policy.compile(source)
    guard let policy, diagnostics.isEmpty else {
      throw RulesTests.ExpectError(
        "\(shown(policyURL)) has diagnostics:\n" + DiagnosticRenderer().render(diagnostics, in: source))
    }
    return policy
  }

  func testTheExportsAndTheReportAreThere() {
    for name in [
      "from-exports.verdict", "from-exports_test.verdict", "invoices.csv", "time-entries.csv",
      "incidents.csv", "expect.csv",
    ] {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name).path),
        "rules/exports/\(name) is missing")
    }
  }

  func testThePolicyCompilesWithoutErrorsOrWarnings() throws {
    let policy = try Self.policy()
    XCTAssertEqual(
      Set(policy.tables.map(\.name)), ["invoices", "time_entries", "incidents"],
      "\(Self.shown(Self.policyURL)) should read the three exports")
  }

  func testTheExamplesPassAndDecideEveryRule() throws {
    let policy = try Self.policy()
    let testName = Self.shown(Self.testURL)
    let testSource = SourceFile(name: testName, bytes: Array(try Data(contentsOf: Self.testURL)))
    let (examples, diagnostics) = policy.examples(in: testSource)
    XCTAssertTrue(
      diagnostics.isEmpty, "\(testName) has diagnostics:\n" + DiagnosticRenderer().render(diagnostics, in: testSource))
    XCTAssertGreaterThanOrEqual(examples.count, 10, "\(testName) should hold an example at each threshold")

    let ruleNames = policy.rules.map(\.name)
    for name in Self.comparedWithAllClients {
      XCTAssertTrue(ruleNames.contains(name), "\(Self.shown(Self.policyURL)) has no rule \"\(name)\"")
    }
    // As `verdict test rules/` runs them, and with `--data rules/clients.csv`.
    let populations = [nil, RulesTests.population(for: policy, from: try RulesTests.sampleClients())]
    for population in populations {
      for today in RulesTests.exampleDays {
        let results = examples.map {
          policy.run($0, in: EvaluationContext(today: today), population: population)
        }
        for result in results where !result.passed {
          XCTFail(RulesTests.describe(result, of: policy, today: today))
        }
        let coverage = ExampleCoverage(results, ruleCount: policy.rules.count)
        for index in policy.rules.indices
        where coverage.won[index] == 0 && !Self.comparedWithAllClients.contains(policy.rules[index].name ?? "") {
          XCTFail("\(testName): no example is decided by \(policy.rules[index].title(index: index)) on \(today)")
        }
        XCTAssertGreaterThan(coverage.otherwise, 0, "\(testName): no example falls through to otherwise on \(today)")
      }
    }
  }

  /// Every rule, and `otherwise`, decides at least one client of the bundled exports.
  func testTheExpectedReportShowsEveryRule() throws {
    let policy = try Self.policy()
    let name = Self.shown(Self.reportURL)
    let rows = try RulesTests.CSV.parse(String(decoding: try Data(contentsOf: Self.reportURL), as: UTF8.self))
    guard let header = rows.first?.fields else { return XCTFail("\(name) is empty") }
    guard let clientColumn = header.firstIndex(of: "client"), let verdictColumn = header.firstIndex(of: "verdict"),
      let ruleColumn = header.firstIndex(of: "rule")
    else { return XCTFail("\(name):1: no client, verdict or rule column in \(header)") }
    XCTAssertGreaterThanOrEqual(rows.count - 1, 12, "\(name) should show a dozen clients or more")

    var decided = Set<String>()
    var clients = Set<String>()
    for row in rows.dropFirst() {
      guard row.fields.count == header.count else {
        XCTFail("\(name):\(row.line): \(row.fields.count) cells, the header has \(header.count)")
        continue
      }
      XCTAssertTrue(clients.insert(row.fields[clientColumn]).inserted, "\(name):\(row.line): a client twice")
      XCTAssertTrue(
        policy.verdicts.contains(row.fields[verdictColumn]),
        "\(name):\(row.line): '\(row.fields[verdictColumn])' is not a verdict of the policy")
      decided.insert(row.fields[ruleColumn])
    }
    for (index, rule) in policy.rules.enumerated() where !decided.contains(rule.name ?? "") {
      XCTFail("\(name): no client of the exports is decided by \(rule.title(index: index))")
    }
    XCTAssertTrue(decided.contains(""), "\(name): no client of the exports falls through to otherwise")
  }
}
