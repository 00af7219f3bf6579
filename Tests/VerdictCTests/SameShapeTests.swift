import Foundation
import TestSupport
import Testing
import VerdictC

/// The C interface gives what the command line gives for the same policy and client: users
/// meet one shape. The entry points are called here as Swift functions; the C programs call the
/// same ones through the library.
struct SameShapeTests {
  static let policyFile = Repository.root.appendingPathComponent("docs/examples/late-payers.verdict")

  /// Clients covering a winner with every kind of clause, an `otherwise`, and missing data.
  static let clients = [
    #"{"payment_delay": 72, "outstanding": "3150.00", "project_end": "2027-01-31"}"#,
    #"{"payment_delay": 45, "outstanding": 0}"#,
    #"{"payment_delay": "20", "project_end": "2026-12-24"}"#,
    #"{"payment_delay": 3, "outstanding": null}"#,
    "{}",
  ]

  /// Each outcome has the values of the `verdict run --format json` row for the same client,
  /// under the same keys.
  @Test func outcomeMatchesRunJSON() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdictc-shape-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(("[" + Self.clients.joined(separator: ",\n") + "]").utf8).write(
      to: folder.appendingPathComponent("clients.json"))
    let run = try VerdictBinary.run(
      [
        "run", Self.policyFile.path, folder.appendingPathComponent("clients.json").path, "--format", "json",
        "--today", "2026-11-29",
      ], in: Repository.root)
    #expect(run.status == 0, "\(run.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    try #require(rows.count == Self.clients.count)
    let policy = try CPolicy(Self.policyFile)
    for (client, row) in zip(Self.clients, rows) {
      let outcome = try #require(
        try JSONSerialization.jsonObject(with: Data(policy.evaluate(client).utf8)) as? [String: Any])
      var common = row
      for key in ["client", "error", "source"] { common[key] = nil }
      var shared = outcome
      for key in ["matched", "unknown"] { shared[key] = nil }
      #expect(NSDictionary(dictionary: shared) == NSDictionary(dictionary: common), "client \(client)")
    }
  }

  /// `verdict_explain` gives the text and the JSON object of `verdict explain --set`.
  @Test(arguments: [0, 1, 2]) func explanationMatchesExplainCommand(format: Int32) throws {
    let policy = try CPolicy(Self.policyFile)
    let explained = try policy.explain(Self.clients[0], format: format)
    var arguments = [
      "explain", Self.policyFile.path, "--set", "payment_delay=72", "--set", "outstanding=3150.00", "--set",
      "project_end=2027-01-31", "--today", "2026-11-29",
    ]
    if format == 1 { arguments.append("--tree") }
    if format == 2 { arguments += ["--format", "json"] }
    let command = try VerdictBinary.run(arguments, in: Repository.root)
    #expect(command.status == 0, "\(command.stderr)")
    if format == 2 {
      let objects = try #require(try JSONSerialization.jsonObject(with: Data(command.stdout.utf8)) as? [Any])
      let object = try #require(try JSONSerialization.jsonObject(with: Data(explained.utf8)) as? [String: Any])
      #expect(objects.count == 1)
      #expect(NSDictionary(dictionary: object) == (objects.first as? NSDictionary))
    } else {
      #expect(explained == command.stdout)
    }
  }

  /// A policy that compares each client with the others (`share` in `rules/firing.verdict`):
  /// one client alone has those comparisons unknown and the other rules decide, as `verdict
  /// eval` says; the call failed with "the context has no population" (a Swift-only hint).
  @Test func aClientAloneHasPopulationComparisonsUnknown() throws {
    let policy = try CPolicy(Repository.root.appendingPathComponent("rules/firing.verdict"))
    let client = #"{"time_spent": 300, "revenue": "100", "payment_delay": 40}"#
    let outcome = try #require(
      try JSONSerialization.jsonObject(with: Data(policy.evaluate(client).utf8)) as? [String: Any])
    let command = try VerdictBinary.run(
      [
        "eval", "rules/firing.verdict", "--set", "time_spent=300", "--set", "revenue=100", "--set", "payment_delay=40",
        "--today", "2026-11-29",
      ], in: Repository.root)
    #expect(command.status == 0, "\(command.stderr)")
    let verdict = try #require(outcome["verdict"] as? String)
    #expect(command.stdout.hasPrefix(verdict + "\n"))
    #expect((outcome["unknown"] as? [String])?.contains("drains my time") == true)
  }

  /// A JSON number given to a text field is its literal text, as `verdict run` reads it; to a
  /// number field it is the number it writes. `1.250` was the text "1.2500" (a fourth decimal
  /// meant for number fields read with each cell's own decimal mark).
  @Test func aNumberForATextFieldIsItsLiteralText() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdictc-text-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("codes.verdict")
    try Data(
      """
      field code: text
      field amount: number
      rule "code" when code == "1.250" and amount == 1.25 then recommend fire
      otherwise recommend keep

      """.utf8
    ).write(to: file)
    let policy = try CPolicy(file)
    let outcome = try #require(
      try JSONSerialization.jsonObject(with: Data(policy.evaluate(#"{"code": 1.250, "amount": 1.250}"#).utf8))
        as? [String: Any])
    #expect(outcome["verdict"] as? String == "fire")
  }

  /// `verdict_version` is the version `verdict --version` prints.
  @Test func versionMatchesCommand() throws {
    let command = try VerdictBinary.run(["--version"], in: Repository.root)
    let version = try #require(verdictVersion())
    #expect(String(cString: version) + "\n" == command.stdout)
  }
}

/// A policy compiled through the C entry points, for calling them from Swift.
final class CPolicy {
  private var handle: OpaquePointer?
  private let context: OpaquePointer?

  init(_ file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    var error: UnsafeMutablePointer<CChar>?
    let status = verdictPolicyCompile(text, file.lastPathComponent, &handle, &error)
    context = verdictContextNew()
    try CPolicy.check(status, error)
    try CPolicy.check(verdictContextSetToday(context, "2026-11-29", &error), error)
  }

  deinit {
    verdictContextFree(context)
    verdictPolicyFree(handle)
  }

  func evaluate(_ json: String) throws -> String {
    var outcome: UnsafeMutablePointer<CChar>?
    var error: UnsafeMutablePointer<CChar>?
    try CPolicy.check(verdictEvaluate(handle, context, json, &outcome, &error), error)
    return CPolicy.take(outcome)
  }

  func explain(_ json: String, format: Int32) throws -> String {
    var explanation: UnsafeMutablePointer<CChar>?
    var error: UnsafeMutablePointer<CChar>?
    try CPolicy.check(verdictExplain(handle, context, json, format, &explanation, &error), error)
    return CPolicy.take(explanation)
  }

  /// A failed call as an error with its message.
  struct CallFailed: Error, CustomStringConvertible {
    var status: Int32
    var message: String
    var description: String { "status \(status): \(message)" }
  }

  private static func check(_ status: Int32, _ error: UnsafeMutablePointer<CChar>?) throws {
    guard status == 0 else { throw CallFailed(status: status, message: take(error)) }
  }

  /// The text of a string the library returned, which is then freed.
  private static func take(_ string: UnsafeMutablePointer<CChar>?) -> String {
    defer { verdictStringFree(string) }
    return string.map { String(cString: $0) } ?? ""
  }
}
