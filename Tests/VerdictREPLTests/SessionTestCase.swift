import Foundation
import Verdict
import VerdictREPL
import XCTest

/// Shared set-up for the session tests: fixture paths and a fixed `today`.
class SessionTestCase: XCTestCase {
  /// The folder of the fixture files.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The path of fixture `name`.
  func fixture(_ name: String) -> String {
    Self.fixtures.appendingPathComponent(name).path
  }

  /// A session on 2026-11-29 without colour.
  func makeSession() -> Session {
    Session(today: CalendarDate(year: 2026, month: 11, day: 29)!)
  }

  /// A session with the fixture policy and clients loaded.
  func loadedSession() -> Session {
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(fixture("firing.verdict"))").failed)
    XCTAssertFalse(session.handle(":data \(fixture("clients.csv"))").failed)
    return session
  }

  /// Handles `entry` and checks that it succeeded with exactly `output` (and no errors).
  func expect(
    _ session: inout Session, _ entry: String, prints output: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let reply = session.handle(entry)
    XCTAssertFalse(reply.failed, "\(entry) failed: \(reply.errors)", file: file, line: line)
    XCTAssertEqual(reply.output, output, entry, file: file, line: line)
    XCTAssertEqual(reply.errors, "", entry, file: file, line: line)
  }

  /// Handles `entry` and checks that it failed with exactly `errors` on standard error.
  func expect(
    _ session: inout Session, _ entry: String, fails errors: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let reply = session.handle(entry)
    XCTAssertTrue(reply.failed, "\(entry) should fail", file: file, line: line)
    XCTAssertEqual(reply.errors, errors, entry, file: file, line: line)
    XCTAssertEqual(reply.output, "", entry, file: file, line: line)
  }
}
