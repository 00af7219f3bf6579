import Verdict
import VerdictData

/// The reading side of the pipeline: reads every data file in order, copies each record's cells
/// into the next free batch and hands full batches on. Runs on its own thread.
final class BatchReader {
  /// A source to read, opened when its turn comes (files) or already open (standard input).
  enum Input {
    case path(String)
    case opened(any RecordSource, tail: String?)
  }

  private let policy: Policy
  private let binder: ColumnBinder
  private let open: (String) throws(RunFailure) -> any RecordSource
  private let row: RowBuffer
  private var sequence = 0
  /// The threads that read the records of a JSON Lines file, each a part of it (see
  /// ``LineSplitting``); with one, this thread reads every file itself.
  private let lineThreads: Int

  /// A reader for `policy`; `lineThreads` above one reads JSON Lines files on that many threads,
  /// their batches sent out of order (for a consumer that puts them back in sequence).
  init(
    policy: Policy, binder: ColumnBinder, lineThreads: Int = 1,
    open: @escaping (String) throws(RunFailure) -> any RecordSource
  ) {
    self.lineThreads = lineThreads
    self.policy = policy
    self.binder = binder
    self.open = open
    row = RowBuffer(slots: policy.fields.count)
    row.readsFieldTable = true
  }

  private struct Stopped: Error {}

  /// Reads `inputs`, taking empty batches from `free` and passing filled ones to `send` in order;
  /// `firstRows` sees the first batch with rows before it is sent. Stops early when `free` closes.
  /// - Throws: ``RunFailure`` when a source's columns turn out not to fit the policy.
  func run(
    _ inputs: [Input], free: Channel<Batch>, send: @escaping @Sendable (Batch) -> Void,
    firstRows: (Batch, String) -> Void
  ) throws(RunFailure) {
    var sawRows = false
    for (index, input) in inputs.enumerated() {
      guard var batch = free.receive() else { return }
      batch.reset(sequence: sequence, source: index)
      sequence += 1
      var tail: String?
      let source: any RecordSource
      do throws(RunFailure) {
        switch input {
        case .path(let path): source = try open(path)
        case .opened(let opened, let knownTail):
          source = opened
          tail = knownTail
        }
      } catch {
        batch.notes.append(error.message + "; the file was not read")
        send(batch)
        continue
      }
      if lineThreads > 1, let lines = source as? JSONRecordSource, lines.splitsIntoLines {
        // The parts bring their own batches, numbered from this one's.
        sequence -= 1
        free.send(batch)
        let splitting = LineSplitting(
          source: lines, index: index, threads: lineThreads, slots: policy.fields.count, capacity: batch.capacity)
        guard splitting.run(sequence: &sequence, free: free, send: send) else { return }
        continue
      }
      var formats = source.binding?.formats ?? []
      do {
        func add(_ row: RowBuffer) throws {
          if batch.isFull {
            if !sawRows {
              sawRows = true
              firstRows(batch, source.name)
            }
            send(batch)
            guard let next = free.receive() else { throw Stopped() }
            batch = next
            batch.reset(sequence: sequence, source: index)
            sequence += 1
          }
          if batch.count == 0 || batch.formats.isEmpty {
            // A source without a header binds with its first good record, which may come after
            // rows that are problems (standard input whose first line is malformed).
            if formats.isEmpty { formats = source.binding?.formats ?? [] }
            batch.formats = formats
          }
          batch.add(row)
        }
        if let csv = source as? CSVRecordSource {
          try csv.forEachRow(row, binder: binder, batch: { batch }, add)
        } else {
          try source.forEachRow(row, binder: binder, add)
        }
      } catch let error as DataReadError {
        tail = SourceNotes.unreadableTail(source.name, error)
      } catch let failure as RunFailure {
        throw failure
      } catch is Stopped {
        return
      } catch {
        tail = "\(source.name): \(error); the rest of the file was not read"
      }
      if let tail { batch.notes.append(tail) }
      if let footer = (source as? CSVRecordSource)?.footer { batch.remarks.append(footer) }
      if !sawRows && batch.count > 0 {
        sawRows = true
        firstRows(batch, source.name)
      }
      send(batch)
    }
  }
}
