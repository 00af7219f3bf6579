import XCTest

@testable import Verdict

/// What a `not` around an `and` or an `or` shows.
extension ExplanationTests {
  /// Under a `not`, an `or` is an `and` and an `and` an `or` (De Morgan): `not (late or owes)`
  /// holds because both tests failed, and misses until both fail; the explanation said one.
  func testANotTurnsItsAndsAndOrsAround() throws {
    let policy = """
      field pd: duration in days
      field rev: number
      rule "neither" when not (pd > 30d or rev > 5) then recommend watch
      rule "not both" when not (pd > 30d and rev > 5) then recommend talk
      """
    let calm = try explain(policy, ["pd": "10", "rev": "3"])
    XCTAssertEqual(findings(calm.rules[0]), ["pd 10d, not > 30d", "rev 3, not > 5"])
    XCTAssertEqual(findings(calm.rules[1]), ["pd 10d, not > 30d", "rev 3, not > 5"])
    let busy = try explain(policy, ["pd": "40", "rev": "7"])
    XCTAssertEqual(findings(busy.rules[0]), ["pd 40d, needs not > 30d", "rev 7, needs not > 5"])
    XCTAssertEqual(findings(busy.rules[1]), ["pd 40d, needs not > 30d"])
    let half = try explain(policy, ["pd": "40", "rev": "3"])
    XCTAssertEqual(findings(half.rules[0]), ["pd 40d, needs not > 30d"])
    XCTAssertEqual(findings(half.rules[1]), ["rev 3, not > 5"])
  }
}
