import XCTest

@testable import Verdict

/// Lines of rules with `not` around `and`s and `or`s, through the line writer's two paths.
extension ExplanationLineTests {
  /// `and` and `or` under a `not` (De Morgan), nested and with unknowns, agree line for line.
  func testNotsAroundAndsAndOrsAgree() throws {
    var clients: [[String: String]] = [[:]]
    for pd in ["10", "40", "70"] {
      for rev in ["3", "7"] {
        clients.append(["pd": pd, "rev": rev, "vip": "false"])
        clients.append(["pd": pd, "rev": rev, "vip": "true"])
        clients.append(["pd": pd, "rev": rev])
      }
    }
    try assertLinesAgree(
      """
      field pd: duration in days
      field rev: number
      field vip: bool
      let busy = pd > 30d or rev > 5
      rule "neither" when not (pd > 30d or rev > 5) then recommend watch
      rule "not both" when not (pd > 30d and rev > 5) then recommend talk
      rule "nested" when not (pd > 60d and not (vip or rev > 5)) and rev > 4 then recommend review
      rule "let" when not busy and not vip then recommend fire
      otherwise recommend keep
      """, clients)
    // The ranking counts a `not (… or …)`'s facts as both its tests: a rule one far test away
    // is nearer than it.
    try assertLinesAgree(
      """
      field pd: duration in days
      field rev: number
      rule "neither" when not (pd > 30d or rev > 5) then recommend watch
      rule "far" when pd > 200d then recommend review
      otherwise recommend keep
      """, clients.map { $0.filter { $0.key != "vip" } })
    // An `and` under a `not` chooses its nearest operand by distance: the facts chosen for one
    // client were remembered for the next with the same truths, whose nearest rule was then
    // another (rule 2 "B" for C2 after C1, rule 1 "A" alone).
    try assertLinesAgree(
      """
      field x: number
      field y: number
      field z: number
      rule "A" when not (x > 10 and y > 10) then recommend fire
      rule "B" when z > 100 then recommend watch
      otherwise recommend keep
      """, [["x": "50", "y": "11", "z": "50"], ["x": "11", "y": "1000", "z": "50"]])
  }
}
