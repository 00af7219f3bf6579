/// Reading a whole row of cells in one call, for batch runners that convert millions of rows:
/// the loop over the cells runs here, next to the scanners, rather than calling the reader once
/// a cell.

/// Where a cell's bytes are in a buffer that holds many cells: `start..<end`.
package struct CellRange: Sendable, BitwiseCopyable {
  /// The offset of the cell's first byte.
  package var start: Int
  /// The offset after the cell's last byte.
  package var end: Int

  /// A cell at `start..<end` (inlined, across modules too: batch readers make millions).
  @inlinable @inline(__always) package init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }
}

extension CellReader {
  /// Reads the cells of one row into `values`, each slot `s` of `slots` from the bytes
  /// `bytes[cells[s].start..<cells[s].end]` in the format `formats[s]`: the same as
  /// ``read(_:as:into:)`` for each slot in turn. A bad cell's value becomes missing and `failed`
  /// is called with its slot and what is wrong, in slot order.
  ///
  /// Short text cells equal to ones read lately take their strings from `recent`, which must have
  /// room for every slot in `slots` and is used by one thread at a time.
  ///
  /// The pointers must be valid for every slot in `slots` (the caller owns the memory). A slot
  /// whose type holds no reference (any but text, lists and undeclared types) is overwritten
  /// without releasing what it held, so it must hold no text or list: as when it was last written
  /// by this method, or is missing. (Were it to, the text would leak, nothing worse.)
  package func readRow(
    _ cells: UnsafePointer<CellRange>, in bytes: UnsafePointer<UInt8>, formats: UnsafePointer<CellFormat>,
    slots: UnsafeMutableBufferPointer<Int>, into values: UnsafeMutablePointer<Value>,
    recent: UnsafeMutablePointer<RecentTexts>, failed: (Int, CellError) -> Void
  ) {
    for slot in slots {
      let range = cells[slot]
      let cell = UnsafeBufferPointer(start: bytes + range.start, count: range.end &- range.start)
      if CellReader.storeCommon(cell, formats + slot, at: values + slot, slot: slot, recent: recent) { continue }
      readUncommon(cell, as: formats[slot], slot: slot, into: values + slot, failed: failed)
    }
  }

  /// Reads a cell the fast paths leave alone, as ``readRow(_:in:formats:slots:into:recent:failed:)``
  /// does, into `value`.
  ///
  /// Not inlined: in the loop of `readRow` the scanner's code made the compiler keep the loop's
  /// values on the stack, which cost about 77 instructions a row of 9 common cells (measured
  /// with callgrind on the peer benchmark).
  @inline(never)
  func readUncommon(
    _ cell: UnsafeBufferPointer<UInt8>, as format: CellFormat, slot: Int, into value: UnsafeMutablePointer<Value>,
    failed: (Int, CellError) -> Void
  ) {
    var scanner = CellScanner(bytes: cell, numbers: format.numbers)
    scanner.trim()
    if let read = self.value(of: scanner, as: format) {
      if CellReader.holdsNoReference(format) {
        value.initialize(to: read)
      } else {
        value.pointee = read
      }
    } else {
      value.pointee = .missing
      failed(slot, mismatch(scanner, format))
    }
  }

  /// Whether every value of the format (missing included) is stored inline, holding no reference
  /// to release.
  @inline(__always)
  static func holdsNoReference(_ format: CellFormat) -> Bool {
    switch format.type {
    case .bool, .number, .date, .percent, .duration, .money: true
    case .text, .list, nil: false
    }
  }
}

/// The short texts a batch's text columns repeat (`chat`, `email`, `phone`), kept by their bytes
/// so that a cell equal to a recent one takes its string rather than making one.
///
/// Exists because making even a small string costs about 120 instructions a text cell
/// (`String(unsafeUninitializedCapacity:initializingUTF8With:)`: a call through a closure, a copy,
/// the release of the slot's old string), and columns of text mostly repeat a few values; a hit
/// here costs about 40 (measured with callgrind on the peer benchmark). A text is equal to the
/// one it replaces, so what is read does not change.
package struct RecentTexts {
  /// A text of at most 15 ASCII bytes and its bytes: the first eight in `low`, the rest in
  /// `high` with the count in its top byte (so that no text's key is all zeros).
  struct Entry {
    var low: UInt64
    var high: UInt64
    var text: String
  }

  /// How many texts each slot keeps: a column of up to about this many values always hits.
  private static let ways = 8

  /// `ways` entries for each slot, the one for a text chosen by its bytes.
  private var entries: [Entry]

  /// Room for the texts of `slotCount` slots, none kept yet.
  package init(slotCount: Int) {
    entries = Array(repeating: Entry(low: 0, high: 0, text: ""), count: slotCount * RecentTexts.ways)
  }

  /// The text of `base[0..<count]` for slot `slot`: 1 to 15 ASCII bytes with no space, tab or
  /// line break at either end (so trimming changes nothing), else `nil` (the general path reads
  /// or refuses the cell). The same as ``CellScanner/validText`` for such a cell.
  @inline(__always)
  mutating func text(slot: Int, _ base: UnsafePointer<UInt8>, _ count: Int) -> String? {
    guard count <= 15, base[0] > UInt8(ascii: " "), base[count &- 1] > UInt8(ascii: " ") else { return nil }
    let (low, high) = RecentTexts.key(base, count)
    // ASCII throughout: no byte has its high bit (the count in `high`'s top byte is below 16).
    guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
    let mixed = (low ^ high &* 31) &* 0x9E37_79B9_7F4A_7C15
    let index = slot &* RecentTexts.ways &+ Int(truncatingIfNeeded: mixed >> 61)
    if entries[index].low == low, entries[index].high == high { return entries[index].text }
    let text = String(unsafeUninitializedCapacity: count) { buffer in
      buffer.baseAddress!.initialize(from: base, count: count)
      return count
    }
    entries[index] = Entry(low: low, high: high, text: text)
    return text
  }

  /// The bytes of a cell of 1 to 15 bytes as two words, byte `i` at bits `8 * i` on every
  /// machine, read with as few loads as cover them (overlapping where the count is not a power
  /// of two), the count in the top byte of the second: equal keys are equal cells.
  @inline(__always)
  static func key(_ base: UnsafePointer<UInt8>, _ count: Int) -> (low: UInt64, high: UInt64) {
    let raw = UnsafeRawPointer(base)
    let counted = UInt64(count) << 56
    if count >= 8 {
      // Bytes 8..<count are the top `count - 8` bytes of the eight that end the cell.
      let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
      let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
      return (first, last >> UInt64(8 &* (16 &- count)) | counted)
    }
    if count >= 4 {
      let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
      return (first | last << UInt64(8 &* (count &- 4)), counted)
    }
    var low: UInt64 = 0
    for index in 0..<count { low |= UInt64(base[index]) << UInt64(8 &* index) }
    return (low, counted)
  }
}
