/// The cells data exports write most, read straight from their bytes for ``CellReader/readRow``:
/// plain numbers (`45`, `153.8`), ISO dates (`2026-11-28`), `true` and `false`, and short ASCII
/// text (`chat`, through ``RecentTexts``).
///
/// Each shape is one the general path (``CellScanner``, after ``CellScanner/trim()``) reads to the
/// same value; anything else (spaces around the cell, signs, grouping, other date forms, times
/// after a date, other words, non-ASCII text, text longer than a small string) gets `nil` here
/// and takes the general path unchanged, errors and hints included.
extension CellReader {
  /// Writes the value of a common cell in `format` to `value` and returns `true`, or returns
  /// `false` (leaving `value` alone) when the cell is not of a common shape. Text is taken from
  /// `recent` (the texts kept for `slot`) when it was read lately. `value` is written
  /// as ``readRow(_:in:formats:slots:into:failed:)`` writes its slots: initialized over a value
  /// that holds no reference, assigned over one that may.
  ///
  /// Exists because a row's cells are mostly of these shapes, and making a scanner, trimming it,
  /// switching on the type again and passing the value back as an optional cost about 60
  /// instructions a cell besides the reading itself (measured with callgrind on the peer
  /// benchmark, 9 cells a row).
  @inline(__always)
  static func storeCommon(
    _ cell: UnsafeBufferPointer<UInt8>, _ format: UnsafePointer<CellFormat>, at value: UnsafeMutablePointer<Value>,
    slot: Int, recent: UnsafeMutablePointer<RecentTexts>
  ) -> Bool {
    let count = cell.count
    guard count > 0, let base = cell.baseAddress else {
      // An empty cell is missing whatever the field's type, as in ``value(of:as:)``.
      if CellReader.holdsNoReference(format.pointee) {
        value.initialize(to: .missing)
      } else {
        value.pointee = .missing
      }
      return true
    }
    // Through a pointer, so that only what a cell's type needs of its format is loaded (copying
    // the whole format first cost about 15 instructions a cell).
    switch format.pointee.type {
    case .number:
      return storeNumber(base, count, mark: format.pointee.numbers.markByte, at: value)
    case .date:
      guard format.pointee.dateFormat.map(CellReader.isISO) ?? true, let date = isoDate(base, count) else {
        return false
      }
      value.initialize(to: .date(date))
    case .bool:
      guard let truth = trueOrFalse(base, count) else { return false }
      value.initialize(to: .bool(truth))
    case .text:
      guard let text = recent.pointee.text(slot: slot, base, count) else { return false }
      value.pointee = .text(text)
    case .money:
      // A bare amount in a column of one currency (`1200.50` in EUR), at most four places: what
      // ``CellScanner/money(defaultCurrency:)`` reads as its amount times 10^4.
      guard let currency = format.pointee.currency,
        let (mantissa, places) = plainDigits(base, count, mark: format.pointee.numbers.markByte), places <= 4
      else { return false }
      let (amount, overflow) = mantissa.multipliedReportingOverflow(by: ExactDecimal.moneyFactor(places))
      guard !overflow else { return false }
      value.initialize(to: .money(Money(scaledAmount: amount, currency: currency)))
    case .duration:
      // A bare whole number in a column of one unit (`45` in days): what
      // ``CellScanner/duration(bareUnit:)`` reads as that many units' seconds.
      guard let unit = format.pointee.durationUnit,
        let (whole, places) = plainDigits(base, count, mark: format.pointee.numbers.markByte), places == 0
      else { return false }
      let (seconds, overflow) = whole.multipliedReportingOverflow(by: unit.seconds)
      guard !overflow else { return false }
      value.initialize(to: .duration(TimeSpan(seconds: seconds)))
    case .percent, .list, nil: return false
    }
    return true
  }

  /// The digits of a cell of 2 to 18 bytes that starts and ends with a digit and has at most one
  /// decimal `mark` between digits, as a whole number and how many of them follow the mark: the
  /// reading of ``storeNumber(_:_:mark:at:)``, for money and durations written as bare numbers.
  /// `nil` for any other cell, and for one with a mark when the column's is undecided.
  ///
  /// Exists because money and duration cells otherwise took the scanner's path (about 200
  /// instructions a cell more, measured with callgrind on `Benchmarks/run-bench.verdict`'s data).
  @inline(__always)
  static func plainDigits(_ base: UnsafePointer<UInt8>, _ count: Int, mark: UInt8?) -> (Int64, Int)? {
    guard count <= 18, CellScanner.isDigit(base[0]), CellScanner.isDigit(base[count &- 1]) else { return nil }
    let markByte = mark ?? UInt8(ascii: "0")
    var mantissa: Int64 = 0
    var pointAt = -1
    for index in 0..<count {
      let byte = base[index]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        mantissa = mantissa &* 10 &+ Int64(digit)
      } else {
        guard pointAt < 0, byte == markByte else { return nil }
        pointAt = index
      }
    }
    return (mantissa, pointAt < 0 ? 0 : count &- pointAt &- 1)
  }

  /// Writes to `value` a number of 1 to 18 bytes that starts and ends with a digit and has at
  /// most one decimal `mark` between digits (`45`, `153.8`) and returns `true`: what
  /// ``CellScanner/plainDecimal(_:_:)`` reads, for which trimming changes nothing. Any other cell
  /// returns `false`, as does one with a mark when the column's is undecided (`mark == nil`),
  /// which may have two readings: the general path reads it.
  ///
  /// Saves about 45 instructions a number cell over the scanner (measured with callgrind).
  /// Writing the value in place and reading two bytes at a time save about 10 instructions a row
  /// of 6 number cells more than returning an optional value read a byte at a time (measured).
  @inline(__always)
  static func storeNumber(
    _ base: UnsafePointer<UInt8>, _ count: Int, mark: UInt8?, at value: UnsafeMutablePointer<Value>
  ) -> Bool {
    let first = base[0] &- UInt8(ascii: "0")
    // One digit, the commonest count: no loop (about 25 instructions fewer, measured).
    if count == 1 {
      guard first < 10 else { return false }
      value.initialize(to: .int(Int64(first)))
      return true
    }
    guard count <= 18, first < 10, CellScanner.isDigit(base[count &- 1]) else { return false }
    // A digit never reaches the comparison with the mark, so `0` stands for "no mark".
    let markByte = mark ?? UInt8(ascii: "0")
    var mantissa: Int64 = 0
    var pointAt = -1
    var index = 0
    // Two bytes at a time. The last byte is a digit, so a mark is never the last byte read.
    while index &+ 1 < count {
      let high = base[index] &- UInt8(ascii: "0")
      let low = base[index &+ 1] &- UInt8(ascii: "0")
      if high < 10, low < 10 {
        mantissa = mantissa &* 100 &+ Int64(high &* 10 &+ low)
        index &+= 2
      } else if high < 10 {
        guard pointAt < 0, base[index &+ 1] == markByte else { return false }
        mantissa = mantissa &* 10 &+ Int64(high)
        pointAt = index &+ 1
        index &+= 2
      } else {
        guard pointAt < 0, base[index] == markByte else { return false }
        pointAt = index
        index &+= 1
      }
    }
    if index < count { mantissa = mantissa &* 10 &+ Int64(base[index] &- UInt8(ascii: "0")) }
    // What ``ExactDecimal/value`` makes of a mantissa below 10^18 and at most 17 places, built
    // here so that no call is made for it.
    if pointAt < 0 {
      value.initialize(to: .int(mantissa))
    } else {
      let places = count &- pointAt &- 1
      value.initialize(to: .decimal(DecimalNumber(significand: UInt128(mantissa), scale: places, negative: false)))
    }
    return true
  }

  /// Whether a declared or detected date format reads ISO dates: year, month and day, a dash
  /// between them, a four-digit year, the month in digits (the widths of `MM` and `DD` do not
  /// change what is read).
  @inline(__always)
  static func isISO(_ format: DateFormat) -> Bool {
    format.order == .yearMonthDay && format.separator == .dash && format.yearDigits == 4 && !format.monthInWords
  }

  /// The day of a cell of exactly `YYYY-MM-DD` (ten bytes, digits and dashes), or `nil` for any
  /// other cell. A day that does not exist (`2026-02-30`) is `nil` too, as in the general path,
  /// which refuses it with its hint.
  ///
  /// Saves about 100 instructions a date cell over ``CellScanner/date(format:)`` (measured with
  /// callgrind): no call, no scanner, the digits read unrolled.
  @inline(__always)
  static func isoDate(_ base: UnsafePointer<UInt8>, _ count: Int) -> CalendarDate? {
    guard count == 10, base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-") else { return nil }
    let y0 = base[0] &- UInt8(ascii: "0")
    let y1 = base[1] &- UInt8(ascii: "0")
    let y2 = base[2] &- UInt8(ascii: "0")
    let y3 = base[3] &- UInt8(ascii: "0")
    let m0 = base[5] &- UInt8(ascii: "0")
    let m1 = base[6] &- UInt8(ascii: "0")
    let d0 = base[8] &- UInt8(ascii: "0")
    let d1 = base[9] &- UInt8(ascii: "0")
    guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
    let year = Int(y0) &* 1000 &+ Int(y1) &* 100 &+ Int(y2) &* 10 &+ Int(y3)
    return CalendarDate(fourDigitYear: year, month: Int(m0) &* 10 &+ Int(m1), day: Int(d0) &* 10 &+ Int(d1))
  }

  /// `true` or `false` written in lowercase, as exports write them; `nil` for every other word
  /// (`TRUE`, `yes`, `1`), which ``CellScanner/bool()`` reads.
  ///
  /// Saves about 30 instructions a truth cell (measured with callgrind): no call, four bytes
  /// compared at once.
  @inline(__always)
  static func trueOrFalse(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool? {
    guard count == 4 || count == 5 else { return nil }
    let first = UnsafeRawPointer(base).loadUnaligned(as: UInt32.self)
    if count == 4 { return first == CellReader.word("true") ? true : nil }
    return first == CellReader.word("fals") && base[4] == UInt8(ascii: "e") ? false : nil
  }

  /// Four ASCII bytes as `loadUnaligned(as: UInt32.self)` reads them on a little-endian machine.
  @inline(__always)
  private static func word(_ text: StaticString) -> UInt32 {
    let bytes = text.utf8Start
    return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
  }
}
