import Foundation
import Verdict
import VerdictREPL
import XCTest

/// The REPL reads a client as `verdict run` reads its row: a bad cell in a column that only an
/// unused let (or no rule at all) reads does not make the client an error.
final class UnreadCellsTests: SessionTestCase {
  func testABadCellNoRuleReadsLeavesTheClientAlone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-unread-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("unused.verdict")
    let data = folder.appendingPathComponent("unused.csv")
    try Data(
      """
      field x: number
      field notes_score: number
      let draft = notes_score > 3
      rule "r" when x > 1 then recommend fire
      otherwise recommend keep

      """.utf8
    ).write(to: policy)
    try Data("id,x,notes_score\nA,2,n/a\n".utf8).write(to: data)
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(policy.path)").failed)
    XCTAssertFalse(session.handle(":data \(data.path)").failed)
    let run = session.handle(":run")
    XCTAssertEqual(run.errors, "")
    XCTAssertTrue(run.output.contains("A       fire"), run.output)
    XCTAssertFalse(session.handle(":explain A").failed)
    // Asked for by an expression, the cell is read, and refused.
    XCTAssertFalse(session.handle(":client A").failed)
    let value = session.handle("notes_score")
    XCTAssertTrue(value.failed)
    XCTAssertTrue(value.errors.contains("\"n/a\" is not a number"), value.errors)
  }
}

/// A client that cannot be judged says why in `:run`'s reason column, and `:explain` of an
/// evaluation that fails fails, as `verdict explain` exits 1.
final class ErrorRowsTests: SessionTestCase {
  func testTheReasonColumnSaysWhyAndAFailedExplanationFails() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-errors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("ratio.verdict")
    let data = folder.appendingPathComponent("ratio.csv")
    try Data("field x: number\nfield y: number\nwhen x / y > 1 then recommend fire\notherwise recommend keep\n".utf8)
      .write(to: policy)
    try Data("id,x,y\nA,n/a,1\nB,1,0\n".utf8).write(to: data)
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(policy.path)").failed)
    XCTAssertFalse(session.handle(":data \(data.path)").failed)
    let run = session.handle(":run")
    XCTAssertTrue(run.output.contains("x: \"n/a\" is not a number"), run.output)
    XCTAssertTrue(run.output.contains("division by zero"), run.output)
    let explained = session.handle(":explain B")
    XCTAssertTrue(explained.failed)
    XCTAssertTrue(explained.errors.contains("division by zero"), explained.errors)
  }
}

/// `:records` finds a client's records as runs join them: keys without the invisible spaces
/// around them (a zero-width space, a byte order mark), which the total counted and the
/// listing left out.
final class RecordKeysTests: SessionTestCase {
  func testRecordsAreListedByTrimmedKey() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-records-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("t.verdict")
    let data = folder.appendingPathComponent("inv.csv")
    try Data(
      "table inv keyed by client\n  field amount: money in EUR\nlet total = sum(inv.amount)\nwhen total > 100 EUR then recommend fire\n"
        .utf8
    ).write(to: policy)
    try Data("client,amount\nAcme,80\nAcme\u{200B},60\n\u{FEFF}Acme,50\n".utf8).write(to: data)
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(policy.path)").failed)
    let loaded = session.handle(":data inv=\(data.path)")
    XCTAssertTrue(loaded.output.contains("for 1 client"), loaded.output)
    XCTAssertFalse(session.handle(":client Acme").failed)
    let records = session.handle(":records inv")
    XCTAssertEqual(records.output.split(separator: "\n").count, 4, records.output)
  }
}

/// The REPL's tables show a key's control characters as `\u{…}`: on a terminal, where the
/// REPL keeps its own colours, a key holding `ESC[1;31m` coloured the lines after it.
final class TableEscapingTests: SessionTestCase {
  func testKeysAreEscapedInTheTables() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-escape-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("p.verdict")
    let data = folder.appendingPathComponent("d.csv")
    try Data("field x: number\nwhen x > 1 then recommend fire\notherwise recommend keep\n".utf8).write(to: policy)
    try Data("id,x\n\"C9\u{1B}[1;31mRED\",5\n".utf8).write(to: data)
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(policy.path)").failed)
    XCTAssertFalse(session.handle(":data \(data.path)").failed)
    for command in [":run", ":clients"] {
      let reply = session.handle(command)
      XCTAssertFalse(reply.output.contains("\u{1B}"), "\(command): \(reply.output)")
      XCTAssertTrue(reply.output.contains("C9\\u{1B}[1;31mRED"), "\(command): \(reply.output)")
    }
  }
}
