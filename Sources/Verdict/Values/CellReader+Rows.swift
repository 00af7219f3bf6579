/// Reading a whole row of cells in one call, for batch runners that convert millions of rows:
/// the loop over the cells runs here, next to the scanners, rather than calling the reader once
/// a cell.

/// Where a cell's bytes are in a buffer that holds many cells: `start..<end`.
package struct CellRange: Sendable {
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
  /// The pointers must be valid for every slot in `slots` (the caller owns the memory). A slot
  /// whose type holds no reference (any but text, lists and undeclared types) is overwritten
  /// without releasing what it held, so it must hold no text or list: as when it was last written
  /// by this method, or is missing. (Were it to, the text would leak, nothing worse.)
  package func readRow(
    _ cells: UnsafePointer<CellRange>, in bytes: UnsafePointer<UInt8>, formats: UnsafePointer<CellFormat>,
    slots: UnsafeMutableBufferPointer<Int>, into values: UnsafeMutablePointer<Value>,
    failed: (Int, CellError) -> Void
  ) {
    for slot in slots {
      let range = cells[slot]
      let cell = UnsafeBufferPointer(start: bytes + range.start, count: range.end &- range.start)
      if CellReader.storeCommon(cell, formats + slot, at: values + slot) { continue }
      let format = formats[slot]
      var scanner = CellScanner(bytes: cell, numbers: format.numbers)
      scanner.trim()
      if let read = value(of: scanner, as: format) {
        if CellReader.holdsNoReference(format) {
          (values + slot).initialize(to: read)
        } else {
          values[slot] = read
        }
      } else {
        values[slot] = .missing
        failed(slot, mismatch(scanner, format))
      }
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
