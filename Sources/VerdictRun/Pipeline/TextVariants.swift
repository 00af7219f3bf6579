import Verdict
import VerdictData

/// Text cells that differ from a text the policy compares their field with only in letter case or
/// spacing: `Pro` where a rule says `plan == "pro"`, `Paid ` or `PAID` where a table's filter says
/// `status == "paid"`, as CRM and accounting exports capitalise their labels; and cells that hold a
/// text the policy searches for (`name contains "GmbH"`) only in another case or spacing (`ACME
/// GMBH`).
///
/// Text is compared exactly, as documented, so such a row silently does not match: the verdict is
/// wrong without a word. The run does not guess that `Pro` means `pro`; it notes the variants among
/// the first ``sampleSize`` rows, and the summary warns of each, with the texts to write. Only a
/// sample, so that a run pays nothing past it.
package struct TextVariants: Sendable {
  /// A variant seen: the field's slot, the text compared and the text the data has.
  struct Variant: Sendable {
    let slot: Int
    let compared: String
    let written: String
    /// Whether the text is searched for (`contains`), not compared.
    let searched: Bool
    /// How many sampled rows have it.
    var count = 1
    /// Where it was first seen: the data file (by index among the run's sources) and its line.
    let source: Int
    let line: Int

    /// Whether two variants are the same text written for the same field, compared or searched.
    func isSame(as other: Variant) -> Bool {
      slot == other.slot && written == other.written && searched == other.searched && compared == other.compared
    }
  }

  /// How many rows of the data are sampled.
  package static let sampleSize = 5_000

  /// Each compared or searched field's slot, the texts it is compared with and those texts folded
  /// (``fold(_:)``), folded to compared, and the texts searched for in it with theirs.
  private let fields: [(slot: Int, texts: Set<String>, folded: [String: String], searched: [(String, String)])]
  /// The longest text a variant can be: four times the longest compared text's bytes and 64
  /// more (spaces written two ways, a no-break space's two bytes). A longer cell is no variant,
  /// and is not folded: a column of megabyte cells costs the sample nothing.
  private let longest: Int
  /// Texts of each compared field seen to be no variant, by slot, so that a column's few values
  /// are folded once each rather than on every row (at most 256 a field, then folded anew).
  private var plain: [Int: Set<String>] = [:]
  /// The variants seen, in the order first seen.
  private(set) var variants: [Variant] = []
  /// How many rows have been noted.
  private(set) var rows = 0
  /// Whether more rows are to be noted: some field is compared with texts, and the sample is not
  /// yet full.
  private(set) var isSampling: Bool

  /// How many variants are kept: a column of free text can differ in case from a constant in
  /// many ways, and a warning names the first few.
  private static let kept = 32

  /// The text comparisons of `policy` (``Policy/comparedTexts``), to note variants of.
  package init(_ policy: Policy) {
    let (compared, searched) = (policy.comparedTexts, policy.searchedTexts)
    fields = Set(compared.keys).union(searched.keys).sorted().map { slot in
      let texts = compared[slot] ?? []
      return (
        slot, texts, Dictionary(texts.map { (TextVariants.fold($0), $0) }, uniquingKeysWith: { first, _ in first }),
        (searched[slot] ?? []).sorted().map { ($0, TextVariants.fold($0)) }
      )
    }
    isSampling = !fields.isEmpty
    // A searched text is a part of its cell: a cell of a name and more is a kilobyte at most.
    longest = searched.isEmpty ? 4 * (compared.values.flatMap { $0 }.map(\.utf8.count).max() ?? 0) + 64 : 1_024
  }

  /// Notes the compared fields' values of one row read whole, from line `line` of source `source`;
  /// nothing once the sample is full.
  mutating func note(_ values: UnsafePointer<Value>, source: Int, line: Int) {
    guard isSampling else { return }
    rows += 1
    if rows >= TextVariants.sampleSize { isSampling = false }
    for field in fields {
      guard case .text(let text) = values[field.slot], text.utf8.count <= longest,
        plain[field.slot]?.contains(text) != true
      else { continue }
      let folded = TextVariants.fold(text)
      var isVariant = false
      if !field.texts.contains(text), let compared = field.folded[folded] {
        record(
          Variant(slot: field.slot, compared: compared, written: text, searched: false, source: source, line: line))
        isVariant = true
      }
      for (searched, foldedSearched) in field.searched where !text.contains(searched) && folded.contains(foldedSearched)
      {
        record(Variant(slot: field.slot, compared: searched, written: text, searched: true, source: source, line: line))
        isVariant = true
      }
      if !isVariant, plain[field.slot, default: []].count < TextVariants.kept * 8 {
        plain[field.slot, default: []].insert(text)
      }
    }
  }

  /// Counts one more row of `variant`'s text, or keeps it when it is new (up to ``kept``).
  private mutating func record(_ variant: Variant) {
    if let index = variants.firstIndex(where: { $0.isSame(as: variant) }) {
      variants[index].count += 1
    } else if variants.count < TextVariants.kept {
      variants.append(variant)
    }
  }

  /// A text in lower case, its runs of white space (no-break spaces too) one space, and
  /// zero-width characters left out: what two texts that differ only in how they are written
  /// have alike.
  static func fold(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" })
      .joined(separator: " ")
  }

  /// What every evaluator's notes show together: each variant's count summed, its first place the
  /// earliest by source and line.
  static func merged(_ notes: [TextVariants]) -> TextVariants? {
    guard var merged = notes.first else { return nil }
    for other in notes.dropFirst() {
      merged.rows += other.rows
      for variant in other.variants {
        if let index = merged.variants.firstIndex(where: { $0.isSame(as: variant) }) {
          let ours = merged.variants[index]
          merged.variants[index] = (ours.source, ours.line) <= (variant.source, variant.line) ? ours : variant
          merged.variants[index].count = ours.count + variant.count
        } else if merged.variants.count < TextVariants.kept {
          merged.variants.append(variant)
        }
      }
    }
    return merged
  }

  /// What is wrong with one compared text, and what to do.
  package struct Finding {
    /// The compared field's slot.
    package let slot: Int
    /// `'plan' is compared with "pro", which 3 rows write another way: "Pro" (2 rows), …`.
    package let sentence: String
    /// `text is compared exactly, so they do not match: write the text as the data does, …`.
    package let hint: String
  }

  /// A finding for each compared text that the sample has written another way, naming `fields`
  /// by slot (`table`: the table's name, before a table's fields) and the data files by `sources`.
  package func findings(fields: [FieldInfo], sources: [String], table: String? = nil) -> [Finding] {
    var byCompared: [(slot: Int, compared: String, searched: Bool, variants: [Variant])] = []
    for variant in variants.sorted(by: { ($0.source, $0.line) < ($1.source, $1.line) }) {
      if let index = byCompared.firstIndex(where: {
        $0.slot == variant.slot && $0.compared == variant.compared && $0.searched == variant.searched
      }) {
        byCompared[index].variants.append(variant)
      } else {
        byCompared.append((variant.slot, variant.compared, variant.searched, [variant]))
      }
    }
    // Each evaluator samples its first rows: past a sample's size, the rows are not the file's first.
    let sample = rows >= TextVariants.sampleSize ? " of the \(rows) sampled" : ""
    return byCompared.map { slot, compared, searched, variants in
      let name = (table.map { "\($0)." } ?? "") + fields[slot].name
      let first = variants[0]
      let place = sources.indices.contains(first.source) ? "\(MessageText.escaped(sources[first.source])):" : "line "
      let written = variants.prefix(3).map { "\(Value.quote($0.written)) (\($0.count) row\($0.count == 1 ? "" : "s"))" }
      let rows = variants.reduce(0) { $0 + $1.count }
      let count = rows == 1 ? "1 row\(sample) writes" : "\(rows) rows\(sample) write"
      let field = fields[slot].name
      let shown =
        "\(written.joined(separator: ", "))\(variants.count > 3 ? ", …" : ""), the first at \(place)\(first.line)"
      if searched {
        return Finding(
          slot: slot,
          sentence: "'\(name)' is searched for \(Value.quote(compared)), which \(count) another way: \(shown)",
          hint: "text is searched for exactly, so they do not contain it: write the text as the data does, or "
            + "search lower(\(field)) for \(Value.quote(compared.lowercased()))")
      }
      let lower = compared == compared.lowercased() ? ", or compare lower(\(field)) with it" : ""
      return Finding(
        slot: slot,
        sentence: "'\(name)' is compared with \(Value.quote(compared)), which \(count) another way: \(shown)",
        hint: "text is compared exactly, so they do not match: write the text as the data does\(lower)")
    }
  }

  /// The summary's warnings: each finding's sentence and hint.
  package func warnings(fields: [FieldInfo], sources: [String], table: String? = nil) -> [String] {
    findings(fields: fields, sources: sources, table: table).map { "warning: \($0.sentence); \($0.hint)" }
  }
}

extension TextVariants {
  /// What the rows of `table` in memory show of `policy`'s compared texts: those of the first
  /// ``sampleSize`` rows a run evaluates, without a problem or a cell that does not fit its field,
  /// for the commands that read a file otherwise (`explain`, the REPL, `test --data`).
  package init(_ table: ClientTable, for policy: Policy) {
    self.init(policy)
    for row in table.rows where isSampling && row.problem == nil {
      let read = table.record(row, for: policy)
      guard read.problem == nil else { continue }
      read.record.values.withUnsafeBufferPointer { note($0.baseAddress!, source: 0, line: row.line) }
    }
  }
}
