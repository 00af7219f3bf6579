import Verdict

/// The bytes of a batch's rows in one growable buffer, which the batch owns and reuses.
final class BatchBytes {
  /// The buffer, `capacity` bytes, of which the first `count` are in use. Owned (see `deinit`).
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes in use.
  var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The first byte, valid until the buffer is next written to.
  var start: UnsafePointer<UInt8> { UnsafePointer(base) }

  /// The bytes of `span`, valid until the buffer is next written to.
  @inline(__always)
  func buffer(_ span: CellSpan) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base + span.start, count: span.end &- span.start)
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private func grow(_ needed: Int) {
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = max(needed, capacity * 2)
  }

  /// Appends one cell's bytes and returns where they went.
  func copy(_ cell: UnsafeBufferPointer<UInt8>) -> CellSpan {
    let start = count
    guard let source = cell.baseAddress, cell.count > 0 else { return CellSpan(start: start, end: start) }
    reserve(cell.count)
    (base + start).initialize(from: source, count: cell.count)
    count += cell.count
    return CellSpan(start: start, end: count)
  }

  /// Appends `block`, the bytes of a run of records, in one piece; returns how far the offset in
  /// the buffer of each byte of it is from the byte's address.
  func append(block: UnsafeBufferPointer<UInt8>) -> Int {
    let origin = count
    guard let from = block.baseAddress else { return origin }
    reserve(block.count)
    // In pieces of 2 KiB: glibc copies a longer piece with `rep movsb`, which callgrind counts
    // byte by byte: a run of 60 KiB cost 67 instructions a row in one piece; in pieces the
    // reading thread took 59 a row less (969 -> 910).
    var copied = 0
    while copied < block.count {
      let piece = min(2048, block.count &- copied)
      (base + (origin &+ copied)).initialize(from: from + copied, count: piece)
      copied &+= piece
    }
    count += block.count
    return origin &- Int(bitPattern: from)
  }

  /// Appends the bytes of a whole record in one piece, placing each slot's cell at its field's
  /// offset in it: field `columns[s]` of the `count` in `fields` for slot `s` (an empty cell for
  /// -1), and the key last, as ``copy(record:_:slotCount:key:into:)`` places cells gathered from
  /// the same table. Returns `false`, having appended nothing, when the record holds much more than
  /// the cells or the key lies outside it; the caller then copies the cells one by one.
  ///
  /// Why: reading each slot's field from the scanner's table here, rather than from cells gathered
  /// into the row first and each checked against the record, took the copy of the benchmark's
  /// rows (eleven columns, nine read) from 614 instructions a row (gather and copy) to 387.
  @inline(__always)
  func copy(
    record: UnsafeBufferPointer<UInt8>, fields: UnsafePointer<UnsafeBufferPointer<UInt8>>, count fieldCount: Int,
    columns: UnsafeBufferPointer<Int>, key: UnsafeBufferPointer<UInt8>, into spans: UnsafeMutablePointer<CellSpan>
  ) -> Bool {
    guard let from = record.baseAddress, let slots = columns.baseAddress else { return false }
    let origin = count
    let width = record.count
    // Every field lies within `record` (the scanner gives a record's bytes only then): a cell's
    // place is its address moved by as much as the record's first byte moves to `origin`.
    let shift = origin &- Int(bitPattern: from)
    var total = 0
    for slot in 0..<columns.count {
      let column = slots[slot]
      if UInt(bitPattern: column) < UInt(bitPattern: fieldCount) {
        let cell = fields[column]
        let start = Int(bitPattern: cell.baseAddress) &+ shift
        total &+= cell.count
        BatchBytes.place(spans + slot, start, start &+ cell.count)
      } else {
        BatchBytes.place(spans + slot, origin, origin)
      }
    }
    // The key is the source's to choose: placed only when it lies within the record too.
    let keyOffset = UInt(bitPattern: Int(bitPattern: key.baseAddress) &- Int(bitPattern: from))
    var inside = true
    if keyOffset <= UInt(width), keyOffset &+ UInt(key.count) <= UInt(width) {
      let start = origin &+ Int(bitPattern: keyOffset)
      BatchBytes.place(spans + columns.count, start, start &+ key.count)
      total &+= key.count
    } else {
      inside = key.count == 0
      BatchBytes.place(spans + columns.count, origin, origin)
    }
    guard inside, width <= 2 * total + 256 else { return false }
    reserve(width)
    (base + origin).initialize(from: from, count: width)
    count += width
    return true
  }

  /// Writes `start..<end` to `span` field by field: `CellSpan`'s initializer, from another
  /// module, was a call of six instructions for every cell (57 a row).
  @inline(__always)
  static func place(_ span: UnsafeMutablePointer<CellSpan>, _ start: Int, _ end: Int) {
    span.pointee.start = start
    span.pointee.end = end
  }

  /// Appends the bytes of a whole record, which hold its `slotCount` cells and its key, in one
  /// piece, writing where each cell went to `spans` (the key last). Returns `false`, having
  /// appended nothing, when the record holds much more than the cells (columns the policy does
  /// not read) or a cell lies outside it; ``copy(_:slotCount:key:into:)`` then copies the cells.
  func copy(
    record: UnsafeBufferPointer<UInt8>, _ cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>,
    slotCount: Int, key: UnsafeBufferPointer<UInt8>, into spans: UnsafeMutablePointer<CellSpan>
  ) -> Bool {
    guard let from = record.baseAddress else { return false }
    let origin = count
    let width = record.count
    reserve(width)
    (base + origin).initialize(from: from, count: width)
    // Addresses are compared as integers only to find each cell's offset in the record; a cell
    // without bytes (nil) comes out far outside it and is placed as an empty cell.
    let low = UInt(bitPattern: from)
    var total = 0
    var inside = true
    @inline(__always) func place(_ cell: UnsafeBufferPointer<UInt8>) -> CellSpan {
      let offset = UInt(bitPattern: cell.baseAddress) &- low
      guard offset <= UInt(width), offset &+ UInt(cell.count) <= UInt(width) else {
        inside = inside && cell.count == 0
        return CellSpan(start: origin, end: origin)
      }
      total &+= cell.count
      let start = origin &+ Int(offset)
      return CellSpan(start: start, end: start &+ cell.count)
    }
    for slot in 0..<slotCount { spans[slot] = place(cells[slot]) }
    spans[slotCount] = place(key)
    guard inside, width <= 2 * total + 256 else { return false }
    count += width
    return true
  }

  /// Appends a record's `slotCount` cells and its key, writing where each went to `spans` (the
  /// key last). The cells of a record usually lie together in the source's buffer, so they are
  /// copied in one piece with whatever lies between them; cells that lie apart (a quoted cell
  /// unescaped into the scanner's scratch buffer) are copied one by one.
  func copy(
    _ cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>, slotCount: Int,
    key: UnsafeBufferPointer<UInt8>, into spans: UnsafeMutablePointer<CellSpan>
  ) {
    // Addresses are compared as integers only to find the smallest piece of memory holding them all.
    var low = UInt.max
    var high: UInt = 0
    var total = 0
    func widen(_ cell: UnsafeBufferPointer<UInt8>) {
      guard let start = cell.baseAddress, cell.count > 0 else { return }
      let address = UInt(bitPattern: start)
      low = min(low, address)
      high = max(high, address + UInt(cell.count))
      total += cell.count
    }
    for slot in 0..<slotCount { widen(cells[slot]) }
    widen(key)
    let width = high &- low
    guard total > 0, width <= UInt(2 * total + 256), let from = UnsafePointer<UInt8>(bitPattern: low) else {
      for slot in 0..<slotCount { spans[slot] = copy(cells[slot]) }
      spans[slotCount] = copy(key)
      return
    }
    let origin = count
    reserve(Int(width))
    (base + origin).initialize(from: from, count: Int(width))
    count += Int(width)
    func place(_ cell: UnsafeBufferPointer<UInt8>) -> CellSpan {
      guard let start = cell.baseAddress, cell.count > 0 else { return CellSpan(start: origin, end: origin) }
      let offset = origin + Int(UInt(bitPattern: start) &- low)
      return CellSpan(start: offset, end: offset + cell.count)
    }
    for slot in 0..<slotCount { spans[slot] = place(cells[slot]) }
    spans[slotCount] = place(key)
  }
}
