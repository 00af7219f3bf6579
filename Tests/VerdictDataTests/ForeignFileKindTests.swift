import Foundation
import XCTest

@testable import VerdictData

/// Files that are not CSV or JSON text, refused by what they are before their bytes are read as a
/// header.
final class ForeignFileKindTests: XCTestCase {
  /// The first bytes of a file of each kind, as the programs that write them start them.
  static let starts: [(ForeignFileKind, [UInt8])] = [
    (.zip, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    (.zip, [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18)),
    (.compoundFile, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]),
    (.gzip, [0x1F, 0x8B, 0x08, 0x00]),
    (.bzip2, Array("BZh91AY&SY".utf8) + [0x12]),
    (.xz, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04]),
    (.zstandard, [0x28, 0xB5, 0x2F, 0xFD, 0x24]),
    (.sevenZip, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04]),
    (.pdf, Array("%PDF-1.7\n%âãÏÓ\n".utf8)),
    (.sqlite, Array("SQLite format 3".utf8) + [0, 0x10, 0x00]),
    (.xml, Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)),
    (.xml, [0xEF, 0xBB, 0xBF] + Array("\r\n<?XML v".utf8)),
    (.html, Array("<!DOCTYPE html>\n<html>".utf8)),
    (.html, Array("  <HTML><head>".utf8)),
    (.html, Array("<table border=1>".utf8)),
  ]

  func testEachKindIsKnownByItsFirstBytes() {
    for (kind, start) in Self.starts {
      XCTAssertEqual(ForeignFileKind(start: start), kind, "\(start)")
    }
    // A cut signature, or text that begins like one, is text.
    for text in [
      "PK,name\n", "BZh,BZh2\n", "%PDF,x\n", "SQLite format 3,x\n", "id,name\n", "", "<id>,<name>\n", "x,<html>\n",
    ] {
      XCTAssertNil(ForeignFileKind(start: Array(text.utf8)), text)
    }
    XCTAssertNil(ForeignFileKind(start: [0x1F]))
  }

  /// No text file the readers are tested on, conformance suites included, is taken for one.
  func testNoTestDataFileIsTakenForOne() throws {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let files = try XCTUnwrap(FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil))
    var checked = 0
    for case let file as URL in files where ["csv", "json", "jsonl", "tsv", "txt"].contains(file.pathExtension) {
      let start = try FileHandle(forReadingFrom: file).read(upToCount: ForeignFileKind.signatureLength) ?? Data()
      XCTAssertNil(ForeignFileKind(start: start), file.path)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 300)
  }

  /// A file is refused when opened, whether its encoding is detected or given, and so is
  /// standard input; the message names the file and the hint says how to get text from it.
  func testOpeningAFileThatIsNotTextFails() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-binary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("clients.csv.gz").path
    try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00]).write(to: URL(fileURLWithPath: path))
    let expected = DataReadError(
      line: 0, column: 0, message: "'\(path)' is compressed with gzip; expected CSV or JSON text",
      hint: "decompress it first: gunzip -k '\(path)'")
    for encoding in [nil, TextEncoding.utf8, .windows1252, .latin1, .utf16] {
      XCTAssertThrowsError(try ByteSource(path: path, encoding: encoding)) { error in
        XCTAssertEqual(error as? DataReadError, expected, "\(String(describing: encoding))")
      }
    }
    XCTAssertThrowsError(try ByteSource(path: path)) { XCTAssertEqual($0 as? DataReadError, expected) }
    // From a pipe whose writer sends the first byte alone: read until a signature's worth came.
    let pipe = Pipe()
    pipe.fileHandleForWriting.write(Data([0x1F]))
    let writer = Thread {
      Thread.sleep(forTimeInterval: 0.2)
      pipe.fileHandleForWriting.write(Data([0x8B, 0x08, 0x00] + Array(repeating: 0, count: 20)))
      try? pipe.fileHandleForWriting.close()
    }
    writer.start()
    let piped = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
    XCTAssertThrowsError(try ByteSource(path: piped, encoding: nil)) { error in
      XCTAssertEqual(
        (error as? DataReadError)?.message, "'\(piped)' is compressed with gzip; expected CSV or JSON text")
    }
    let stdin = ForeignFileKind.gzip.refusal(name: "<stdin>")
    XCTAssertEqual(stdin.message, "standard input is compressed with gzip; expected CSV or JSON text")
    XCTAssertEqual(stdin.hint, "decompress it before the pipe: gunzip -c FILE | verdict …")
    // The command in a hint runs as shown, whatever the name holds.
    XCTAssertEqual(ForeignFileKind.xz.refusal(name: "it's.xz").hint, #"decompress it first: unxz -k 'it'\''s.xz'"#)
  }
}
