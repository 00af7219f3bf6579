import Foundation
import XCTest

@testable import VerdictLineEditing

final class HistoryPathTests: XCTestCase {
  func testXDGStateHomeWins() {
    let path = LineEditor.defaultHistoryPath(environment: [
      "XDG_STATE_HOME": "/state", "HOME": "/home/ada",
    ])
    XCTAssertEqual(path, "/state/verdict/history")
  }

  func testTrailingSlashIsNotDoubled() {
    let path = LineEditor.defaultHistoryPath(environment: ["XDG_STATE_HOME": "/state/"])
    XCTAssertEqual(path, "/state/verdict/history")
  }

  func testHomeIsTheFallback() {
    XCTAssertEqual(
      LineEditor.defaultHistoryPath(environment: ["HOME": "/home/ada"]),
      "/home/ada/.local/state/verdict/history")
  }

  func testEmptyOrRelativeXDGStateHomeIsIgnored() {
    for state in ["", "relative/state"] {
      let path = LineEditor.defaultHistoryPath(environment: [
        "XDG_STATE_HOME": state, "HOME": "/home/ada",
      ])
      XCTAssertEqual(path, "/home/ada/.local/state/verdict/history", state)
    }
  }

  func testNoLocationWithoutEitherVariable() {
    XCTAssertNil(LineEditor.defaultHistoryPath(environment: [:]))
    XCTAssertNil(LineEditor.defaultHistoryPath(environment: ["HOME": ""]))
  }
}

final class EditHistoryFileTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("editline-history-\(UUID().uuidString)")
  }

  override func tearDown() {
    try? FileManager.default.removeItem(at: directory)
    super.tearDown()
  }

  func testSavingCreatesAPrivateFileInNewDirectoriesAndLoadsBack() throws {
    let path = directory.appendingPathComponent("state/verdict/history").path
    let history = EditHistory(limit: 10, path: path)
    XCTAssertTrue(history.add("rule late when payment_delay > 30"))
    XCTAssertTrue(history.add("héllo"))

    var status = stat()
    XCTAssertEqual(stat(path, &status), 0)
    XCTAssertEqual(status.st_mode & 0o777, 0o600)
    let contents = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(contents.hasPrefix("_HiStOrY_V2_\n"), contents)

    XCTAssertEqual(EditHistory(limit: 10, path: path).count, 2)
  }

  func testBlankLinesAndImmediateRepeatsAreSkipped() {
    let history = EditHistory(limit: 10, path: nil)
    history.add("a")
    history.add("a")
    history.add("   ")
    history.add("")
    history.add("b")
    history.add("a")
    XCTAssertEqual(history.count, 3)
  }

  func testTheLimitDropsTheOldestEntries() {
    let path = directory.appendingPathComponent("history").path
    let history = EditHistory(limit: 3, path: path)
    for number in 1...5 {
      history.add("line \(number)")
    }
    XCTAssertEqual(history.count, 3)
    XCTAssertEqual(EditHistory(limit: 3, path: path).count, 3)
  }

  func testAnUnwritableLocationReportsFailureWithoutLosingTheEntry() throws {
    let blocker = directory.appendingPathComponent("file")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    XCTAssertTrue(FileManager.default.createFile(atPath: blocker.path, contents: Data()))
    let history = EditHistory(limit: 10, path: blocker.appendingPathComponent("history").path)
    XCTAssertFalse(history.add("kept"))
    XCTAssertEqual(history.count, 1)
  }
}
