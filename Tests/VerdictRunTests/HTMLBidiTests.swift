import Foundation
import Testing

@testable import VerdictRun

/// `--format html` with client keys, a rule name, a reason and a referral that hold
/// bidirectional controls (a RIGHT-TO-LEFT OVERRIDE, a lone POP DIRECTIONAL ISOLATE, an
/// unclosed isolate, a paragraph separator): each text is isolated, in `<bdi>` or between
/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so that none reorders the rest of its line.
/// They were written raw: `C1\u{202E}lqr, fire 9000.00 EUR` in the chart's caption read
/// `C1rql ,erif RUE 00.0009`.
struct HTMLBidiTests {
  /// The embeddings, overrides and isolates of Unicode's bidirectional algorithm.
  static let controls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

  /// What in `page` could reorder text outside the isolation it belongs to: a control outside
  /// every isolation, a pop with nothing to close, a paragraph separator inside an isolation.
  static func leaks(_ page: String) -> [String] {
    var leaks: [String] = []
    var outside = ""
    // `<bdi>` content: its pops must not close more than it opened, nor a paragraph end in it.
    var rest = Substring(page)
    while let start = rest.range(of: "<bdi>") {
      outside += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].range(of: "</bdi>") else {
        leaks.append("an unclosed <bdi>")
        break
      }
      let content = rest[start.upperBound..<end.lowerBound]
      if content.contains("<bdi>") { leaks.append("a nested <bdi>: \(content)") }
      leaks += scan(String(content), insideIsolation: true)
      rest = rest[end.upperBound...]
    }
    outside += rest
    return leaks + scan(outside, insideIsolation: false)
  }

  /// Outside `<bdi>`, a control must be within FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE.
  private static func scan(_ text: String, insideIsolation: Bool) -> [String] {
    var leaks: [String] = []
    var depth = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2066, 0x2067, 0x2068:
        // The page opens its isolations with FIRST STRONG ISOLATE; another at the top is raw text.
        if depth == 0 && !insideIsolation && scalar.value != 0x2068 { leaks.append("U+\(hex(scalar)) outside") }
        depth += 1
      case 0x2069:
        if depth == 0 { leaks.append("a POP DIRECTIONAL ISOLATE closing what it did not open") } else { depth -= 1 }
      case 0x0A, 0x0D, 0x2029:
        if insideIsolation || depth > 0 { leaks.append("a paragraph separator inside an isolation") }
        depth = 0
      case let value where controls.contains(value):
        if depth == 0 && !insideIsolation { leaks.append("U+\(hex(scalar)) outside every isolation") }
      default: break
      }
    }
    if depth > 0 { leaks.append("an isolation never closed") }
    return leaks
  }

  private static func hex(_ scalar: Unicode.Scalar) -> String { String(scalar.value, radix: 16, uppercase: true) }

  @Test func everyTextWithControlsIsIsolated() throws {
    let outcome = try RunnerTests.run(policy: "bidi.verdict", data: ["bidi.csv"], format: .html) {
      $0.chartField = "revenue"
    }
    #expect(outcome.status == .success, "\(outcome.messages)")
    let page = outcome.report
    #expect(Self.leaks(page) == [])
    #expect(HTMLReportTests.xmlError(page) == nil)
    #expect(page.contains("<h3><bdi>R\u{200F}1</bdi></h3>"))
    #expect(page.contains("<th scope=\"row\"><bdi>C1\u{202E}lqr</bdi></th>"))
    // Escaped as before, inside the isolation; the override that ended the key is trimmed from
    // it, as every direction mark at a key's ends is (a right-to-left spreadsheet's).
    #expect(page.contains("<th scope=\"row\"><bdi>&lt;b&gt;&amp;&quot;x&#39;</bdi></th>"))
    // The lone pop, which closed the isolation around it, is left out; the paragraphs of a
    // text are isolated one by one.
    #expect(page.contains("<h3><bdi>K\u{202E}abc</bdi></h3>"))
    #expect(page.contains("<th scope=\"row\"><bdi>P</bdi>\u{2029}<bdi>\u{202E}q</bdi></th>"))
    #expect(page.contains("<td><bdi>slow \u{202E}payer</bdi></td>"))
    // An isolate the key leaves open is closed, or it took the pop that ends the isolation.
    #expect(page.contains("<th scope=\"row\"><bdi>L\u{2066}x\u{2069}</bdi></th>"))
    // The chart's caption and tooltips: characters, not markup.
    #expect(page.contains("<title>\u{2068}C1\u{202E}lqr\u{2069}, keep: 9000.00 EUR"))
  }

  @Test func plainIsolationClosesWhatTheTextLeavesOpen() {
    #expect(BidiIsolation.plain("C001") == "C001")
    #expect(BidiIsolation.plain("a\u{202E}b") == "\u{2068}a\u{202E}b\u{2069}")
    #expect(BidiIsolation.plain("\u{2069}\u{202E}b") == "\u{2068}\u{202E}b\u{2069}")
    #expect(BidiIsolation.plain("\u{2067}x\u{2069}\u{2069}y") == "\u{2068}\u{2067}x\u{2069}y\u{2069}")
    #expect(BidiIsolation.plain("é\n\u{202E}b") == "\u{2068}é\u{2069}\n\u{2068}\u{202E}b\u{2069}")
    #expect(BidiIsolation.plain("L\u{2066}x") == "\u{2068}L\u{2066}x\u{2069}\u{2069}")
    var markup = Markup()
    markup.element("td", isolating: "<a>\u{2069}&\u{2029}\u{202E}")
    #expect(markup.text == "<td><bdi>&lt;a&gt;&amp;</bdi>\u{2029}<bdi>\u{202E}</bdi></td>")
  }
}
