import Foundation
import TestSupport
import Testing

/// `docs/explain.md` describes `verdict explain --format json`: the keys of a client's object, of
/// each rule and of each condition node, and every `outcome` a rule can have. This runs `explain`
/// on two clients that between them give a rule every outcome (one client's evaluation fails on a
/// division by zero, so it also has `error`) and checks the page's description against the output.
struct ExplainJSONDocsTests {
  static let page = DocsExamplesTests.docsFolder.appendingPathComponent("explain.md")

  static let policy = """
    field a: number
    field b: number
    verdicts keep < watch < fire
    rule "big" when a > 10 then recommend fire
    rule "also big" when a > 15 then recommend watch
    rule "ratio" when a / b > 1 then recommend watch
    rule "small" when a < 5 then recommend watch
    otherwise recommend keep

    """

  /// The page's bullet about `--format json`, from its first line to the next bullet.
  static func jsonBullet() throws -> String {
    let text = try String(contentsOf: page, encoding: .utf8)
    let start = try #require(text.range(of: "- `--format json`"))
    let rest = text[start.upperBound...]
    let end = rest.range(of: "\n- ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// The words in backquotes in `text`, in order.
  static func quotedWords(in text: some StringProtocol) -> [String] {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
      .map { String($0.element) }
  }

  /// The explanations of the two clients, as JSON objects.
  static func explanations() throws -> [[String: Any]] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "verdict-explain-json-\(UUID().uuidString)")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try policy.write(to: folder.appendingPathComponent("p.verdict"), atomically: true, encoding: .utf8)
    try "id,a,b\nX,20,0\nY,20,\n".write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    let result = try VerdictBinary.run(["explain", "p.verdict", "d.csv", "--all", "--format", "json"], in: folder)
    #expect(result.status == 1, "the failing client makes the status 1: \(result.stderr)")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(parsed as? [[String: Any]], "not an array of objects: \(result.stdout)")
  }

  /// The keys of every condition node under `node`, itself included.
  static func nodeKeys(_ node: [String: Any]) -> Set<String> {
    let children = (node["children"] as? [[String: Any]]) ?? []
    return children.reduce(Set(node.keys)) { $0.union(nodeKeys($1)) }
  }

  @Test func everyOutcomeIsDocumentedAndEveryDocumentedOneOccurs() throws {
    let bullet = try Self.jsonBullet()
    let start = try #require(bullet.range(of: "`outcome` ("), "the page lists no outcomes")
    let end = try #require(bullet.range(of: "`findings`", range: start.upperBound..<bullet.endIndex))
    let documented = Self.quotedWords(in: bullet[start.upperBound..<end.lowerBound])
    let rules = try Self.explanations().flatMap { ($0["rules"] as? [[String: Any]]) ?? [] }
    let produced = rules.compactMap { $0["outcome"] as? String }
    #expect(documented.sorted() == Set(produced).sorted())
  }

  @Test func everyKeyOfTheOutputIsDocumented() throws {
    let documented = Set(Self.quotedWords(in: try Self.jsonBullet()))
    let clients = try Self.explanations()
    #expect(clients.count == 2)
    let clientKeys = clients.reduce(Set<String>()) { $0.union($1.keys) }
    #expect(clientKeys.contains("error"), "the failing client has no error: \(clientKeys)")
    let rules = clients.flatMap { ($0["rules"] as? [[String: Any]]) ?? [] }
    let ruleKeys = rules.reduce(Set<String>()) { $0.union($1.keys) }
    let nodeKeys = rules.compactMap { $0["condition"] as? [String: Any] }.reduce(Set<String>()) {
      $0.union(Self.nodeKeys($1))
    }
    for key in clientKeys.union(ruleKeys).union(nodeKeys) {
      #expect(documented.contains(key), "docs/explain.md does not name the JSON key '\(key)'")
    }
    let decisions = Set(clients.compactMap { $0["decision"] as? String })
    #expect(decisions.isSubset(of: documented), "undocumented decisions in \(decisions)")
  }
}
