import XCTest

@testable import Verdict

/// A policy text with position markers, in the swift-syntax style: `"when x 1️⃣) then"`.
///
/// The markers are the keycap emoji 0️⃣ … 9️⃣ (a digit, U+FE0F, U+20E3). They are removed from the
/// text, and each one's place in the clean text is kept as a byte offset and as a `line:column`
/// whose column counts Unicode scalars, as ``SourceFile/location(of:)`` does.
struct MarkedSource {
  /// The text without its markers.
  let text: String
  /// Each marker's byte offset in the UTF-8 of `text`, by its digit.
  let offsets: [Int: Int]
  /// Each marker's line and column in `text`, by its digit.
  let locations: [Int: SourceLocation]

  init(_ marked: String) {
    var clean = String.UnicodeScalarView()
    var offsets: [Int: Int] = [:]
    var locations: [Int: SourceLocation] = [:]
    var byteOffset = 0
    var line = 1
    var column = 1
    let scalars = Array(marked.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if let digit = MarkedSource.keycapDigit(scalars, at: index) {
        precondition(offsets[digit] == nil, "marker \(digit) is used twice in \(marked)")
        offsets[digit] = byteOffset
        locations[digit] = SourceLocation(line: line, column: column)
        index += 3
        continue
      }
      clean.append(scalar)
      byteOffset += UTF8.width(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    text = String(clean)
    self.offsets = offsets
    self.locations = locations
  }

  /// The digit of a keycap sequence starting at `index`, if one starts there.
  private static func keycapDigit(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
    guard index + 2 < scalars.count, scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}",
      let digit = Int(String(scalars[index]))
    else { return nil }
    return digit
  }

  /// The clean text as a source file.
  var source: SourceFile { SourceFile(name: "test.verdict", text: text) }
}

/// An expected diagnostic: its code, a stable part of its message, and the marker it starts at.
struct ExpectedDiagnostic {
  var code: String
  var message: String
  var marker: Int
  var severity: Diagnostic.Severity = .error

  init(_ code: String, _ message: String, at marker: Int = 1, severity: Diagnostic.Severity = .error) {
    self.code = code
    self.message = message
    self.marker = marker
    self.severity = severity
  }
}

/// Asserts that `diagnostics` holds one diagnostic for each expected one, with the code, a message
/// containing the expected text, and a start at the expected marker; and no other error or
/// warning: a warning the test did not expect fails it too, unless its code is in
/// `ignoredWarnings` (the caller says why, next to the call).
func assertDiagnostics(
  _ diagnostics: [Diagnostic], _ expected: [ExpectedDiagnostic], in marked: MarkedSource,
  ignoredWarnings: Set<String> = [], file: StaticString = #filePath, line: UInt = #line
) {
  for mismatch in diagnosticMismatches(diagnostics, expected, in: marked, ignoredWarnings: ignoredWarnings) {
    XCTFail(mismatch, file: file, line: line)
  }
}

/// What ``assertDiagnostics(_:_:in:ignoredWarnings:file:line:)`` reports: each expected diagnostic
/// that is missing, and each severity whose count differs from the expected one.
func diagnosticMismatches(
  _ diagnostics: [Diagnostic], _ expected: [ExpectedDiagnostic], in marked: MarkedSource,
  ignoredWarnings: Set<String> = []
) -> [String] {
  let source = marked.source
  func describe(_ diagnostic: Diagnostic) -> String {
    "\(source.location(of: diagnostic.range.start)) \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)"
  }
  let shown = diagnostics.map(describe).joined(separator: "\n  ")
  var mismatches: [String] = []
  for expectation in expected {
    guard let location = marked.locations[expectation.marker] else {
      mismatches.append("no marker \(expectation.marker) in \(marked.text.debugDescription)")
      continue
    }
    let found = diagnostics.contains {
      $0.code == expectation.code && $0.severity == expectation.severity && $0.message.contains(expectation.message)
        && source.location(of: $0.range.start) == location
    }
    if !found {
      mismatches.append(
        "expected \(location) \(expectation.severity.rawValue) \(expectation.code): …\(expectation.message)… in \(marked.text.debugDescription); got:\n  \(shown)"
      )
    }
  }
  let counted = diagnostics.filter { $0.severity != .warning || !ignoredWarnings.contains($0.code) }
  for severity in [Diagnostic.Severity.error, .warning, .note] {
    let actual = counted.filter { $0.severity == severity }.count
    let wanted = expected.filter { $0.severity == severity }.count
    if actual != wanted {
      mismatches.append(
        "\(actual) \(severity.rawValue)s instead of \(wanted) for \(marked.text.debugDescription):\n  \(shown)")
    }
  }
  return mismatches
}

final class SourceMarkersTests: XCTestCase {
  func testMarkersAreRemovedAndLocated() {
    let marked = MarkedSource("when x 1️⃣) then\n  2️⃣é3️⃣x")
    XCTAssertEqual(marked.text, "when x ) then\n  éx")
    XCTAssertEqual(marked.locations[1], SourceLocation(line: 1, column: 8))
    XCTAssertEqual(marked.locations[2], SourceLocation(line: 2, column: 3))
    // `é` is two bytes but one column.
    XCTAssertEqual(marked.locations[3], SourceLocation(line: 2, column: 4))
    XCTAssertEqual(marked.offsets[3], marked.text.utf8.count - 1)
    for (digit, offset) in marked.offsets {
      XCTAssertEqual(marked.source.location(of: offset), marked.locations[digit])
    }
  }

  /// An unexpected warning is a mismatch, as an unexpected error is; only the codes the caller
  /// names are left out of the count.
  func testUnexpectedWarningsAreMismatches() {
    let marked = MarkedSource("field a: number\nfield 1️⃣b: text\nwhen a > 1 then recommend fire")
    let diagnostics = Policy.compile(marked.source).diagnostics
    XCTAssertEqual(diagnostics.map(\.code), ["unused-field"])
    let unusedField = ExpectedDiagnostic("unused-field", "field 'b' is declared but never used", severity: .warning)
    XCTAssertEqual(diagnosticMismatches(diagnostics, [unusedField], in: marked), [])
    let unexpected = diagnosticMismatches(diagnostics, [], in: marked)
    XCTAssertEqual(unexpected.count, 1)
    XCTAssertTrue(unexpected.first?.hasPrefix("1 warnings instead of 0") == true, "\(unexpected)")
    XCTAssertEqual(diagnosticMismatches(diagnostics, [], in: marked, ignoredWarnings: ["unused-field"]), [])
    XCTAssertEqual(diagnosticMismatches(diagnostics, [], in: marked, ignoredWarnings: ["unused-let"]).count, 1)
  }

  func testTextWithoutMarkersIsUnchanged() {
    let marked = MarkedSource("when x > 1 then recommend fire # 1 €")
    XCTAssertEqual(marked.text, "when x > 1 then recommend fire # 1 €")
    XCTAssertTrue(marked.locations.isEmpty)
  }
}
