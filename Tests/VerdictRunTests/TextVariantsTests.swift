import Testing

@testable import Verdict
@testable import VerdictRun

/// Texts a policy compares a field with, and the rows that write them another way (`Pro` for
/// `"pro"`), which silently do not match: ``Policy/comparedTexts`` and ``TextVariants``.
struct TextVariantsTests {
  let policy = try! Policy(
    """
    field plan: text
    field channel: text
    field note: text
    let premium = plan in ["pro", "Pro Plus"]
    rule "chat" when premium and channel == "chat" then recommend review
    rule "not free" when plan != "free" and lower(note) == "vip" then recommend watch
    rule "listed" when ["email", "sms"] contains channel then recommend talk
    otherwise recommend keep
    """)

  func slot(_ name: String) -> Int { policy.fields.firstIndex { $0.name == name }! }

  @Test func theComparedTextsAreThoseOfEqualityAndMembership() {
    let compared = policy.comparedTexts
    #expect(compared[slot("plan")] == ["pro", "Pro Plus", "free"])
    #expect(compared[slot("channel")] == ["chat", "email", "sms"])
    // Compared through lower(): the policy already allows for how it is written.
    #expect(compared[slot("note")] == nil)
  }

  @Test func foldingIgnoresCaseAndHowSpacesAreWritten() {
    #expect(TextVariants.fold("  PRO\u{A0}\u{A0}Plus ") == "pro plus")
    #expect(TextVariants.fold("Pro\u{200B}") == "pro")
    #expect(TextVariants.fold("e-mail") == "e-mail")
  }

  /// Notes rows of (plan, channel, note), from line 2 on.
  func noted(_ rows: [(String, String, String)]) -> TextVariants {
    var variants = TextVariants(policy)
    for (index, row) in rows.enumerated() {
      var values = [Value](repeating: .missing, count: policy.fields.count)
      values[slot("plan")] = .text(row.0)
      values[slot("channel")] = .text(row.1)
      values[slot("note")] = .text(row.2)
      values.withUnsafeBufferPointer { variants.note($0.baseAddress!, source: 0, line: index + 2) }
    }
    return variants
  }

  @Test func rowsWritingAComparedTextAnotherWayAreCountedWithTheFirstPlace() {
    let variants = noted([
      ("pro", "chat", "x"), ("Pro", "Chat", "VIP"), ("PRO", "chat", "x"), ("Pro", "e-mail", "x"),
      ("pro plus", "EMAIL", "Vip"),
    ])
    let warnings = variants.findings(fields: policy.fields, sources: ["c.csv"]).map(\.sentence)
    #expect(
      warnings == [
        "'plan' is compared with \"pro\", which 3 rows write another way: \"Pro\" (2 rows), \"PRO\" (1 row), "
          + "the first at c.csv:3",
        "'channel' is compared with \"chat\", which 1 row writes another way: \"Chat\" (1 row), the first at c.csv:3",
        "'plan' is compared with \"Pro Plus\", which 1 row writes another way: \"pro plus\" (1 row), the first at c.csv:6",
        "'channel' is compared with \"email\", which 1 row writes another way: \"EMAIL\" (1 row), the first at c.csv:6",
      ])
  }

  /// A text searched for (`name contains "GmbH"`) that a cell holds only in another case is a
  /// variant too; a cell that holds it as written, or does not hold it at all, is not.
  @Test func aSearchedTextHeldInAnotherCaseIsAVariant() throws {
    let searching = try Policy(
      "field name: text\nwhen name contains \"GmbH\" or lower(name) contains \"ag\" then recommend review")
    #expect(searching.searchedTexts == [0: ["GmbH"]])
    #expect(searching.comparedTexts.isEmpty)
    var variants = TextVariants(searching)
    for (line, name) in ["Acme GmbH", "BETA GMBH", "Gamma gmbh", "Delta AG", "BETA GMBH"].enumerated() {
      let values: [Value] = [.text(name)]
      values.withUnsafeBufferPointer { variants.note($0.baseAddress!, source: 0, line: line + 2) }
    }
    let findings = variants.findings(fields: searching.fields, sources: ["c.csv"])
    #expect(
      findings.map(\.sentence) == [
        "'name' is searched for \"GmbH\", which 3 rows write another way: \"BETA GMBH\" (2 rows), "
          + "\"Gamma gmbh\" (1 row), the first at c.csv:3"
      ])
    #expect(findings.first?.hint.hasSuffix("search lower(name) for \"gmbh\"") == true)
  }

  @Test func aTextEqualToAnotherComparedTextIsNoVariant() throws {
    let both = try Policy("field plan: text\nwhen plan == \"pro\" or plan == \"Pro\" then recommend review")
    var variants = TextVariants(both)
    let values: [Value] = [.text("Pro")]
    values.withUnsafeBufferPointer { variants.note($0.baseAddress!, source: 0, line: 2) }
    #expect(variants.variants.isEmpty)
  }

  /// A cell far longer than any compared text is no variant and is not folded, however many there
  /// are (a column of megabyte cells).
  @Test func aCellFarLongerThanTheComparedTextsIsNoVariant() {
    let long = "PRO" + String(repeating: " ", count: 1_000_000)
    let variants = noted([(long, "CHAT", ""), ("Pro", "chat", "")])
    #expect(variants.variants.map(\.written) == ["CHAT", "Pro"])
  }

  @Test func onlyTheFirstRowsAreSampled() {
    var rows = Array(repeating: ("pro", "chat", ""), count: TextVariants.sampleSize)
    rows.append(("Pro", "chat", ""))
    let variants = noted(rows)
    #expect(!variants.isSampling)
    #expect(variants.variants.isEmpty)
  }

  @Test func mergedNotesSumTheCountsAndKeepTheEarliestPlace() throws {
    let later = noted([("a", "b", ""), ("Pro", "chat", "")])
    let earlier = noted([("Pro", "chat", "")])
    let merged = try #require(TextVariants.merged([later, earlier]))
    #expect(merged.variants.count == 1)
    #expect(merged.variants[0].count == 2)
    #expect(merged.variants[0].line == 2)
    #expect(merged.rows == 3)
  }
}
