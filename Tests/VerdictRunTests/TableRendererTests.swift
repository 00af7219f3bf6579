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
}
