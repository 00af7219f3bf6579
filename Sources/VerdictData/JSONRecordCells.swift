#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a JSON record straight into cells: the keys a caller reads, each with a slot, and the
/// bytes of each slot's value, without a `String` per key or value.
///
/// A batch runner reads millions of records on one thread, so that thread's cost per record
/// bounds the whole run. Building each record's members (``JSONRecordMembers``: a `String` per
/// key and value, an array per record) costs about 30,000 instructions for ten members; reading
/// the same record into cells costs a small fraction of it. The cells are the members' values as
/// ``JSONRecordMembers`` would give them: strings unescaped, numbers as written (an exponent
/// written out: ``JSONNumberText``), `true` and `false`, `null` an empty cell, arrays and objects
/// their JSON text; when a key repeats, the last value wins.

/// The cells of the last record read by ``JSONRecordText/cells(_:into:)``, by slot of a
/// ``JSONKeyTable``: each valid until the next record is read.
package final class JSONRecordCells {
  /// Each slot's value bytes (empty when the record has no such key or its value is `null`).
  package let cells: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
  /// Unescaped strings; at least as large as the record, so it never moves while one is read.
  // One thread reads a record at a time, so run-time exclusivity checks are pure cost here.
  @exclusivity(unchecked) private(set) var arena: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private(set) var arenaCapacity = 4096
  @exclusivity(unchecked) var arenaUsed = 0
  /// The slot each member position held in the last record (`-1` for a key not in the table):
  /// records usually list their keys in the same order, so it is the first slot tried.
  @exclusivity(unchecked) var guesses: [Int] = []
  /// The first slot whose key the last record held more than once, if any: its cell has the
  /// last value, as ``JSONRecordMembers`` keeps it; a reader that must not guess refuses it.
  @exclusivity(unchecked) package private(set) var repeatedSlot: Int?
  /// The first key of the last record that spells a slot's key another way, with the slot, if
  /// any (``JSONKeyTable/slotSpelledOtherwise(_:)``): a reader that must not guess refuses it.
  @exclusivity(unchecked) package private(set) var otherSpelling: (slot: Int, key: String)?
  /// The slot of the client key, whose value's kind is noted in ``keyToken``; -1 for none.
  package var keySlot = -1
  /// The first byte of the JSON value the last record gave ``keySlot`` (`"`, a digit or `-`,
  /// `t`, `f`, `n`, `[` or `{`), or 0: a key must be a string or a number, which its cell alone
  /// cannot tell (`["C9"]` is also a string's text).
  @exclusivity(unchecked) package internal(set) var keyToken: UInt8 = 0
  /// The record each slot was last filled in (``record`` then), to find a key given twice
  /// without clearing anything per record.
  private let filledIn: UnsafeMutableBufferPointer<UInt32>
  @exclusivity(unchecked) private var record: UInt32 = 0

  /// How number tokens are written as each slot's cell.
  let notations: [JSONNumberNotation]

  /// Cells for a table of `slots` keys, number tokens written in `notations` (by slot; as JSON
  /// writes them for a slot it leaves out).
  package init(slots: Int, notations: [JSONNumberNotation] = []) {
    self.notations = notations
    cells = .allocate(capacity: max(1, slots))
    cells.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0))
    filledIn = .allocate(capacity: max(1, slots))
    filledIn.initialize(repeating: 0)
    arena = .allocate(capacity: arenaCapacity)
  }

  deinit {
    cells.deallocate()
    filledIn.deallocate()
    arena.deallocate()
  }

  /// How a number token is written as the cell of `slot` (`nil` for a key no slot reads).
  @inline(__always)
  func notation(of slot: Int?) -> JSONNumberNotation {
    guard let slot, slot < notations.count else { return .point }
    return notations[slot]
  }

  /// Puts `value`, a JSON value starting with `token`, in `slot`, noting a slot filled twice in
  /// one record.
  @inline(__always)
  func fill(_ slot: Int, with value: UnsafeBufferPointer<UInt8>, token: UInt8) {
    if filledIn[slot] == record, repeatedSlot == nil { repeatedSlot = slot }
    if slot == keySlot { keyToken = token }
    filledIn[slot] = record
    cells[slot] = value
  }

  /// Notes that the record holds `key`, a key no slot holds that spells the key of `slot`
  /// another way; only the first is kept.
  func noteOtherSpelling(_ key: UnsafeBufferPointer<UInt8>, of slot: Int) {
    if otherSpelling == nil { otherSpelling = (slot, String(decoding: key, as: UTF8.self)) }
  }

  /// Empties every cell and makes room in the arena for a record of `bytes` bytes.
  func reset(forRecordOf bytes: Int) {
    record &+= 1
    if record == 0 {
      // After 2^32 records, marks from the first round could match again: start afresh.
      filledIn.update(repeating: 0)
      record = 1
    }
    repeatedSlot = nil
    otherSpelling = nil
    keyToken = 0
    for index in cells.indices { cells[index] = UnsafeBufferPointer(start: nil, count: 0) }
    arenaUsed = 0
    if bytes > arenaCapacity {
      arena.deallocate()
      arenaCapacity = max(bytes, arenaCapacity * 2)
      arena = .allocate(capacity: arenaCapacity)
    }
  }

  /// Copies `bytes` into the arena and returns the copy.
  func keep(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    if arenaUsed + bytes.count > arenaCapacity {
      // Only a record read from its members (see ``JSONRecordText/cells(_:into:)``) can get here;
      // cells copied so far move with the arena.
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(arenaCapacity * 2, arenaUsed + bytes.count))
      grown.initialize(from: arena, count: arenaUsed)
      let old = UInt(bitPattern: arena)
      for index in cells.indices {
        guard let start = cells[index].baseAddress else { continue }
        let offset = UInt(bitPattern: start) &- old
        if offset < UInt(arenaCapacity) {
          cells[index] = UnsafeBufferPointer(start: grown + Int(offset), count: cells[index].count)
        }
      }
      arena.deallocate()
      arena = grown
      arenaCapacity = max(arenaCapacity * 2, arenaUsed + bytes.count)
    }
    let copy = arena + arenaUsed
    copy.initialize(from: source, count: bytes.count)
    arenaUsed += bytes.count
    return UnsafeBufferPointer(start: copy, count: bytes.count)
  }
}

/// One record's text in a JSON data file, handed out by ``JSONRecordReader/forEachRecordText(_:onError:)``
/// and valid only during that call: read it as members or straight into cells.
package struct JSONRecordText {
  /// Where the record starts.
  package let position: RecordPosition
  let bytes: UnsafeBufferPointer<UInt8>
  let column: Int
  let skippingByteOrderMark: Bool

  /// `error`, the record's, saying why when the record is a bracket alone on its line (`{` or
  /// `[`, spaces aside): how each record of a pretty-printed JSON file (`jq .`) starts, read as
  /// JSON Lines, where every line of it is then an error of its own.
  package func explaining(_ error: DataReadError) -> DataReadError {
    let text = bytes.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
    guard text == [UInt8(ascii: "{")] || text == [UInt8(ascii: "[")] else { return error }
    var explained = error
    explained.message +=
      "; the file looks like pretty-printed JSON, a record over several lines, "
      + "where JSON Lines has one record a line (jq -c . FILE writes it so)"
    return explained
  }

  init(position: RecordPosition, bytes: UnsafeBufferPointer<UInt8>, column: Int, skippingByteOrderMark: Bool) {
    self.position = position
    self.bytes = bytes
    self.column = column
    self.skippingByteOrderMark = skippingByteOrderMark
  }

  /// The record on line `line` of a JSON Lines file, whose bytes (without the line feed) are
  /// `bytes`, as ``JSONRecordReader/forEachLine(_:onError:)`` hands them out: read as the
  /// reader's own ``JSONRecordReader/forEachRecordText(_:onError:)`` reads that line.
  package init(line: Int, bytes: UnsafeBufferPointer<UInt8>) {
    self.init(position: RecordPosition(line: line), bytes: bytes, column: 1, skippingByteOrderMark: true)
  }

  /// This record with its bytes copied into memory of its own, valid after the reader's call
  /// returns until ``deallocateCopy()``: standard input's first records are held while the
  /// keys of several of them are gathered for the columns.
  package func copied() -> JSONRecordText {
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(1, bytes.count))
    _ = storage.initialize(from: bytes)
    return JSONRecordText(
      position: position, bytes: UnsafeBufferPointer(rebasing: storage[0..<bytes.count]), column: column,
      skippingByteOrderMark: skippingByteOrderMark)
  }

  /// The length of the record's text in bytes.
  package var byteCount: Int { bytes.count }

  /// Frees the memory of a record made by ``copied()``.
  package func deallocateCopy() {
    bytes.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
  }

  /// The record's members, as ``JSONRecordReader/forEachRecord(_:onError:)`` hands them out.
  /// - Throws: `DataReadError` when the record is malformed.
  package func members() throws(DataReadError) -> JSONRecordMembers {
    var cursor = JSONCursor(bytes, line: position.line, column: column)
    return try cursor.parseRecordObject(skippingByteOrderMark: skippingByteOrderMark)
  }

  /// Reads the values of `table`'s keys into `cells`: each slot the value ``members()`` gives
  /// its key, as bytes.
  /// - Throws: `DataReadError` when the record is malformed: the error ``members()`` throws.
  package func cells(_ table: JSONKeyTable, into cells: JSONRecordCells) throws(DataReadError) {
    cells.reset(forRecordOf: bytes.count)
    var cursor = JSONCursor(bytes, line: position.line, column: column)
    // Records read with paths go their own way, so that every JSON file's loop stays as it was:
    // deciding in it, key by key or once a record, whether objects are read for their paths
    // cost 60 to 140 instructions a record of the shared benchmark's JSON Lines, which has none.
    let isWellFormed =
      table.hasPaths
      ? (try? cursor.parseRecordCellsWithPaths(skippingByteOrderMark: skippingByteOrderMark, table, cells)) != nil
      : (try? cursor.parseRecordCells(skippingByteOrderMark: skippingByteOrderMark, table, into: cells)) != nil
    if isWellFormed {
      return table.copyRepeatedKeys(in: cells)
    }
    // A malformed record: the members' reading says what is wrong. (Were it to find nothing
    // wrong, its members give the cells, so the two readings can never disagree.)
    let members = try self.members()
    cells.reset(forRecordOf: bytes.count)
    for (key, value) in members {
      var key = key
      guard let slot = key.withUTF8({ table.slot(of: $0, guess: -1) }) else { continue }
      var text =
        switch value {
        case .string(let text), .nested(let text): text
        case .number(let text): JSONNumberText.cell(text, notation: cells.notation(of: slot))
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        }
      if slot == cells.keySlot {
        cells.keyToken =
          switch value {
          case .string: UInt8(ascii: "\"")
          case .number: UInt8(ascii: "0")
          case .bool(let flag): flag ? UInt8(ascii: "t") : UInt8(ascii: "f")
          case .null: UInt8(ascii: "n")
          case .nested(let text): text.utf8.first ?? 0
          }
      }
      cells.cells[slot] = text.withUTF8 { cells.keep($0) }
    }
    table.copyRepeatedKeys(in: cells)
  }
}
