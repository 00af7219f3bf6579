import XCTest

@testable import Verdict

/// A list literal written as constants (`channel in ["email", "chat"]`) is made once, when the
/// policy is lowered (``ExpressionTable/Opcode/constantList``), not for each client; a list that
/// holds anything else is still made as it is evaluated. Either way `in` gives what it gave, by
/// the steps, the tree walk and the report.
final class ConstantListTests: XCTestCase {
  let context = EvaluationContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)

  static func policy() throws -> Policy {
    try Policy(
      """
      field channel: text
      field n: number
      when channel in ["email", "chat"] then recommend watch
      when channel not in ["chat"] then recommend watch
      when n in [1, 2.5, 3] then recommend watch
      when n in [1, n + 1] then recommend watch
      when n not in [0.5 * 2] then recommend watch
      """)
  }

  /// The rules that matched and those that were unknown, the same by all three evaluations.
  func rules(_ values: [String: Value], line: UInt = #line) throws -> (matched: [Int], unknown: [Int]) {
    let policy = try Self.policy()
    var slots = [Value](repeating: .missing, count: policy.fields.count)
    for (name, value) in values { slots[try XCTUnwrap(policy.slot(ofField: name), line: line)] = value }
    let client = Client(values: slots)
    let evaluation = try policy.evaluate(client, in: context)
    XCTAssertEqual(.success(evaluation), policy.trace(client, in: context).outcome, "\(values)", line: line)
    let report = try policy.report(client, in: context)
    XCTAssertEqual(report.winningRule, evaluation.winningRule, "\(values)", line: line)
    XCTAssertEqual(report.unknownRuleCount, evaluation.unknownRules.count, "\(values)", line: line)
    return (Array(evaluation.matchedRules), Array(evaluation.unknownRules))
  }

  func testListsOfConstantsAreMadeOnce() throws {
    let policy = try Self.policy()
    let opcodes = policy.runtime.nodes.map(\.opcode)
    XCTAssertEqual(opcodes.filter { $0 == .constantList }.count, 3)
    XCTAssertEqual(opcodes.filter { $0 == .list }.count, 2, "[1, n + 1] holds a field, [0.5 * 2] a product")
    let lists = opcodes.indices.filter { opcodes[$0] == .constantList }.map {
      policy.runtime.constants[Int(policy.runtime.nodes[$0].a)]
    }
    XCTAssertEqual(lists, [["email", "chat"], ["chat"], [1, .decimal(DecimalNumber("2.5")!), 3]])
  }

  /// Every kind of constant a list can hold is folded as evaluating it gave it, part for part
  /// (`dump`, so that `2.50` and `2.5`, equal as values, are told apart), the constants as the
  /// checker wrote them.
  func testEveryKindOfConstantIsFoldedAsWritten() throws {
    let lists = [
      "[2.50, 0.10, 7]", "[10%, 12.5%]", "[10€, 20.50€, 0.0001€]", "[30d, 2w, 90min]",
      "[2026-01-31, 2024-02-29]", "[true, false]", #"["a", "é", ""]"#, "[[1, 2], [3]]",
    ]
    for list in lists {
      let policy = try Policy("field x: text\nwhen \(list) == \(list) then recommend watch\n")
      let folded = policy.runtime.nodes.indices.filter { policy.runtime.nodes[$0].opcode == .constantList }
      XCTAssertFalse(folded.isEmpty, list)
      for node in folded {
        var written: [Value] = []
        let elements = policy.runtime.nodes[node].b
        guard case .list(let values) = policy.runtime.constants[Int(policy.runtime.nodes[node].a)] else {
          return XCTFail("\(list) is not a list")
        }
        for offset in 0..<Int32(values.count) {
          let element = policy.runtime.nodes[Int(policy.runtime.operands[Int(elements + offset)])]
          XCTAssertEqual(element.opcode, .constant, list)
          written.append(policy.runtime.constants[Int(element.a)])
        }
        var expected = ""
        var actual = ""
        dump(Value.list(written), to: &expected)
        dump(Value.list(values), to: &actual)
        XCTAssertEqual(actual, expected, list)
      }
    }
  }

  func testMembershipInListsOfConstants() throws {
    XCTAssertEqual(try rules(["channel": "email", "n": 2]).matched, [0, 1, 4])
    XCTAssertEqual(try rules(["channel": "chat", "n": 3]).matched, [0, 2, 4])
    XCTAssertEqual(try rules(["channel": "Chat", "n": .decimal(DecimalNumber("2.50")!)]).matched, [1, 2, 4])
    XCTAssertEqual(try rules(["channel": "phone", "n": 1]).matched, [1, 2, 3])
    XCTAssertEqual(try rules(["channel": "phone", "n": .decimal(DecimalNumber("0.1")!)]).matched, [1, 4])
    let missing = try rules([:])
    XCTAssertEqual(missing.matched, [])
    XCTAssertEqual(missing.unknown, [0, 1, 2, 3, 4])
  }
}
