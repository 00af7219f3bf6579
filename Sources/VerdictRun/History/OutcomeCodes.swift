import Verdict
import VerdictHistory

/// A row of a batch as the writer records it in the history: the row (whose key the writer
/// reads from the batch, ``Batch/withRecordedKey(_:_:)``), the client's id in the history's facts
/// when an evaluating thread found it there (and the recorder shares the ids), and the code of
/// its outcome (`nil` for a row with an error). Plain values: no key is made as a `String`.
struct RecordedRow {
  var row: Int
  var client: Int?
  var code: OutcomeCode?
}

extension Batch {
  /// Calls `body` with the key of `row` as the run history knows it: without the spaces and tabs
  /// around it, in valid UTF-8 (bytes that are not are replaced with U+FFFD, as in a `String`
  /// made of them). An ASCII key, the usual one, is lent in place.
  @inline(__always)
  func withRecordedKey<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let bytes = AggregateStore.trimmed(key(row))
    if Batch.isASCII(bytes) { return body(bytes) }
    var text = String(decoding: bytes, as: UTF8.self)
    return text.withUTF8(body)
  }

  /// Whether every byte is below 0x80: eight at a time, then one by one (a key's check of every
  /// row, here and in ``CSVRecordSource``).
  @inline(__always)
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let start = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(start)
    var offset = 0
    var high: UInt64 = 0
    while offset + 8 <= bytes.count {
      high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    while offset < bytes.count {
      high |= UInt64(bytes[offset])
      offset += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }
}

/// The recorder's code of each distinct outcome of a run, found from the outcome as the run has
/// it (severity, rule index, clause values, text indexes) without making its clauses as text:
/// this is looked up once per client, on the evaluating thread (each has its own, in front of the
/// run's shared one).
///
/// Outcomes whose texts are absent or constants are all integers: they are hashed by hand into an
/// open-addressing table. Those with a text computed for the client go through a dictionary.
struct OutcomeCodes {
  /// An outcome whose texts are absent (-1) or constants (their index); durations absent are
  /// `Int64.min`.
  private struct Plain: Equatable {
    var severity: Int32
    var rule: Int32
    var notice: Int64
    var cooldown: Int64
    /// Bit 0: hold until paid; then the meeting mode (0: none).
    var flags: Int32
    var reason: Int32
    var refer: Int32
  }

  private var slots: [(plain: Plain, code: OutcomeCode)?] = Array(repeating: nil, count: 256)
  private var plainCount = 0
  private var computed: [OutcomeShape: OutcomeCode] = [:]

  /// The code of `outcome`, when it was added before.
  func code(of outcome: ReportOutcome) -> OutcomeCode? {
    guard let plain = Self.plain(outcome) else { return computed[OutcomeShape(outcome)] }
    let mask = slots.count - 1
    var slot = Self.hash(plain) & mask
    while let entry = slots[slot] {
      if entry.plain == plain { return entry.code }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Adds the code of `outcome` (not added before).
  mutating func add(_ code: OutcomeCode, for outcome: ReportOutcome) {
    guard let plain = Self.plain(outcome) else {
      computed[OutcomeShape(outcome)] = code
      return
    }
    if (plainCount + 1) * 2 > slots.count {
      let entries = slots.compactMap { $0 }
      slots = Array(repeating: nil, count: slots.count * 2)
      for entry in entries { place(entry.plain, entry.code) }
    }
    place(plain, code)
    plainCount += 1
  }

  private mutating func place(_ plain: Plain, _ code: OutcomeCode) {
    let mask = slots.count - 1
    var slot = Self.hash(plain) & mask
    while slots[slot] != nil { slot = (slot + 1) & mask }
    slots[slot] = (plain, code)
  }

  private static func plain(_ outcome: ReportOutcome) -> Plain? {
    guard let reason = index(outcome.reason), let refer = index(outcome.refer) else { return nil }
    var flags: Int32 = outcome.holdUntilPaid ? 1 : 0
    switch outcome.meet {
    case nil: break
    case .inPerson: flags |= 2
    case .byPhone: flags |= 4
    case .byVideo: flags |= 6
    }
    return Plain(
      severity: Int32(truncatingIfNeeded: outcome.severity), rule: Int32(truncatingIfNeeded: outcome.winningRule ?? -1),
      notice: outcome.notice?.seconds ?? .min, cooldown: outcome.cooldown?.seconds ?? .min, flags: flags,
      reason: reason, refer: refer)
  }

  /// -1 for no text, a constant's index; `nil` for a computed text.
  private static func index(_ text: ReportText) -> Int32? {
    switch text {
    case .none: -1
    case .constant(let index): Int32(truncatingIfNeeded: index)
    case .computed: nil
    }
  }

  private static func hash(_ plain: Plain) -> Int {
    func mix(_ hash: UInt64, _ part: UInt64) -> UInt64 {
      let mixed = (hash ^ part) &* 0x9e37_79b9_7f4a_7c15
      return mixed ^ (mixed >> 29)
    }
    var hash = UInt64(truncatingIfNeeded: plain.severity) << 32 | UInt64(UInt32(bitPattern: plain.rule))
    hash = mix(hash, UInt64(bitPattern: plain.notice))
    hash = mix(hash, UInt64(bitPattern: plain.cooldown))
    hash = mix(hash, UInt64(UInt32(bitPattern: plain.flags)) << 32 | UInt64(UInt32(bitPattern: plain.reason)))
    hash = mix(hash, UInt64(UInt32(bitPattern: plain.refer)))
    return Int(truncatingIfNeeded: hash)
  }
}

/// What a recorded outcome is made of, as the run has it: cheap to hash, and equal shapes are
/// recorded as equal outcomes.
private struct OutcomeShape: Hashable {
  /// A `reason` or `refer` text.
  enum Text: Hashable {
    case none
    case constant(Int)
    case computed(String)

    init(_ text: ReportText) {
      switch text {
      case .none: self = .none
      case .constant(let index): self = .constant(index)
      case .computed(let text): self = .computed(text)
      }
    }
  }

  var severity: Int
  var rule: Int?
  var notice: TimeSpan?
  var cooldown: TimeSpan?
  var hold: Bool
  var meet: MeetingMode?
  var reason: Text
  var refer: Text

  init(_ outcome: ReportOutcome) {
    severity = outcome.severity
    rule = outcome.winningRule
    notice = outcome.notice
    cooldown = outcome.cooldown
    hold = outcome.holdUntilPaid
    meet = outcome.meet
    reason = Text(outcome.reason)
    refer = Text(outcome.refer)
  }
}
