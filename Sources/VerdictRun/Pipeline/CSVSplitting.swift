import Foundation
import Verdict
import VerdictData

/// Reading a CSV file on several threads. The reading thread only finds where each record ends
/// (the serial scanner's own state machine, without the fields: ``CSVReader/forEachRecordText(_:)``)
/// and copies the records, a batch's worth at a time, into a ``CSVPart``; `threads` threads each
/// take a free batch, then the next part, split its records into fields and copy them into the
/// batch, which goes on to be evaluated. Each part carries the sequence its batch takes, so the
/// writer puts them back in file order.
///
/// Parts hold the records as the serial reading meets them (the same line numbers, the same blank
/// lines, the error that stops the reading after the same records), so the rows, their problems
/// and the notes are the serial reading's whatever the timing. A part ends after a batch's worth
/// of rows, as the serial reading's batches do, or sooner once it holds ``partBytes``.
struct CSVSplitting {
  let source: CSVRecordSource
  /// The source's index among the run's inputs.
  let index: Int
  let threads: Int
  /// Field slots per row.
  let slots: Int
  /// Rows per batch, and so the most rows a part holds.
  let capacity: Int
  /// The bytes of records after which a part ends, so that memory stays bounded by the parts in
  /// flight (a longer record still fits, alone).
  var partBytes = 4 << 20

  private struct Stopped: Error {}

  /// Reads the whole source, numbering its batches from `sequence` on (and moving it past
  /// them), taking empty batches from `free` and passing filled ones to `send`.
  /// - Returns: `false` when reading stopped early because `free` closed.
  func run(sequence: inout Int, free: Channel<Batch>, send: @escaping @Sendable (Batch) -> Void) -> Bool {
    guard let binding = source.binding else { return true }
    let parts = Channel<CSVPart>()
    let empty = Channel<CSVPart>()
    for _ in 0..<(threads + 2) { empty.send(CSVPart()) }
    let finished = Channel<Bool>()
    let formats = binding.formats
    let name = source.name
    for _ in 0..<threads {
      let reading = UncheckedBox(CSVPartReading(source: source, binding: binding, slots: slots))
      let index = self.index
      Thread.detachNewThread {
        CSVSplitting.read(
          parts: parts, free: free, empty: empty, index: index, formats: formats, name: name, reading: reading.value,
          send: send)
        finished.send(true)
      }
    }
    let stopped = split(sequence: &sequence, parts: parts, empty: empty)
    parts.close()
    for _ in 0..<threads { _ = finished.receive() }
    return !stopped && !free.isClosed
  }

  /// Finds the source's records and hands them out in parts; returns whether it stopped early.
  private func split(sequence: inout Int, parts: Channel<CSVPart>, empty: Channel<CSVPart>) -> Bool {
    guard let first = empty.receive() else { return true }
    first.reset(sequence: sequence)
    sequence += 1
    let filling = Filling(part: first, next: sequence)
    let capacity = capacity
    let partBytes = partBytes
    func room() throws {
      let part = filling.part
      guard part.count == capacity || part.byteCount >= partBytes else { return }
      parts.send(part)
      guard let fresh = empty.receive() else { throw Stopped() }
      fresh.reset(sequence: filling.next)
      filling.part = fresh
      filling.next += 1
    }
    do {
      try source.forEachRecordText { record, line, blankLines in
        for blank in 0..<blankLines {
          try room()
          filling.part.appendBlankLine(line - blankLines + blank)
        }
        try room()
        filling.part.append(record, line: line)
      }
    } catch let error as DataReadError {
      filling.part.tail = SourceNotes.unreadableTail(source.name, error)
    } catch is Stopped {
      sequence = filling.next
      return true
    } catch {
      filling.part.tail = "\(source.name): \(error); the rest of the file was not read"
    }
    sequence = filling.next
    parts.send(filling.part)
    return false
  }

  /// The part being filled and the sequence of the next, in a class so that the reading
  /// closure does not check exclusive access to them on every record.
  private final class Filling {
    @exclusivity(unchecked) var part: CSVPart
    @exclusivity(unchecked) var next: Int
    init(part: CSVPart, next: Int) {
      self.part = part
      self.next = next
    }
  }

  /// One splitting thread's loop: a free batch, then the next part, read into it and sent on.
  private static func read(
    parts: Channel<CSVPart>, free: Channel<Batch>, empty: Channel<CSVPart>, index: Int, formats: [CellFormat],
    name: String, reading: CSVPartReading, send: (Batch) -> Void
  ) {
    while true {
      guard let batch = free.receive() else {
        // The writer stopped: so does the reading thread, once it wants another part.
        empty.close()
        return
      }
      guard let part = parts.receive() else {
        free.send(batch)
        return
      }
      batch.reset(sequence: part.sequence, source: index)
      batch.formats = formats
      do {
        try reading.read(part, into: batch)
        if let tail = part.tail { batch.notes.append(tail) }
      } catch let error as DataReadError {
        // Not expected: the reading thread found these records.
        batch.notes.append(SourceNotes.unreadableTail(name, error))
      } catch {
        batch.notes.append("\(name): \(error); the rest of the file was not read")
      }
      empty.send(part)
      send(batch)
    }
  }
}

/// A batch's worth of a CSV file's records, copied end to end, and the line the first starts on.
final class CSVPart: @unchecked Sendable {
  /// The sequence of the batch the part's records go into.
  // One thread at a time fills or reads a part (a channel hands it over): run-time exclusivity
  // checks, on every record, are pure cost here.
  @exclusivity(unchecked) private(set) var sequence = 0
  /// Why the file could not be read past this part, when it could not.
  @exclusivity(unchecked) var tail: String?
  /// The line the first record (or blank line) starts on.
  @exclusivity(unchecked) private(set) var firstLine = 0
  /// Rows held: records and blank lines.
  @exclusivity(unchecked) private(set) var count = 0
  /// The bytes of the records held.
  @exclusivity(unchecked) private(set) var byteCount = 0
  /// The records, `capacity` bytes of which the first `byteCount` are in use. Owned (see
  /// `deinit`); a ``CSVPartReader`` takes it in exchange for one of its own.
  @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity = 1 << 16

  init() { storage = .allocate(capacity: capacity) }

  deinit { storage.deallocate() }

  /// Empties the part for the batch `sequence`.
  func reset(sequence: Int) {
    self.sequence = sequence
    tail = nil
    count = 0
    byteCount = 0
  }

  /// Adds a copy of a record, with its line break, that starts on `line`.
  @inline(__always)
  func append(_ record: UnsafeBufferPointer<UInt8>, line: Int) {
    if count == 0 { firstLine = line }
    count &+= 1
    guard let from = record.baseAddress else { return }
    if byteCount &+ record.count > capacity { grow(byteCount + record.count) }
    (storage + byteCount).initialize(from: from, count: record.count)
    byteCount &+= record.count
  }

  /// Adds blank line `line`, which a record follows (in this part or a later one), as `\r\n`:
  /// a blank line whatever line break ends the record before it.
  func appendBlankLine(_ line: Int) {
    let lineBreak: [UInt8] = [0x0D, 0x0A]
    lineBreak.withUnsafeBufferPointer { append($0, line: line) }
  }

  private func grow(_ needed: Int) {
    let grown = max(needed, capacity * 2)
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    bigger.initialize(from: storage, count: byteCount)
    storage.deallocate()
    storage = bigger
    capacity = grown
  }

  /// Hands the records to `reader` (which starts reading them from line ``firstLine``), taking
  /// the reader's old buffer for the part's next records.
  func load(into reader: CSVPartReader) {
    reader.load(exchanging: &storage, capacity: &capacity, count: byteCount, firstLine: firstLine)
  }
}
