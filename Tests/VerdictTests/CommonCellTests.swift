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
    // Money with a column currency and without; durations with a bare unit and without.
    for numbers in [NumberFormat.point, .comma, .undecided] {
      for currency in [Currency.euro, nil] {
        var format = CellFormat(FieldInfo(name: "m", type: .money), numbers: numbers)
        format.currency = currency
        formats.append(format)
      }
      for unit in [TimeSpan.Unit.day, .hour, .second, nil] {
        var format = CellFormat(FieldInfo(name: "t", type: .duration), numbers: numbers)
        format.durationUnit = unit
        formats.append(format)
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
      "Café", "ß", "日本", "\u{1}x", "x\u{7F}", "12", "123", "1.2", "12.3", "1.23", "12.34", "9.9", "99.99",
      "1234.5678", "12.34.5", "1..2", "12..3", "1.2a", "12a4", "1a", "a1", "1-2", "12/3", "1.2,3",
      // Money: four places and five, the largest amount and one past it; durations: days at the
      // edge of 64-bit seconds, a fraction of a unit, a unit written out.
      "12.3456", "12.34567", "12.34560", "922337203685477", "922337203685478", "922337203685477.5807",
      "92233720368547.7580", "1200,50", "1200.50 EUR", "€1200", "106751991167300", "106751991167301",
      "2.5", "0.5", "45d", "9223372036854775807", "0.0001", "0,0001",
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
    var recent = RecentTexts(slotCount: 1)
    let stored = cell.withUnsafeBufferPointer { cell in
      withUnsafePointer(to: format) { format in
        withUnsafeMutablePointer(to: &recent) { recent in
          withUnsafeMutablePointer(to: &value) {
            CellReader.storeCommon(cell, format, at: $0, slot: 0, recent: recent)
          }
        }
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

  @Test func bareAmountsAndWholeUnitsTakeTheFastPath() {
    var money = CellFormat(FieldInfo(name: "m", type: .money))
    money.currency = .euro
    var days = CellFormat(FieldInfo(name: "t", type: .duration))
    days.durationUnit = .day
    #expect(Self.common(Array("1200.50".utf8), money) == .money(Money(scaledAmount: 12_005_000, currency: .euro)))
    #expect(Self.common(Array("922337203685477".utf8), money) != nil)
    #expect(Self.common(Array("45".utf8), days) == .duration(TimeSpan(seconds: 45 * 86_400)))
    // Past 64 bits, past four places, a fraction of a day, no column currency: the general path's.
    #expect(Self.common(Array("922337203685478".utf8), money) == nil)
    #expect(Self.common(Array("12.34567".utf8), money) == nil)
    #expect(Self.common(Array("2.5".utf8), days) == nil)
    #expect(Self.common(Array("106751991167301".utf8), days) == nil)
    #expect(Self.common(Array("1200.50".utf8), CellFormat(FieldInfo(name: "m", type: .money))) == nil)
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

  @Test func aMarkIsLeftToTheGeneralPathWhenTheColumnsMarkIsUndecided() {
    let undecided = CellFormat(FieldInfo(name: "f", type: .number), numbers: .undecided)
    #expect(Self.common(Array("153.8".utf8), undecided) == nil)
    #expect(Self.common(Array("1538".utf8), undecided) == .int(1538))
  }

  /// The ISO dates' days come from ``CalendarDate/init(fourDigitYear:month:day:)``: the same
  /// days as the general initializer, at the ends of centuries, leap years and the range.
  @Test func fourDigitYearsMakeTheSameDays() {
    let years = Array(0...5) + Array(95...105) + Array(395...405) + Array(1890...2110) + Array(9990...9999)
    for year in years {
      for month in 0...13 {
        for day in 0...32 {
          let fast = CalendarDate(fourDigitYear: year, month: month, day: day)
          #expect(fast == CalendarDate(year: year, month: month, day: day), "\(year)-\(month)-\(day)")
        }
      }
    }
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

  /// `readRow` over every cell in every format gives what `read(_:as:)` gives cell by cell, the
  /// second time too (when the texts are the ones kept from the first).
  @Test func aRowReadsAsItsCellsDo() {
    for format in Self.formats {
      var recent = RecentTexts(slotCount: Self.cells.count)
      for _ in 0..<2 {
        let read = Self.readRow(Self.cells, format, &recent)
        for (slot, cell) in Self.cells.enumerated() {
          #expect(read[slot] == Self.general(cell, format), "\(cell) as \(format)")
        }
      }
    }
  }

  /// What `readRow` reads of `cells`, one slot each, all in `format`.
  static func readRow(
    _ cells: [[UInt8]], _ format: CellFormat, _ recent: inout RecentTexts
  ) -> [Result<Value, CellError>] {
    let bytes = cells.flatMap { $0 }
    var ranges: [CellRange] = []
    var offset = 0
    for cell in cells {
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
          withUnsafeMutablePointer(to: &recent) { recent in
            CellReader().readRow(
              ranges, in: bytes.baseAddress!, formats: formats, slots: slots, into: values.baseAddress!,
              recent: recent
            ) { errors[$0] = $1 }
          }
        }
      }
    }
    return ranges.indices.map { errors[$0].map { .failure($0) } ?? .success(values[$0]) }
  }
}

/// `RecentTexts` keeps the short texts a column repeats: a cell must read as the general path
/// reads it whether its text is kept, displaced by another (more values than a slot keeps) or
/// new, at every length around Swift's small strings (15 bytes) and with bytes that are not ASCII.
struct RecentTextsTests {
  static let text = CellFormat(FieldInfo(name: "channel", type: .text))

  /// A column's cells: repeated values, more of them than a slot keeps, every length from 1 to
  /// 17, cells that differ only in their last byte or their length, and non-ASCII ones.
  static let column: [[UInt8]] = {
    var values = ["chat", "email", "phone", "chat ", "cha", "chat\u{0}", "a", "b", "ab", "ba"]
    values += (1...17).map { String(repeating: "x", count: $0 - 1) + "y" }
    values += (1...17).map { String(repeating: "x", count: $0) }
    values += ["abcdefghijklmno", "abcdefghijklmnp", "bbcdefghijklmno", "abcdefgiijklmno", "Café", "日本", "x\u{7F}"]
    var cells = values.map { Array($0.utf8) }
    cells += [[0x63, 0xFF], [0xFF], Array(repeating: 0x41, count: 14) + [0xC3], Array(repeating: 0x80, count: 8)]
    var column: [[UInt8]] = []
    var state: UInt64 = 42
    for _ in 0..<3_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      column.append(cells[Int(state >> 33) % cells.count])
    }
    return column
  }()

  @Test func aColumnReadsAsItsCellsDo() {
    var recent = RecentTexts(slotCount: 1)
    for cell in Self.column {
      let read = CommonCellTests.readRow([cell], Self.text, &recent)[0]
      #expect(read == CommonCellTests.general(cell, Self.text), "\(cell)")
    }
  }

  @Test func keysAreTheBytesAndTheCount() {
    for count in 1...15 {
      let bytes = (0..<count).map { UInt8(0x41 + $0) }
      let (low, high) = bytes.withUnsafeBufferPointer { RecentTexts.key($0.baseAddress!, count) }
      var expected = (low: UInt64(0), high: UInt64(count) << 56)
      for (index, byte) in bytes.enumerated() {
        if index < 8 {
          expected.low |= UInt64(byte) << (8 * index)
        } else {
          expected.high |= UInt64(byte) << (8 * (index - 8))
        }
      }
      #expect(low == expected.low && high == expected.high, "\(count) bytes")
    }
  }

  @Test func aKeptTextIsTheOneRead() {
    var recent = RecentTexts(slotCount: 2)
    let chat = Array("chat".utf8)
    let first = chat.withUnsafeBufferPointer { recent.text(slot: 1, $0.baseAddress!, 4) }
    let second = chat.withUnsafeBufferPointer { recent.text(slot: 1, $0.baseAddress!, 4) }
    #expect(first == "chat" && second == "chat")
    let long = Array("abcdefghijklmnop".utf8)
    #expect(long.withUnsafeBufferPointer { recent.text(slot: 0, $0.baseAddress!, 16) } == nil)
  }
}
