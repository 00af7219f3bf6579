import Testing

@testable import Verdict
@testable import VerdictRun

/// The invisible spaces and direction marks that key trimming drops (``AggregateStore/trimmed(_:)``,
/// on bytes) are the ones messages show as `\u{…}` (`Value.isInvisibleSpace`, and the direction
/// marks of `Value.drivesTerminal`, on scalars): one list, written twice for speed, checked to
/// agree over the Basic Multilingual Plane.
struct InvisibleSpaceListsTests {
  @Test func trimmingAndQuotingAgree() {
    var disagreements: [String] = []
    for value in UInt32(0x80)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var text = "A" + String(scalar)
      let trimmed = text.withUTF8 { AggregateStore.trimmed($0).count }
      // Past the C1 controls, the scalars that drive a terminal are direction marks.
      let shownEscaped = Value.isInvisibleSpace(value) || (value >= 0xA0 && Value.drivesTerminal(value))
      if (trimmed == 1) != shownEscaped { disagreements.append(String(value, radix: 16)) }
    }
    #expect(disagreements.isEmpty, "\(disagreements)")
  }
}
