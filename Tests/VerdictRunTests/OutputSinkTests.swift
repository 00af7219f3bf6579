import Foundation
import XCTest

@testable import VerdictRun

/// The report's file: written beside it and renamed over it, unless it is a device or a pipe,
/// which must stay what it is (`-o /dev/null` must not replace the device with a file).
final class OutputSinkTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  func testAPipeIsWrittenToAndStaysAPipe() throws {
    let fifo = folder.appendingPathComponent("report.fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let received = ReceivedBytes()
    let reader = Thread {
      received.bytes = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
      received.done.signal()
    }
    reader.start()
    let sink = try OutputSink(atomicPath: fifo)
    try Array("a report\n".utf8).withUnsafeBufferPointer { try sink.write($0) }
    try sink.commit()
    XCTAssertEqual(received.done.wait(timeout: .now() + 10), .success)
    XCTAssertEqual(String(decoding: received.bytes, as: UTF8.self), "a report\n")
    var status = stat()
    XCTAssertEqual(stat(fifo, &status), 0)
    XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the pipe was replaced by a file")
  }

  func testAFolderIsRefused() {
    XCTAssertThrowsError(try OutputSink(atomicPath: folder.path)) { error in
      XCTAssertEqual(error as? OutputError, .failed("cannot write '\(folder.path)': it is a folder"))
    }
  }

  func testAFileIsReplacedWhole() throws {
    let path = folder.appendingPathComponent("report.csv").path
    try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
    let sink = try OutputSink(atomicPath: path)
    try Array("new\n".utf8).withUnsafeBufferPointer { try sink.write($0) }
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n", "written before the commit")
    try sink.commit()
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
  }
}

/// What the reading thread got.
private final class ReceivedBytes: @unchecked Sendable {
  var bytes = Data()
  let done = DispatchSemaphore(value: 0)
}
