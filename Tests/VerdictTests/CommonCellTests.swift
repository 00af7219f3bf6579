import Testing

@testable import Verdict

/// The fast paths of `CellReader+CommonCells.swift` must read a cell exactly as the general path
/// (`CellScanner`) does, and hand every cell they do not read to it: compared here at their
/// boundaries, one cell at a time and through `readRow`.
struct CommonCellTests {
  static let iso = DateFormat(pattern: "YYYY-MM-DD")!

  /// The formats the fast paths look at, and some they leave alone.
  static let formats: [CellFormat] = {
    var formats: [CellFormat] = []
    for numbers in [NumberFormat.point, .comma, .undecided] {
      for type: ValueType? in [.number, .percent, .bool, .text, nil] {
        formats.append(CellFormat(FieldInfo(name: "f", type: type), numbers: numbers))
      }
    }
    for pattern in [nil, "YYYY-MM-DD", "YYYY-M-D", "D.M.YYYY", "M/D/YYYY", "YYYYMMDD", "YY-MM-DD"] {
      formats.append(
        CellFormat(FieldInfo(name: "d", type: .date, dateFormat: pattern.map { DateFormat(pattern: $0)! })))
    }
    return formats
  }()

  /// Cells at the fast paths' boundaries, as bytes (some are not UTF-8).
  static let cells: [[UInt8]] = {
    let texts = [
      "", " ", "0", "45", "007", "153.8", "5135.51", "0.00", "1,5", "12,50", "1.250", "1,250", ".5", "5.", "5,",
      "1.2.3", "1,2.3", "-3", "+7", " 45", "45 ", "1e3", "123456789012345678", "1234567890123456789",
      "12345678901234567.8", "9223372036854775807", "99999999999999999.9",
      "2026-02-29", "2024-02-29", "2000-02-29", "1900-02-29", "0000-01-01", "0001-01-01", "9999-12-31",
      "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-00", "2026-1-01", "2026-01-1", " 2026-01-01",
      "2026-01-01 ", "2026-01-01T10:00", "2026/01/01", "2026-01-0x", "x026-01-01", "2026--1-01", "20261128",
      "28.11.2026", "true", "false", "TRUE", "False", "yes", "1", "truee", "fals", "tru\u{0}", "true ",
      "chat", "email", "phone", "a", "abcdefghijklmno", "abcdefghijklmnop", "abc def", "\tchat", "chat\n",
      "Café", "ß", "日本", "\u{1}x", "x\u{7F}",
    ]
    var cells = texts.map { Array($0.utf8) }
    cells += [
      [0xFF], [0x63, 0x68, 0xC3], [0xC3, 0x28], [0x32, 0x30, 0x32, 0x36, 0x2D, 0x30, 0x31, 0x2D, 0x30, 0xB1],
    ]
    cells += [Array(repeating: 0x80, count: 15), Array(repeating: 0x41, count: 15) + [0xE9]]
    return cells
  }()

  /// What the general path reads: `read(_:as:)` is the scanner after trimming.
  static func general(_ cell: [UInt8], _ format: CellFormat) -> Result<Value, CellError> {
    cell.withUnsafeBufferPointer { CellReader().read($0, as: format) }
  }

  /// What the fast paths read, or `nil` when they leave the cell to the general path.
  static func common(_ cell: [UInt8], _ format: CellFormat) -> Value? {
    var value = Value.missing
    let stored = cell.withUnsafeBufferPointer { cell in
      withUnsafePointer(to: format) { format in
        withUnsafeMutablePointer(to: &value) { CellReader.storeCommon(cell, format, at: $0) }
      }
    }
    return stored ? value : nil
  }

  @Test func theFastPathsReadWhatTheGeneralPathReads() {
    for format in Self.formats {
      for cell in Self.cells {
        guard let fast = Self.common(cell, format) else { continue }
        #expect(.success(fast) == Self.general(cell, format), "\(cell) as \(format)")
      }
    }
  }

  @Test(arguments: [
    ("45", ValueType.number), ("153.8", .number), ("123456789012345678", .number), ("2026-02-28", .date),
    ("2024-02-29", .date), ("9999-12-31", .date), ("0001-01-01", .date), ("true", .bool), ("false", .bool),
    ("chat", .text), ("abcdefghijklmno", .text), ("", .number), ("", .text),
  ])
  func theCommonShapesTakeTheFastPath(_ cell: String, _ type: ValueType) {
    #expect(Self.common(Array(cell.utf8), CellFormat(FieldInfo(name: "f", type: type))) != nil)
    let iso = CellFormat(FieldInfo(name: "d", type: .date, dateFormat: Self.iso))
    if type == .date { #expect(Self.common(Array(cell.utf8), iso) != nil) }
  }

  @Test(arguments: [
    ("1,5", ValueType.number), ("-3", .number), (" 45", .number), ("1234567890123456789", .number), ("5.", .number),
    ("1.2.3", .number), ("2026-02-29", .date), ("0000-01-01", .date), ("2026-13-01", .date), ("2026-1-01", .date),
    (" 2026-01-01", .date), ("2026-01-01T10:00", .date), ("TRUE", .bool), ("yes", .bool), ("true ", .bool),
    ("abcdefghijklmnop", .text), ("Café", .text), ("\tchat", .text), ("chat\n", .text),
  ])
  func unusualCellsTakeTheGeneralPath(_ cell: String, _ type: ValueType) {
    #expect(Self.common(Array(cell.utf8), CellFormat(FieldInfo(name: "f", type: type))) == nil)
  }

  @Test func aMarkIsLeftToTheGeneralPathWhenTheColumnsIsUndecided() {
    let undecided = CellFormat(FieldInfo(name: "f", type: .number), numbers: .undecided)
    #expect(Self.common(Array("153.8".utf8), undecided) == nil)
    #expect(Self.common(Array("1538".utf8), undecided) == .int(1538))
  }

  @Test func otherDateFormatsTakeTheGeneralPath() {
    let german = CellFormat(FieldInfo(name: "d", type: .date, dateFormat: DateFormat(pattern: "D.M.YYYY")!))
    #expect(Self.common(Array("2026-01-01".utf8), german) == nil)
    #expect(Self.general(Array("2026-01-01".utf8), german).isFailure)
  }

  @Test func invalidUTF8IsLeftToTheGeneralPath() {
    let text = CellFormat(FieldInfo(name: "f", type: .text))
    #expect(Self.common([0x63, 0xFF], text) == nil)
    #expect(Self.general([0x63, 0xFF], text).isFailure)
  }

  /// `readRow` over every cell in every format gives what `read(_:as:)` gives cell by cell.
  @Test func aRowReadsAsItsCellsDo() {
    for format in Self.formats {
      let bytes = Self.cells.flatMap { $0 }
      var ranges: [CellRange] = []
      var offset = 0
      for cell in Self.cells {
        ranges.append(CellRange(start: offset, end: offset + cell.count))
        offset += cell.count
      }
      let formats = [CellFormat](repeating: format, count: ranges.count)
      var slots = Array(ranges.indices)
      var values = [Value](repeating: .missing, count: ranges.count)
      var errors: [Int: CellError] = [:]
      bytes.withUnsafeBufferPointer { bytes in
        slots.withUnsafeMutableBufferPointer { slots in
          values.withUnsafeMutableBufferPointer { values in
            CellReader().readRow(
              ranges, in: bytes.baseAddress!, formats: formats, slots: slots, into: values.baseAddress!
            ) { errors[$0] = $1 }
          }
        }
      }
      for (slot, cell) in Self.cells.enumerated() {
        let read: Result<Value, CellError> = errors[slot].map { .failure($0) } ?? .success(values[slot])
        #expect(read == Self.general(cell, format), "\(cell) as \(format)")
      }
    }
  }
}
