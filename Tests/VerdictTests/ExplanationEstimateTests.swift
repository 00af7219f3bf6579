import XCTest

@testable import Verdict

/// Ties between the rules nearest by count broken on estimated distances
/// (``ConditionTruths/nearestByEstimate(findingsAt:)``): a quotient or a product of fields is
/// estimated in doubles, and totals too close for that are measured exactly, so the rule chosen
/// is the trace's.
extension ExplanationRankingTests {
  /// `0.3 / 0.1` is 3 exactly and 2.9999999999999996 in doubles: against 4 its distance is 0.25,
  /// the same as `c` 3 against 4 and `a` 3 against `4 * b` 4, where the first rule must win; the
  /// other values make the quotient or the product clearly nearer or farther.
  func testTiesOfQuotientsAndProductsRankAsTheTraceRanksThem() throws {
    let tally = try compare(
      """
      field a: number
      field b: number
      field c: number
      field d: number
      rule "ratio" when a / b > 4 and d > 1 then recommend fire
      rule "plain" when c > 4 and d > 1 then recommend talk
      rule "product" when a > 4 * b and d > 1 then recommend watch
      rule "later ratio" when d > 1 and a / b > 4 then recommend watch
      otherwise recommend keep
      """,
      fields: [
        "a": ["0.3", "3", "0.6", "1.2", "2", "30"], "b": ["0.1", "1", "0.2", "0.3", "7"],
        "c": ["3", "2", "5", "3.6"], "d": ["2", "0", "5"],
      ], count: 1200, seed: 41)
    XCTAssertGreaterThan(tally.ranked, 300, "most clients match no rule and are ranked on the truths")
  }

  /// The estimate itself: within the margin of the exact distance of a quotient's sides, for
  /// decimals whose quotient doubles cannot hold.
  func testEstimatedDistancesAreNearTheExactOnes() throws {
    let policy = try Policy(
      """
      field a: number
      field b: number
      rule "ratio" when a / b > 20 then recommend fire
      rule "product" when a > 3 * b then recommend fire
      otherwise recommend keep
      """)
    let writer = ExplanationLineWriter(policy: policy)
    for (a, b) in [("5135.51", "153.8"), ("0.3", "0.1"), ("1", "3"), ("123456789.123", "0.007"), ("7", "-2")] {
      let client = try policy.client(["a": .text(a), "b": .text(b)])
      let context = self.context
      try withUnsafePointer(to: client) { client in
        try withUnsafePointer(to: context) { context in
          XCTAssertTrue(writer.truths.fill(policy: policy, clientAt: client, contextAt: context))
          for index in writer.plan.nodes.indices where writer.truths.entries[index].step >= 0 {
            let estimate = try XCTUnwrap(writer.truths.estimatedDistance(ofStep: index), "\(a) and \(b)")
            let exact = try XCTUnwrap(writer.truths.distance(ofComparison: Int32(index)), "\(a) and \(b)")
            XCTAssertEqual(estimate, exact, accuracy: 1e-12, "\(a) and \(b)")
          }
        }
      }
    }
  }
}
