import XCTest

@testable import VerdictData

/// `CSVRecordScanner.attemptUnquoted`, the word-at-a-time split of records without quotes: where
/// it splits a record, it must split it as `attempt` does (fields, the record's end and line, its
/// bytes, no flaw), and it must leave every other record to `attempt`.
final class CSVUnquotedRecordTests: XCTestCase {
  /// What one attempt left: the outcome, the fields, and the scanner's state after it.
  struct Split: Equatable {
    var count: Int
    var fields: [[UInt8]]
    var start: Int
    var line: Int
    var flaw: Int
    var recordBytes: [UInt8]?
  }

  static func split(_ scanner: CSVRecordScanner, _ attempt: () -> CSVRecordScanner.Attempt?) -> Split? {
    guard case .complete(let count) = attempt() else { return nil }
    return Split(
      count: count, fields: (0..<count).map { Array(scanner.fields[$0]) }, start: scanner.window.start,
      line: scanner.line, flaw: scanner.flaw, recordBytes: scanner.recordBytes.map(Array.init))
  }

  /// A window holding exactly `bytes` read in one chunk; then, when `atEnd`, the end of the
  /// input. Otherwise more input follows that is not read yet.
  static func window(_ bytes: [UInt8], atEnd: Bool) -> ChunkWindow {
    let source = ByteSource(bytes: atEnd ? bytes : bytes + Array("\"\n".utf8), chunkSize: max(1, bytes.count))
    let window = ChunkWindow(source: source, maxCapacity: CSVReader.maxRecordBytes)
    _ = try? window.refill()
    if atEnd { _ = try? window.refill() }
    return window
  }

  /// Compares the two at the start of every record of `bytes`, read as the whole input or with
  /// the input going on after them; returns how many records the word-at-a-time split took.
  ///
  /// Each reads its own copy of the bytes: the split unescapes `""` in place. Where it took a
  /// record that `attempt` unescaped into `scratch` (no record bytes), every field it gives must
  /// lie within the record's bytes.
  @discardableResult
  static func compare(
    _ bytes: [UInt8], separator: UInt8, atEnd: Bool, file: StaticString = #filePath, line: UInt = #line
  )
    -> Int
  {
    let window = Self.window(bytes, atEnd: atEnd)
    let slowWindow = Self.window(bytes, atEnd: atEnd)
    XCTAssertEqual(window.available, bytes.count, file: file, line: line)
    XCTAssertEqual(window.isAtEndOfInput, atEnd, file: file, line: line)
    let scanner = CSVRecordScanner(window: window, separator: separator)
    let slowScanner = CSVRecordScanner(window: slowWindow, separator: separator)
    var taken = 0
    while window.available > 0 {
      let (start, lineBefore) = (window.start, scanner.line)
      XCTAssertEqual(slowWindow.start, start, file: file, line: line)
      let slow = split(slowScanner) { slowScanner.attempt() }
      if var fast = split(scanner, { scanner.attemptUnquoted() }) {
        taken += 1
        if slow?.recordBytes == nil, let record = scanner.recordBytes {
          for index in 0..<fast.count {
            let field = scanner.fields[index]
            XCTAssertTrue(
              field.count == 0
                || (field.baseAddress! >= record.baseAddress!
                  && field.baseAddress! + field.count <= record.baseAddress! + record.count),
              "field \(index) of \(bytes) at \(start) lies within the record", file: file, line: line)
          }
          fast.recordBytes = nil
        }
        XCTAssertEqual(fast, slow, "\(bytes) at \(start)", file: file, line: line)
      } else {
        XCTAssertEqual(window.start, start, "left unchanged", file: file, line: line)
        XCTAssertEqual(scanner.line, lineBefore, "left unchanged", file: file, line: line)
        XCTAssertEqual(split(scanner) { scanner.attempt() }, slow, "\(bytes) at \(start)", file: file, line: line)
      }
      guard slow != nil || window.start != start else { break }
    }
    return taken
  }

  func testRecordsOfEveryKind() {
    let text =
      "1,2,3\nab,,c\r\n,\r\n\"q\",x\ny\"z,1\n\t\u{0B}x,2\r3,4\n" + String(repeating: "long field,", count: 9) + "end\n"
    for atEnd in [true, false] {
      let taken = Self.compare(Array(text.utf8), separator: UInt8(ascii: ","), atEnd: atEnd)
      XCTAssertGreaterThan(taken, 3)
    }
  }

  /// Records with as many fields as the scanner has room for, and one to a few more: those past
  /// the room are left to `attempt`, which makes more.
  func testRecordsAroundTheRoomForFields() {
    for count in [62, 63, 64, 65, 66, 127, 128, 129] {
      // A second record after it, so that its line break is in a whole word.
      let record = Array((Array(repeating: "ab", count: count).joined(separator: ",") + "\nnext,record\n").utf8)
      let scanner = CSVRecordScanner(
        window: ChunkWindow(source: ByteSource(bytes: record, chunkSize: record.count), maxCapacity: 1 << 20),
        separator: UInt8(ascii: ","))
      _ = try? scanner.window.refill()
      let room = scanner.fieldCapacity
      XCTAssertEqual(scanner.attemptUnquoted() == nil, count > room, "\(count) fields, room for \(room)")
      for atEnd in [true, false] { Self.compare(record, separator: UInt8(ascii: ","), atEnd: atEnd) }
    }
  }

  /// A carriage return that ends the bytes read so far, more input to come: its line feed may
  /// follow, so the record is `attempt`'s (which waits for it), wherever the CR falls in a word.
  func testACarriageReturnAtTheEndOfTheBytesReadIsLeftToAttempt() {
    for text in ["0123456\r", "ab,cdef\r", "0123456789abcde\r", "ab\r", "12345678,\r"] {
      Self.compare(Array(text.utf8), separator: UInt8(ascii: ","), atEnd: false)
      Self.compare(Array(text.utf8), separator: UInt8(ascii: ","), atEnd: true)
    }
  }

  /// Quoted fields the word-at-a-time split reads in place (plain text between the quotes, the
  /// separator or a line break right after), with the quotes at every place in a word, of
  /// lengths around a word; and those it leaves to `attempt` (a line break or a lone quote
  /// inside, text or a space after the closing quote, a quote inside an unquoted field).
  func testQuotedFieldsAtEveryPlaceInAWord() {
    let comma = UInt8(ascii: ",")
    var taken = 0
    for lead in 0..<9 {
      let before = String(repeating: "a", count: lead)
      for content in ["", "x", "1234567", "12345678", "123456789", "0123456789abcdef", "Silva, Dubois GmbH"] {
        for ending in ["\n", "\r\n", "\r", ",", ",z\n"] {
          let text = "\(before),\"\(content)\"\(ending)" + "next,\"rec\"\n"
          taken += Self.compare(Array(text.utf8), separator: comma, atEnd: true)
          taken += Self.compare(Array(text.utf8), separator: comma, atEnd: false)
          let first = "\"\(content)\"\(ending)\(before)\n"
          taken += Self.compare(Array(first.utf8), separator: comma, atEnd: true)
        }
      }
      for odd in ["\"a\"\"b\"", "\"a\nb\"", "\"a\r\nb\"", "\"a\"b", "\"a\" ", "a\"b\"", "\"\"\"\"", "\"a\tb\"", "\"a"] {
        let text = "\(before),\(odd),tail\n" + "0123456789,\"plain\"\n"
        taken += Self.compare(Array(text.utf8), separator: comma, atEnd: true)
        taken += Self.compare(Array(text.utf8), separator: comma, atEnd: false)
      }
    }
    XCTAssertGreaterThan(taken, 150)
  }

  /// The records of a file much like the benchmark's: a name quoted in a tenth of them, once
  /// with a doubled quote; each split by the word-at-a-time split.
  func testQuotedNamesAreSplitInPlace() {
    let text =
      "13,\"Vera \"\"VE\"\" Fischer\",5,4,33.1\n19,\"Silva, Dubois GmbH\",14,1,0.0\n"
      + "20,Kira Berg,0,4,39.3\n30,\"Jensen, Kim Studio\",0,0,106.9\r\n31,\"\",1,2,3\n"
      + "end,of,file,here,now\n"
    let taken = Self.compare(Array(text.utf8), separator: UInt8(ascii: ","), atEnd: true)
    XCTAssertEqual(taken, 5)
  }

  /// Doubled quotes in a quoted field before a separator, unescaped in place: at the field's
  /// start, its end and inside it, alone and in pairs, with the field at every place in a word,
  /// in one field or several; and the records left to `attempt`: the field closed before a line
  /// break or with text after it, a lone quote, the window ending inside the field or right
  /// after a quote, and a doubled quote in field 64 or later (beyond the mask of fields).
  func testDoubledQuotesAreUnescapedInPlace() {
    let comma = UInt8(ascii: ",")
    var taken = 0
    for lead in 0..<9 {
      let before = String(repeating: "a", count: lead)
      for content in ["\"\"", "\"\"x", "x\"\"", "a\"\"b", "\"\"\"\"", "12345\"\"678", "Vera \"\"VE\"\" Fischer"] {
        for ending in [",z\n", ",z\r\n", ",\"\"\"\",z\n", ",\"q\"\"\",z\r", "\n", "x,z\n", "\r\n"] {
          let text = "\(before),\"\(content)\"\(ending)" + "next,\"rec\"\n"
          taken += Self.compare(Array(text.utf8), separator: comma, atEnd: true)
          taken += Self.compare(Array(text.utf8), separator: comma, atEnd: false)
          let first = "\"\(content)\"\(ending)\(before)\n"
          taken += Self.compare(Array(first.utf8), separator: comma, atEnd: true)
          // Cut short at every byte: the window ends inside the record.
          let bytes = Array(text.utf8)
          for cut in 1..<bytes.count { Self.compare(Array(bytes[..<cut]), separator: comma, atEnd: false) }
        }
      }
    }
    XCTAssertGreaterThan(taken, 600)
    for index in [62, 63, 64, 65] {
      var cells = Array(repeating: "c", count: 70)
      cells[index] = "\"a\"\"b\""
      let text = cells.joined(separator: ",") + "\nend\n"
      let room = CSVRecordScanner(window: Self.window([], atEnd: true), separator: comma).fieldCapacity
      let window = Self.window(Array(text.utf8), atEnd: true)
      let scanner = CSVRecordScanner(window: window, separator: comma)
      let fields = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: 128)
      defer { fields.deallocate() }
      // With room for every field: taken while the field is below 64.
      let split = scanner.attemptUnquoted(into: fields, capacity: 128)
      XCTAssertEqual(split != nil, index < 64, "doubled quote in field \(index)")
      if split != nil { XCTAssertEqual(Array(fields[index]), Array("a\"b".utf8)) }
      XCTAssertEqual(room, 64)
    }
  }

  func testRandomRecords() {
    var generator = SeededGenerator(seed: 0xFA57)
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("12".utf8), Array("longer text".utf8), Array(",".utf8), Array(";".utf8),
      Array("\t".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array("\"".utf8), [0x00],
      [0x0B], [0x0E], [0x7F], [0x80], [0xFF], Array("ü".utf8), [0x2C | 0x80],
    ]
    var taken = 0
    for round in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 1...80, using: &generator) {
        // Quotes rarely, so that most records are the word-at-a-time split's.
        var piece = pieces[Int.random(in: 0..<pieces.count, using: &generator)]
        if piece == [0x22] && Bool.random(using: &generator) { piece = Array("x".utf8) }
        bytes += piece
      }
      let separator = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][round % 3]
      taken += Self.compare(bytes, separator: separator, atEnd: round % 2 == 0)
    }
    XCTAssertGreaterThan(taken, 300)
  }
}
