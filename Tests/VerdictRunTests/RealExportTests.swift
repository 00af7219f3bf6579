import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// Exports as people have them (`Fixtures/exports/`): each cell read exactly, or the run refuses
/// loudly. The policy `swiss.verdict` gives each client a verdict only when every value is read
/// exactly (`fire` for K1, `talk` for K2, `watch` for K3), so a misread cell shows as `keep`.
struct RealExportTests {
  static func verdicts(_ data: String, configure: (inout RunConfiguration) -> Void = { _ in }) throws -> (
    RunnerTests.Outcome, [String]
  ) {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/\(data)"], format: .csv) {
      $0.reading.keyColumn = "kunde"
      configure(&$0)
    }
    let rows = outcome.report.split(separator: "\n").dropFirst().map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: " ")
    }
    return (outcome, rows)
  }

  /// `;` between fields does not make `.` a thousands separator: `1.125` is one and an eighth.
  @Test func swissExportReadsDecimalPointsAndApostrophes() throws {
    let (outcome, rows) = try Self.verdicts("swiss.csv")
    #expect(rows == ["K1 fire", "K2 talk", "K3 watch"])
    #expect(outcome.status == .success)
  }

  /// `1.125` and `2.500` alone could be decimals or thousands: the run stops before evaluating
  /// anyone, names the columns and the option that settles it.
  @Test func ambiguousColumnsStopTheRun() throws {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/ambiguous.csv"])
    #expect(outcome.status == .usage)
    #expect(outcome.report.isEmpty)
    #expect(outcome.messages.contains("column 'rate' has numbers with two readings, such as \"1.125\" on line 2"))
    #expect(outcome.messages.contains("column 'amount' has numbers with two readings, such as \"2.500\" on line 2"))
    #expect(
      outcome.messages.contains(
        "hint: say how the file writes numbers: --decimal . if \"2.500\" means 2.5, --decimal , if it means 2500"))
  }

  @Test func theDecimalOptionSettlesAnAmbiguousColumn() throws {
    let settled = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/ambiguous.csv"], format: .csv) {
      $0.reading.decimalMark = .point
    }
    #expect(settled.status == .success)
    #expect(settled.report.contains("1,watch,third"))
  }

  /// A thousands separator of `.` leaves `,` for the decimal mark: `2.500` is 2500.
  @Test func theThousandsOptionSettlesTheMarkToo() throws {
    let settled = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/ambiguous.csv"], format: .csv) {
      $0.reading.grouping = .point
    }
    #expect(settled.status == .success)
    #expect(!settled.report.contains("watch"))
    let refused = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/swiss.csv"], format: .csv) {
      $0.reading.keyColumn = "kunde"
      $0.reading.decimalMark = .point
      $0.reading.grouping = NumberFormat.Grouping.none
    }
    #expect(refused.report.contains("K1,error"))
    #expect(refused.messages.contains("amount: \"11'373.94\" is not money"))
  }

  /// Account lines above the table, a blank line and a line of separators: skipped with
  /// `skipLines` (blank ones always); spaces group thousands, `,` is the decimal mark.
  @Test func preambleIsSkipped() throws {
    let (outcome, rows) = try Self.verdicts("preamble.csv") { $0.reading.skipLines = 2 }
    #expect(rows == ["K1 fire", "K2 talk"])
    #expect(outcome.messages.contains("2 clients read, 2 evaluated"))
  }

  @Test func withoutSkippingThePreambleTheHeaderIsTheAccountLine() throws {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/preamble.csv"])
    #expect(outcome.status == .usage)
    #expect(outcome.messages.contains("has no column 'rate'"))
  }

  /// Line ends of a lone CR, a quoted cell spanning two lines, no line break at the end.
  @Test func carriageReturnOnlyExportWithoutFinalNewline() throws {
    let (outcome, rows) = try Self.verdicts("cr-only.csv")
    #expect(rows == ["K1 fire", "K2 talk", "K3 watch"])
    #expect(outcome.status == .success)
  }

  /// A declared field that no rule reads does not turn rows into errors with its cells.
  @Test func unusedFieldsAreNotRead() throws {
    let outcome = try RunnerTests.run(policy: "exports/unused.verdict", data: ["exports/unused.csv"], format: .csv)
    #expect(outcome.status == .success)
    #expect(outcome.report.contains("A,fire"))
  }

  /// Nor does a field that only a let no rule reads (a draft's unused let) reads.
  @Test func fieldsThatOnlyUnusedLetsReadAreNotRead() throws {
    let outcome = try RunnerTests.run(policy: "exports/unused-let.verdict", data: ["exports/unused.csv"], format: .csv)
    #expect(outcome.status == .success)
    #expect(outcome.report.contains("A,fire"))
  }

  /// Header names match fields and the key without regard to case and spaces (`Kunde`, `Rate`).
  @Test func keyMatchesLikeFields() throws {
    let outcome = try RunnerTests.run(policy: "exports/swiss.verdict", data: ["exports/swiss.csv"], format: .csv) {
      $0.reading.keyColumn = "KUNDE"
    }
    #expect(outcome.report.contains("K1,fire"))
  }
}

/// Exports that are not UTF-8.
struct EncodedExportTests {
  /// A Windows-1252 bank export with a preamble: names keep their umlauts, amounts their commas.
  @Test func windows1252BankExport() throws {
    let outcome = try RunnerTests.run(
      policy: "exports/bank.verdict", data: ["exports/bank-1252.csv"], format: .csv
    ) {
      $0.reading.skipLines = 1
      $0.reading.keyColumn = "Empfänger"
    }
    #expect(outcome.status == .success)
    #expect(outcome.report.contains("Müller & Söhne,review,refund"))
    #expect(outcome.report.contains("Café Grün,watch,small"))
    #expect(!outcome.report.contains("\u{FFFD}"))
  }

  /// Read as UTF-8 by force, a text cell that is not UTF-8 is refused, never repaired with U+FFFD.
  @Test func invalidUTF8TextIsRefused() throws {
    let bytes = Array("id,note\nC1,".utf8) + [0x47, 0x72, 0xFC, 0x6E] + Array("\nC2,fine\n".utf8)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-latin-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let policy = try Policy("field note: text\nwhen note == \"fine\" then recommend fire")
    var configuration = RunConfiguration(inputs: [url.path], today: CalendarDate(year: 2026, month: 11, day: 29)!)
    configuration.reading.encoding = .utf8
    configuration.format = .csv
    let output = url.appendingPathExtension("out")
    configuration.outputPath = output.path
    defer { try? FileManager.default.removeItem(at: output) }
    let messages = RunnerTests.Messages()
    let result = Runner(policy: policy, configuration: configuration) { messages.add($0) }.run()
    #expect(result.status == .rowErrors)
    #expect(messages.all.contains("note: \"Gr\u{FFFD}n\" is not valid UTF-8 text"))
    #expect(messages.all.contains("--encoding windows-1252"))
    let report = try String(contentsOf: output, encoding: .utf8)
    #expect(report.contains("C2,fire"))
  }
}

/// Exports whose columns need `from` and whose dates need a format.
struct NamedColumnExportTests {
  static func rows(_ outcome: RunnerTests.Outcome) -> [String] {
    outcome.report.split(separator: "\n").dropFirst().map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: " ")
    }
  }

  /// `from` names the column; the M/D/YYYY format is detected, since `2/24/2026` has no 24th month.
  @Test func usInvoiceExport() throws {
    let outcome = try RunnerTests.run(
      policy: "exports/us-invoices.verdict", data: ["exports/us-invoices.csv"], format: .csv
    ) { $0.reading.keyColumn = "customer" }
    #expect(Self.rows(outcome) == ["Acme Corp fire", "Beta LLC watch", "Gamma Inc talk"])
    #expect(outcome.status == .success)
  }

  /// Dates that every reading fits (`01/02/2026`) stop the run, naming the formats to declare.
  @Test func ambiguousDatesStopTheRun() throws {
    let outcome = try RunnerTests.run(policy: "exports/us-invoices.verdict", data: ["exports/us-ambiguous.csv"])
    #expect(outcome.status == .usage)
    #expect(outcome.messages.contains("column 'DueDate' has dates with two readings, such as \"01/02/2026\" on line 2"))
    #expect(outcome.messages.contains("declare the field's format: format \"D/M/YYYY\" or format \"M/D/YYYY\""))
  }

  /// A preamble, headers with spaces and capitals, `$12,400.00`, dates with a time after them.
  @Test func crmExportWithSpacedHeaders() throws {
    let outcome = try RunnerTests.run(
      policy: "exports/crm-spaced.verdict", data: ["exports/crm-spaced.csv"], format: .csv
    ) {
      $0.reading.skipLines = 2
      $0.reading.keyColumn = "client"
    }
    #expect(Self.rows(outcome) == ["K1 talk", "K2 watch"])
  }

  /// Without `--skip-lines`, the run says where the header is.
  @Test func preambleHintNamesTheHeaderLine() throws {
    let outcome = try RunnerTests.run(policy: "exports/crm-spaced.verdict", data: ["exports/crm-spaced.csv"])
    #expect(outcome.status == .usage)
    #expect(
      outcome.messages.contains("seems to have its header on line 4: skip the lines above it with --skip-lines 3"))
  }
}

/// Duplicate client keys: named in the summary, with memory bounded.
struct DuplicateKeyTests {
  @Test func repeatedKeysAreNamedWithTheirRows() {
    let keys = DuplicateKeys()
    for key in ["A", "B", "A", "C", "A", "B", ""] { Array(key.utf8).withUnsafeBufferPointer { keys.add($0) } }
    #expect(keys.repeated.map { "\($0.key) \($0.rows)" } == ["A 3", "B 2"])
    #expect(!keys.isIncomplete)
  }

  /// Keys are compared without the spaces and tabs around them, as the run history and record
  /// tables take them (`C2 ` and `C2` were two clients here and one there, with no warning), row
  /// by row and a batch at a time alike.
  @Test func keysDifferingInSurroundingSpacesAreRepeats() {
    let rows = ["C2 ", "C2", "\tC2", " ", "D"].map { Array($0.utf8) }
    let one = DuplicateKeys()
    for key in rows { key.withUnsafeBufferPointer { one.add($0) } }
    #expect(one.repeated.map { "\($0.key) \($0.rows)" } == ["C2 3"])
    // The batch reads keys where they lie, as a batch's buffer holds them.
    let buffers = rows.map { row in
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, row.count))
      _ = buffer.initialize(from: row)
      return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[..<row.count])
    }
    defer { buffers.forEach { UnsafeMutableBufferPointer(mutating: $0).deallocate() } }
    let batch = DuplicateKeys()
    batch.add(rows: buffers.count) { buffers[$0] }
    #expect(batch.repeated.map { "\($0.key) \($0.rows)" } == ["C2 3"])
  }

  /// Past ``DuplicateKeys/capacity`` keys, new keys are checked but not remembered, and it says so.
  @Test func memoryIsBounded() {
    let keys = DuplicateKeys()
    for index in 0..<(DuplicateKeys.capacity + 10) {
      Array(String(index).utf8).withUnsafeBufferPointer { keys.add($0) }
    }
    Array("7".utf8).withUnsafeBufferPointer { keys.add($0) }
    #expect(keys.isIncomplete)
    #expect(keys.repeated.map(\.key) == ["7"])
  }
}

extension DuplicateKeyTests {
  /// Batches of keys, of sizes around the table's growth, and then of one key past the keys it
  /// remembers (where a batch no longer fits and its key takes the checked insertion), name the
  /// same repeats as the keys one by one.
  @Test func batchesCountAsKeysOneByOne() {
    let one = DuplicateKeys()
    let batched = DuplicateKeys()
    var next = 0
    for size in [1, 7, 4096, 30_000, 1, 65_536, 100_000] + Array(repeating: 1, count: 70_000) {
      let keys = (0..<size).map { _ -> [UInt8] in
        next += 1
        return Array((next % 997 == 0 ? "K\(next / 2)" : next % 500 == 0 ? "" : "K\(next)").utf8)
      }
      for key in keys { key.withUnsafeBufferPointer { one.add($0) } }
      let buffers = keys.map { key in
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, key.count))
        _ = buffer.initialize(from: key)
        return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[..<key.count])
      }
      batched.add(rows: buffers.count) { buffers[$0] }
      buffers.forEach { UnsafeMutableBufferPointer(mutating: $0).deallocate() }
    }
    #expect(one.isIncomplete && batched.isIncomplete)
    #expect(batched.repeated.map { "\($0.key) \($0.rows)" } == one.repeated.map { "\($0.key) \($0.rows)" })
    #expect(batched.repeated.count > 100)
  }

  /// Once the table is full, keys are looked up through its filter: every remembered key that comes
  /// again is named (the filter never rules one out) and no new key is (the table decides), in
  /// batches and one by one alike.
  @Test func keysPastTheFullTableAreCheckedExactly() {
    let batched = DuplicateKeys()
    let one = DuplicateKeys()
    let remembered = (0..<DuplicateKeys.capacity).map { "K\($0)" }
    for start in stride(from: 0, to: remembered.count, by: 4096) {
      DuplicateKeyTests.add(remembered[start..<(start + 4096)], to: batched)
    }
    for key in remembered { Array(key.utf8).withUnsafeBufferPointer { one.add($0) } }
    #expect(!batched.isIncomplete && !one.isIncomplete)
    let later = (0..<20_000).map { $0 % 200 == 0 ? "K\($0 * 13)" : "N\($0)" }
    DuplicateKeyTests.add(later[...], to: batched)
    for key in later { Array(key.utf8).withUnsafeBufferPointer { one.add($0) } }
    let expected = (0..<100).map { "K\($0 * 200 * 13) 2" }
    #expect(batched.repeated.map { "\($0.key) \($0.rows)" } == expected)
    #expect(one.repeated.map { "\($0.key) \($0.rows)" } == expected)
    #expect(batched.isIncomplete && one.isIncomplete)
  }

  /// Adds `keys` as one batch, each key in memory of its own as a batch's buffer holds them.
  static func add(_ keys: ArraySlice<String>, to duplicates: DuplicateKeys) {
    let buffers = keys.map { key in
      let bytes = Array(key.utf8)
      let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
      _ = buffer.initialize(from: bytes)
      return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[..<bytes.count])
    }
    duplicates.add(rows: buffers.count) { buffers[$0] }
    buffers.forEach { UnsafeMutableBufferPointer(mutating: $0).deallocate() }
  }

  /// Keys of 1 to 40 bytes, each differing from another of its length in one byte at one place
  /// (the hash reads keys a word at a time, the last one to eight bytes overlapping the word
  /// before): none is a repeat, and each added again is.
  @Test func keysDifferingInOneByteAreNotRepeats() {
    let keys = DuplicateKeys()
    var all: [[UInt8]] = []
    for length in 1...40 {
      let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
      all.append(base)
      for place in 0..<length {
        for byte in [UInt8(ascii: "0"), 0x00, 0xFF] {
          var key = base
          key[place] = byte
          all.append(key)
        }
      }
    }
    for key in all { key.withUnsafeBufferPointer { keys.add($0) } }
    #expect(keys.repeated.isEmpty)
    for key in all.prefix(100) { key.withUnsafeBufferPointer { keys.add($0) } }
    #expect(keys.repeated.count == 100)
  }

  /// A file of nothing but repeats keeps at most ``DuplicateKeys/namedLimit`` names, and says so.
  @Test func namesAreBounded() {
    let keys = DuplicateKeys()
    for _ in 0..<2 {
      for index in 0..<(DuplicateKeys.namedLimit + 5) {
        Array("K\(index)".utf8).withUnsafeBufferPointer { keys.add($0) }
      }
    }
    #expect(keys.repeated.count == DuplicateKeys.namedLimit)
    #expect(keys.hasUnnamedRepeats)
    var summary = RunSummary(tally: Tally(verdictCount: 1), verdicts: ["keep"], duplicateKeys: keys.repeated)
    summary.moreDuplicateKeys = keys.hasUnnamedRepeats
    #expect(summary.text.contains("warning: more than 1000 client keys are on more than one row: K0 (2 rows)"))
  }
}

extension DuplicateKeys {
  /// Adds a batch of `count` keys, `key(row)` each, as the writer adds a batch: hashed first, as
  /// the reading thread hashes a batch's keys (``DuplicateKeys/hash(ofKey:)``).
  func add(rows count: Int, key: (Int) -> UnsafeBufferPointer<UInt8>) {
    let hashes = (0..<count).map { DuplicateKeys.hash(ofKey: key($0)) }
    hashes.withUnsafeBufferPointer { add(rows: count, hashes: $0.baseAddress!, key: key) }
  }
}
