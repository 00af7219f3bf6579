import Foundation
import Verdict
import VerdictData

/// Reading a JSON Lines file on several threads. The reading thread only finds the lines (a
/// JSON Lines record cannot hold a raw line feed, so a line is a record) and copies them, a
/// batch's worth at a time, into a ``LinePart``; `threads` threads each take a free batch, then
/// the next part, and read its records into the batch, which goes on to be evaluated. Each part
/// carries the sequence its batch takes, so the writer puts them back in file order.
///
/// Parts hold the lines as the serial reading meets them (the same line numbers, the same lines
/// skipped as blank or too long), so the rows, their problems and the notes are the serial
/// reading's whatever the timing. A part ends after a batch's worth of lines, as the serial
/// reading's batches do, or sooner once it holds ``partBytes`` (records of many keys the policy
/// does not read): a report does not depend on where its batches end.
struct LineSplitting {
  let source: JSONRecordSource
  /// The source's index among the run's inputs.
  let index: Int
  let threads: Int
  /// Field slots per row.
  let slots: Int
  /// Rows per batch, and so the most lines a part holds.
  let capacity: Int
  /// The bytes of lines after which a part ends, so that memory stays bounded by the parts in
  /// flight, not by how long a batch's worth of lines is (a longer line still fits, alone).
  var partBytes = 4 << 20

  private struct Stopped: Error {}

  /// Reads the whole source, numbering its batches from `sequence` on (and moving it past
  /// them), taking empty batches from `free` and passing filled ones to `send`.
  /// - Returns: `false` when reading stopped early because `free` closed.
  func run(sequence: inout Int, free: Channel<Batch>, send: @escaping @Sendable (Batch) -> Void) -> Bool {
    guard let binding = source.binding else { return true }
    let parts = Channel<LinePart>()
    let empty = Channel<LinePart>()
    for _ in 0..<(threads + 2) { empty.send(LinePart()) }
    let finished = Channel<Bool>()
    let formats = binding.formats
    for _ in 0..<threads {
      let reading = UncheckedBox(JSONRowReading(binding: binding, slots: slots))
      let index = self.index
      let slots = self.slots
      Thread.detachNewThread {
        LineSplitting.read(
          parts: parts, free: free, empty: empty, index: index, formats: formats, reading: reading.value,
          row: RowBuffer(slots: slots), send: send)
        finished.send(true)
      }
    }
    let stopped = split(sequence: &sequence, parts: parts, empty: empty)
    parts.close()
    for _ in 0..<threads { _ = finished.receive() }
    return !stopped && !free.isClosed
  }

  /// Finds the source's lines and hands them out in parts; returns whether it stopped early.
  private func split(sequence: inout Int, parts: Channel<LinePart>, empty: Channel<LinePart>) -> Bool {
    guard var part = empty.receive() else { return true }
    part.reset(sequence: sequence)
    sequence += 1
    var next = sequence
    func room() throws {
      guard part.count == capacity || part.byteCount >= partBytes else { return }
      parts.send(part)
      guard let fresh = empty.receive() else { throw Stopped() }
      part = fresh
      part.reset(sequence: next)
      next += 1
    }
    do {
      try source.forEachLine { line, number in
        try room()
        part.append(line, number: number)
      } onError: { error in
        try room()
        part.append(error)
      }
    } catch let error as DataReadError {
      part.tail = SourceNotes.unreadableTail(source.name, error)
    } catch is Stopped {
      sequence = next
      return true
    } catch {
      part.tail = "\(source.name): \(error); the rest of the file was not read"
    }
    sequence = next
    parts.send(part)
    return false
  }

  /// One reading thread's loop: a free batch, then the next part, read into it and sent on.
  private static func read(
    parts: Channel<LinePart>, free: Channel<Batch>, empty: Channel<LinePart>, index: Int, formats: [CellFormat],
    reading: JSONRowReading, row: RowBuffer, send: (Batch) -> Void
  ) {
    while true {
      guard let batch = free.receive() else {
        // The writer stopped: so does the splitting thread, once it wants another part.
        empty.close()
        return
      }
      guard let part = parts.receive() else {
        free.send(batch)
        return
      }
      batch.reset(sequence: part.sequence, source: index)
      batch.formats = formats
      part.forEachLine { line in
        switch line {
        case .record(let text): reading.read(text, into: row) { batch.add($0) }
        case .failure(let error): JSONRowReading.report(error, into: row) { batch.add($0) }
        }
      }
      if let tail = part.tail { batch.notes.append(tail) }
      empty.send(part)
      send(batch)
    }
  }
}

/// A batch's worth of a JSON Lines file's lines, copied end to end, with their line numbers,
/// and the lines too long to read in their place.
final class LinePart: @unchecked Sendable {
  /// The sequence of the batch the part's records go into.
  // One thread at a time fills or reads a part (a channel hands it over): run-time exclusivity
  // checks, on every line, are pure cost here.
  @exclusivity(unchecked) private(set) var sequence = 0
  /// Why the file could not be read past this part, when it could not.
  @exclusivity(unchecked) var tail: String?
  @exclusivity(unchecked) private var bytes: [UInt8] = []
  /// Each line: where it ends in ``bytes`` (it starts where the one before ends) and its number;
  /// an end of -1 stands for the next of ``failures``.
  @exclusivity(unchecked) private var lines: [(end: Int, number: Int)] = []
  @exclusivity(unchecked) private var failures: [DataReadError] = []

  /// Lines and failures held.
  var count: Int { lines.count }
  /// The bytes of the lines held.
  var byteCount: Int { bytes.count }

  /// Empties the part for the batch `sequence`.
  func reset(sequence: Int) {
    self.sequence = sequence
    tail = nil
    bytes.removeAll(keepingCapacity: true)
    lines.removeAll(keepingCapacity: true)
    failures.removeAll(keepingCapacity: true)
  }

  /// Adds a copy of line `number`.
  func append(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
    bytes.append(contentsOf: line)
    lines.append((bytes.count, number))
  }

  /// Adds a line that could not be read.
  func append(_ failure: DataReadError) {
    failures.append(failure)
    lines.append((-1, failure.line))
  }

  /// What one of the part's lines holds.
  enum Line {
    case record(JSONRecordText)
    case failure(DataReadError)
  }

  /// Calls `body` with each line in file order.
  func forEachLine(_ body: (Line) -> Void) {
    bytes.withUnsafeBufferPointer { all in
      var start = 0
      var failure = 0
      for (end, number) in lines {
        if end < 0 {
          body(.failure(failures[failure]))
          failure += 1
          continue
        }
        body(.record(JSONRecordText(line: number, bytes: UnsafeBufferPointer(rebasing: all[start..<end]))))
        start = end
      }
    }
  }
}
