import Foundation
import Testing
import VerdictC

/// The C entry points called as a careless or hostile C program would: handles freed twice,
/// used after freeing or given as the other kind, keys with NULs, a client of 100,000 keys, and
/// the date changed while other threads evaluate. None may crash the process, and each refusal
/// says what was wrong.
struct HostileCallTests {
  static let policyText = "field revisions: number\nwhen revisions > 5 then recommend fire\notherwise recommend keep\n"

  /// A call's status and the message it stored, which is freed.
  struct Answer {
    var status: CInt
    var result: String?
    var message: String?
  }

  static func compile(_ text: String = policyText) -> OpaquePointer? {
    var policy: OpaquePointer?
    var error: UnsafeMutablePointer<CChar>?
    let status = verdictPolicyCompile(text, "hostile.verdict", &policy, &error)
    verdictStringFree(error)
    return status == 0 ? policy : nil
  }

  static func evaluate(_ policy: OpaquePointer?, _ context: OpaquePointer?, _ client: String) -> Answer {
    var outcome: UnsafeMutablePointer<CChar>?
    var error: UnsafeMutablePointer<CChar>?
    let status = verdictEvaluate(policy, context, client, &outcome, &error)
    defer {
      verdictStringFree(outcome)
      verdictStringFree(error)
    }
    return Answer(
      status: status, result: outcome.map { String(cString: $0) }, message: error.map { String(cString: $0) })
  }

  @Test func aFreedPolicyIsRefusedAndFreeingItAgainDoesNothing() throws {
    let policy = try #require(Self.compile())
    #expect(Self.evaluate(policy, nil, #"{"revisions": 7}"#).status == 0)
    verdictPolicyFree(policy)
    let answer = Self.evaluate(policy, nil, #"{"revisions": 7}"#)
    #expect(answer.status == 1)
    #expect(
      answer.message
        == "verdict_evaluate: policy is not a live policy handle: it was freed already, or did not come from this library"
    )
    verdictPolicyFree(policy)
  }

  @Test func aHandleOfTheOtherKindIsRefused() throws {
    let policy = try #require(Self.compile())
    defer { verdictPolicyFree(policy) }
    let context = try #require(verdictContextNew())
    #expect(Self.evaluate(context, nil, "{}").status == 1)
    #expect(
      Self.evaluate(policy, policy, #"{"revisions": 7}"#).message?.contains("context is not a live context") == true)
    var error: UnsafeMutablePointer<CChar>?
    #expect(verdictContextSetToday(policy, "2026-12-01", &error) == 1)
    verdictStringFree(error)
    // Freeing with the wrong function does nothing: both handles still work.
    verdictContextFree(policy)
    verdictPolicyFree(context)
    #expect(Self.evaluate(policy, context, #"{"revisions": 7}"#).status == 0)
    verdictContextFree(context)
    #expect(verdictContextSetToday(context, "2026-12-01", &error) == 1)
    verdictStringFree(error)
    verdictContextFree(context)
  }

  /// A NUL inside a JSON key ended the C string of the message there, losing the rest and the hint.
  @Test func aKeyWithANulIsQuotedWholeInTheMessage() throws {
    let policy = try #require(Self.compile())
    defer { verdictPolicyFree(policy) }
    let answer = Self.evaluate(policy, nil, #"{"revi\u0000sions": 7, "revisions": 1}"#)
    #expect(answer.status == 3)
    #expect(
      answer.message
        == #"client JSON: the policy has no field 'revi\u{0}sions' (did you mean 'revisions'?)"#)
  }

  /// Each member of a JSON object copied every member before it, so that 100,000 keys took minutes.
  @Test func aClientOfAHundredThousandKeysIsAnsweredQuickly() throws {
    let policy = try #require(Self.compile())
    defer { verdictPolicyFree(policy) }
    let client = "{" + (0..<100_000).map { #""revisions": \#($0)"# }.joined(separator: ",") + "}"
    let start = ContinuousClock.now
    let answer = Self.evaluate(policy, nil, client)
    #expect(ContinuousClock.now - start < .seconds(20))
    #expect(
      answer.message == "client JSON: field 'revisions' is given more than once; which value is meant cannot be known")
  }

  /// Threads evaluate with one context while another changes its date: no data race (run under
  /// `scripts/sanitize thread`), and each evaluation sees one of the two dates.
  @Test func theDateChangesWhileOtherThreadsEvaluate() async throws {
    let policy = UInt(
      bitPattern: try #require(Self.compile("when today > 2026-06-01 then recommend fire\notherwise recommend keep\n")))
    let context = UInt(bitPattern: try #require(verdictContextNew()))
    defer {
      verdictPolicyFree(OpaquePointer(bitPattern: policy))
      verdictContextFree(OpaquePointer(bitPattern: context))
    }
    let verdicts = await withTaskGroup(of: [String].self) { group in
      group.addTask {
        for round in 0..<200 {
          var error: UnsafeMutablePointer<CChar>?
          _ = verdictContextSetToday(
            OpaquePointer(bitPattern: context), round.isMultiple(of: 2) ? "2026-01-01" : "2026-12-01", &error)
          verdictStringFree(error)
        }
        return []
      }
      for _ in 0..<2 {
        group.addTask {
          (0..<200).map { _ in
            Self.evaluate(OpaquePointer(bitPattern: policy), OpaquePointer(bitPattern: context), "{}").result
              ?? "failed"
          }
        }
      }
      return await group.reduce(into: []) { $0 += $1 }
    }
    #expect(verdicts.count == 400)
    #expect(verdicts.allSatisfy { $0.contains(#""verdict":"fire""#) || $0.contains(#""verdict":"keep""#) })
  }
}
