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

  /// A session with `files` (name and text) written to a folder removed after the test, the
  /// policy `policy` loaded and each of `data` (`FILE` or `TABLE=FILE`, by name) given to `:data`.
  func session(files: [String: String], policy: String, data: [String]) throws -> Session {
    let folder = try folder(files: files)
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(folder.appendingPathComponent(policy).path)").failed)
    for file in data {
      let (table, name) =
        file.split(separator: "=").count == 2
        ? (String(file.split(separator: "=")[0]) + "=", String(file.split(separator: "=")[1])) : ("", file)
      XCTAssertFalse(session.handle(":data \(table)\(folder.appendingPathComponent(name).path)").failed)
    }
    return session
  }

  /// A folder removed after the test, holding `files` (name and text).
  func folder(files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder
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
