/// Numbers with signs and thousands separators, read exactly or not at all.
///
/// The decimal mark is the column's (``NumberFormat``) or, when that is undecided, the one the
/// cell itself shows: the last of `.` and `,` when both occur (`1.234,56`), the one of them that
/// repeats is grouping (`1,234,567`), a single one beside `'` or space grouping is the mark
/// (`1'234.5`), and a single one is the mark unless it is followed by exactly three digits after
/// a group of one to three (`1.250`), which has two readings and is refused.
extension CellScanner {
  /// A separator between digits at `index`, with its length in bytes, or `nil`.
  @inline(__always)
  func separator(at index: Int, before to: Int) -> (kind: NumberSeparator, width: Int)? {
    switch bytes[index] {
    case UInt8(ascii: "."): return (.point, 1)
    case UInt8(ascii: ","): return (.comma, 1)
    case UInt8(ascii: "'"): return (.apostrophe, 1)
    case UInt8(ascii: " "): return (.space, 1)
    case 0xC2 where index + 1 < to && bytes[index + 1] == 0xA0:  // U+00A0 no-break space
      return (.space, 2)
    case 0xE2
    where index + 2 < to && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89):
      return (.space, 3)  // U+202F narrow no-break space, U+2009 thin space
    case 0xE2 where index + 2 < to && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99:
      return (.apostrophe, 3)  // U+2019, the apostrophe Swiss German settings group thousands with
    default: return nil
    }
  }

  /// The bytes of a minus sign at `index`: a hyphen-minus, or U+2212, the minus sign that Swedish,
  /// Norwegian and Finnish settings of Windows write (`−250,00`); 0 for none.
  @inline(__always)
  func minusWidth(at index: Int, before to: Int) -> Int {
    guard index < to else { return 0 }
    if bytes[index] == UInt8(ascii: "-") { return 1 }
    return bytes[index] == 0xE2 && to - index > 2 && bytes[index + 1] == 0x88 && bytes[index + 2] == 0x92 ? 3 : 0
  }

  /// Whether a number whose only separator is a `.` or `,` at `mark` has two readings: one to
  /// three digits not starting with 0 before it, exactly three after it.
  @inline(__always)
  func isAmbiguousGroup(_ from: Int, _ mark: Int, _ to: Int) -> Bool {
    to - mark - 1 == 3 && mark - from <= 3 && bytes[from] != UInt8(ascii: "0")
  }

  /// How many ASCII digits the cell has.
  var digitCount: Int { (start..<end).reduce(0) { $0 + (CellScanner.isDigit(bytes[$1]) ? 1 : 0) } }

  /// The digits of the cell's whole part, leading zeros left out: before the decimal mark, or
  /// all of them in a cell without `.` or `,`; `nil` when the mark is not known and the cell
  /// has one of them.
  var wholeDigitCount: Int? {
    let mark = numbers.markByte
    var count = 0
    for index in start..<end {
      let byte = bytes[index]
      if let mark, byte == mark { break }
      if mark == nil, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return nil }
      if CellScanner.isDigit(byte), count > 0 || byte != UInt8(ascii: "0") { count += 1 }
    }
    return count
  }

  /// Whether the cell holds a number refused only because its column's decimal mark is not known,
  /// such as `1.250` or `1,250 €`: what ``NumberFormat/evidence(in:)`` calls ambiguous.
  func hasAmbiguousNumber() -> Bool {
    // `1.250` is a thousands group only where `.` or `,` may group thousands: with
    // `--thousands none`, `'` or `space`, its one reading is 1.25.
    numbers.decimalMark == .undecided && numbers.grouping == .any
      && NumberFormat.evidence(in: UnsafeBufferPointer(rebasing: bytes[start..<end])) == .ambiguous
  }

  /// Reads a number with an optional sign and thousands separators; `nil` if it is not one or has
  /// two readings.
  func groupedDecimal(_ from: Int, _ to: Int) -> ExactDecimal? {
    var index = from
    var result = ExactDecimal()
    if index < to, bytes[index] == UInt8(ascii: "+") {
      index += 1
    } else {
      let minus = minusWidth(at: index, before: to)
      result.negative = minus > 0
      index += minus
    }
    guard let markAt = decimalMarkIndex(index, to) else { return nil }
    let markByte = markAt >= 0 ? bytes[markAt] : numbers.markByte
    let digitsStart = index
    var grouping: NumberSeparator?
    var groupDigits = -1  // digits since the last grouping separator; -1 before the first
    var firstGroup = 0
    // The digits of each group between two separators: 3, or 2 in lakhs and crores
    // (`12,34,567.00`, as Indian exports group them); the last group has 3 either way.
    var innerGroup = 0
    var inFraction = false
    var digits = 0
    // Zeros of the fraction not yet appended: those at its end change nothing, and those past
    // what fits are dropped, so `1.50000000000000000000000000000` is 1.5, not 30 digits past
    // what a cell may hold (docs/language.md: zeros at the end of the fraction do not count).
    var pendingZeros = 0
    while index < to {
      let byte = bytes[index]
      if CellScanner.isDigit(byte) {
        digits += 1
        index += 1
        if inFraction {
          if byte == UInt8(ascii: "0") {
            pendingZeros += 1
            continue
          }
          for _ in 0..<pendingZeros {
            guard result.append(0) else { return nil }
          }
          result.fractionDigits += pendingZeros + 1
          pendingZeros = 0
        } else if groupDigits >= 0 {
          groupDigits += 1
        } else {
          firstGroup += 1
        }
        guard result.append(byte - UInt8(ascii: "0")) else { return nil }
        continue
      }
      guard let (kind, width) = separator(at: index, before: to), digits > 0, index + width < to,
        CellScanner.isDigit(bytes[index + width])
      else { return nil }
      if index == markAt {
        guard groupDigits == -1 || groupDigits == 3 else { return nil }
        inFraction = true
      } else {
        guard !inFraction, numbers.groups(with: kind, mark: markByte), grouping == nil || grouping == kind
        else { return nil }
        if groupDigits >= 0 {
          guard groupDigits == 3 || groupDigits == 2 && kind == .comma, innerGroup == 0 || innerGroup == groupDigits
          else { return nil }
          innerGroup = groupDigits
        }
        grouping = kind
        groupDigits = 0
      }
      index += width
    }
    guard digits > 0, groupDigits == -1 || groupDigits == 3 else { return nil }
    if grouping != nil {
      guard firstGroup <= (innerGroup == 2 ? 2 : 3), bytes[digitsStart] != UInt8(ascii: "0") else { return nil }
    }
    // The zeros at the end are kept while the digits stay within 64 bits and 28 places, so
    // that `5.00` is the decimal it always was; the rest are dropped.
    while pendingZeros > 0, !result.isWide, result.fractionDigits < DecimalNumber.maximumDigits {
      let (times, overflow) = result.mantissa.multipliedReportingOverflow(by: 10)
      guard !overflow else { break }
      result.mantissa = times
      result.fractionDigits += 1
      pendingZeros -= 1
    }
    return result
  }

  /// Where the decimal mark of the number in `from..<to` is: its index, -1 when it has none, or
  /// `nil` when it cannot be read (two marks, a mark before grouping, two readings).
  private func decimalMarkIndex(_ from: Int, _ to: Int) -> Int? {
    var points = 0
    var commas = 0
    var others = 0
    var last = -1
    var lastKind: NumberSeparator?
    var index = from
    while index < to {
      guard let (kind, width) = separator(at: index, before: to) else {
        index += 1
        continue
      }
      switch kind {
      case .point: points += 1
      case .comma: commas += 1
      case .apostrophe, .space: others += 1
      }
      last = index
      lastKind = kind
      index += width
    }
    if let mark = numbers.markByte {
      let kind: NumberSeparator = mark == UInt8(ascii: ".") ? .point : .comma
      let count = kind == .point ? points : commas
      if count == 0 { return -1 }
      return count == 1 && lastKind == kind ? last : nil
    }
    if points > 0 && commas > 0 {
      guard lastKind == .point && points == 1 || lastKind == .comma && commas == 1 else { return nil }
      return last
    }
    let marks = points + commas
    if marks == 0 || marks > 1 { return -1 }
    guard lastKind == .point || lastKind == .comma else { return nil }
    // `1.250` could be a thousands group only where `.` or `,` may group thousands.
    if others == 0 && numbers.grouping == .any && isAmbiguousGroup(from, last, to) { return nil }
    return last
  }
}

/// What one cell says about its column's decimal mark.
package enum DecimalEvidence: Equatable {
  /// No number, or one without `.` or `,` (`45`, `1'234`).
  case none
  /// The cell shows this mark (`0.5`, `1,234.56`, `1.234,56`).
  case mark(NumberFormat.DecimalMark)
  /// The cell's number has two readings (`1.250`).
  case ambiguous
}

extension NumberFormat {
  /// The decimal mark of an amount of two readings (``evidence(in:)`` is ambiguous: `￥120,000`,
  /// `120.000`) in a currency without a minor unit (``Currency/hasNoMinorUnit``): the mark it does
  /// not show, as the one it shows groups thousands of an amount that has no decimals.
  package static func wholeUnitsMark(ofAmbiguous bytes: UnsafeBufferPointer<UInt8>) -> DecimalMark {
    bytes.contains(UInt8(ascii: ",")) ? .point : .comma
  }

  /// What the number in `bytes` (a cell, perhaps with a currency, unit or `%` around it) says about
  /// the decimal mark of its column.
  package static func evidence(in bytes: UnsafeBufferPointer<UInt8>) -> DecimalEvidence {
    var cell = CellScanner(bytes: bytes, numbers: .undecided)
    cell.trim()
    guard let from = (cell.start..<cell.end).first(where: { CellScanner.isDigit(bytes[$0]) }) else { return .none }
    var points = 0
    var commas = 0
    var others = 0
    var last: (index: Int, kind: NumberSeparator)?
    var to = from
    var index = from
    while index < cell.end {
      if CellScanner.isDigit(bytes[index]) {
        index += 1
        to = index
        continue
      }
      guard let (kind, width) = cell.separator(at: index, before: cell.end), index + width < cell.end,
        CellScanner.isDigit(bytes[index + width])
      else { break }
      switch kind {
      case .point: points += 1
      case .comma: commas += 1
      case .apostrophe, .space: others += 1
      }
      last = (index, kind)
      index += width
    }
    guard let last, points + commas > 0 else { return .none }
    if points > 0 && commas > 0 {
      switch last.kind {
      case .point: return points == 1 ? .mark(.point) : .none
      case .comma: return commas == 1 ? .mark(.comma) : .none
      case .apostrophe, .space: return .none
      }
    }
    // One kind of mark, repeated: it groups thousands, so the other is the decimal mark.
    if points > 1 { return .mark(.comma) }
    if commas > 1 { return .mark(.point) }
    let kind: DecimalMark = points == 1 ? .point : .comma
    let markIndex = last.kind == .point || last.kind == .comma ? last.index : -1
    guard markIndex >= 0 else { return .none }
    if others == 0 && cell.isAmbiguousGroup(from, markIndex, to) { return .ambiguous }
    return .mark(kind)
  }
}
