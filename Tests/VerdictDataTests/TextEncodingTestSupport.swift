import Foundation
import XCTest

@testable import VerdictData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte fixtures in other encodings, and ways to read a `ByteSource` to its end.
enum EncodedText {
  /// `text` as UTF-16 in the given byte order, with or without a byte order mark.
  static func utf16(_ text: String, _ order: UTF16ByteOrder, mark: Bool = false) -> [UInt8] {
    let units = (mark ? [0xFEFF] : []) + Array(text.utf16)
    return units.flatMap { unit -> [UInt8] in
      let low = UInt8(truncatingIfNeeded: unit)
      let high = UInt8(truncatingIfNeeded: unit >> 8)
      switch order {
      case .littleEndian:
        return [low, high]
      case .bigEndian:
        return [high, low]
      }
    }
  }

  /// `text` as Windows-1252 bytes, encoded by Foundation (fails for characters it lacks).
  static func windows1252(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
    let data = try XCTUnwrap(text.data(using: .windowsCP1252), "not encodable: \(text)", file: file, line: line)
    return Array(data)
  }

  /// Everything `source` hands out, read with a destination buffer of `bufferSize` bytes.
  static func drain(_ source: ByteSource, bufferSize: Int = 4096) throws -> [UInt8] {
    var output: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 1)
    defer { buffer.deallocate() }
    while true {
      let count = try source.read(into: buffer)
      if count == 0 {
        return output
      }
      XCTAssertLessThanOrEqual(count, min(bufferSize, source.chunkSize))
      output.append(contentsOf: buffer.prefix(count))
    }
  }

  /// The text `source` hands out, which must be valid UTF-8.
  static func text(of source: ByteSource, bufferSize: Int = 4096) throws -> String {
    let bytes = try drain(source, bufferSize: bufferSize)
    return try XCTUnwrap(String(validating: bytes, as: UTF8.self), "output is not valid UTF-8")
  }

  /// The error that reading `source` to its end throws, if any.
  static func readError(_ source: ByteSource, bufferSize: Int = 4096) -> DataReadError? {
    do {
      _ = try drain(source, bufferSize: bufferSize)
      return nil
    } catch let error as DataReadError {
      return error
    } catch {
      XCTFail("unexpected error \(error)")
      return nil
    }
  }
}

/// A pipe fed by a background thread, read through its `/dev/fd/N` path: like standard input,
/// it cannot be re-read or seeked, and reads return whatever has arrived so far.
final class PipeFeed {
  /// The path that opens the pipe's read end.
  let path: String
  private let readEnd: Int32
  private let done = DispatchSemaphore(value: 0)

  /// Starts writing `bytes` into a new pipe in pieces of `pieceSize` bytes, then closes it.
  init(_ bytes: [UInt8], pieceSize: Int = 1000) throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      throw XCTSkip("pipe() failed: errno \(errno)")
    }
    readEnd = ends[0]
    let writeEnd = ends[1]
    path = "/dev/fd/\(readEnd)"
    let done = self.done
    Thread.detachNewThread {
      var offset = 0
      bytes.withUnsafeBytes { raw in
        while offset < bytes.count, let base = raw.baseAddress {
          let written = write(writeEnd, base + offset, min(pieceSize, bytes.count - offset))
          if written <= 0 {
            break
          }
          offset += written
        }
      }
      close(writeEnd)
      done.signal()
    }
  }

  /// Waits for the writer and closes the original read end.
  func finish() {
    done.wait()
    close(readEnd)
  }
}
