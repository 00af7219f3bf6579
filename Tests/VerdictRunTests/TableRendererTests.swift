import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// The table's lines: without a run history, the stretch from the verdict to the notice is
/// written from lines made once per verdict and rule (`TableRenderer.middles`); it must be what
/// writing it piece by piece gives, as a renderer with a history does for a client without a
/// standing, in colour or not, for every verdict and rule and none.
struct TableRendererTests {
  @Test(arguments: [false, true])
  func linesMadeOnceMatchLinesWrittenPieceByPiece(usesColor: Bool) throws {
    let policy = try Policy(
      source: SourceFile(
        name: "simple.verdict",
        bytes: Array(try Data(contentsOf: RunnerTests.fixtures.appendingPathComponent("simple.verdict")))))
    let plain = ReportVocabulary(policy: policy, sources: ["a.csv"])
    let withHistory = ReportVocabulary(policy: policy, sources: ["a.csv"], hasHistory: true)
    #expect(!withHistory.hasCooldowns)
    let once = TableRenderer(vocabulary: plain, clientWidth: 6, usesColor: usesColor)
    let pieces = TableRenderer(vocabulary: withHistory, clientWidth: 6, usesColor: usesColor)
    var lines = 0
    for severity in plain.verdicts.indices {
      for rule in [nil] + plain.rules.indices.map(Optional.some) {
        for notice in [nil, TimeSpan(seconds: 30 * 86_400)] {
          for reason in [ReportText.none, .computed("Pay first, then we talk."), .computed("")] {
            let outcome = ReportOutcome(
              severity: severity, winningRule: rule, notice: notice, cooldown: nil, holdUntilPaid: false, meet: nil,
              reason: reason, refer: .none, unknownRuleCount: 0)
            let (first, second) = (ByteBuffer(), ByteBuffer())
            Array("Zoë-7".utf8).withUnsafeBufferPointer { key in
              let row = ReportRow(key: key, source: 0, line: 2)
              once.render(row, outcome, into: first)
              pieces.render(row, outcome, into: second)
            }
            #expect(first.text == second.text)
            #expect(first.text.contains(plain.verdicts[severity]))
            lines += 1
          }
        }
      }
    }
    #expect(lines == plain.verdicts.count * (plain.rules.count + 1) * 6)
  }

  /// The client cell of a row, in a column 8 wide: a key of printable ASCII that fits is written
  /// as it is (a wider one whole, pushing the line right by the gap alone); a key with a control
  /// character, a character that is not ASCII or more than 32 columns is written and measured as a
  /// table cell (its tab a space, DEL dropped, a long key cut with `…`); a row without a key shows
  /// its place.
  @Test(arguments: [
    ("C1", "C1" + String(repeating: " ", count: 8)),
    ("Kunde-1", "Kunde-1" + String(repeating: " ", count: 3)),
    ("ABCDEFGHIJ", "ABCDEFGHIJ  "),
    (String(repeating: "k", count: 32), String(repeating: "k", count: 32) + "  "),
    (String(repeating: "k", count: 33), String(repeating: "k", count: 31) + "…  "),
    ("a\tb", "a b" + String(repeating: " ", count: 7)),
    ("ab\u{7F}cd", "abcd" + String(repeating: " ", count: 6)),
    ("Zoë-7", "Zoë-7" + String(repeating: " ", count: 5)),
    ("", "a.csv:2" + String(repeating: " ", count: 3)),
  ])
  func clientCell(key: String, cell: String) throws {
    let policy = try Policy(
      source: SourceFile(
        name: "simple.verdict",
        bytes: Array(try Data(contentsOf: RunnerTests.fixtures.appendingPathComponent("simple.verdict")))))
    let vocabulary = ReportVocabulary(policy: policy, sources: ["a.csv"])
    let renderer = TableRenderer(vocabulary: vocabulary, clientWidth: 8, usesColor: false)
    let outcome = ReportOutcome(
      severity: 0, winningRule: nil, notice: nil, cooldown: nil, holdUntilPaid: false, meet: nil, reason: .none,
      refer: .none, unknownRuleCount: 0)
    let out = ByteBuffer()
    Array(key.utf8).withUnsafeBufferPointer { key in
      renderer.render(ReportRow(key: key, source: 0, line: 2), outcome, into: out)
    }
    #expect(out.text.hasPrefix(cell + vocabulary.verdicts[0] + " "), "\(out.text)")
  }
}
