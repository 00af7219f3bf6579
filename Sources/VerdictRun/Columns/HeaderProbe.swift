import Verdict
import VerdictData

/// Looks for the header further down a CSV file whose first line does not have the policy's
/// columns: bank exports put account lines above their table, and `--skip-lines` skips them.
enum HeaderProbe {
  /// How many lines are looked at.
  static let linesLooked = 50

  /// The 1-based line of the first of the first ``linesLooked`` lines of `path` whose cells
  /// (split at `separator`) hold every name of `wanted` (compared as ``HeaderIndex`` compares), or
  /// `nil`.
  static func headerLine(in path: String, encoding: TextEncoding?, separator: UInt8, wanted: [String]) -> Int? {
    guard !wanted.isEmpty, path != "-", let source = try? ByteSource(path: path, encoding: encoding) else {
      return nil
    }
    var bytes = [UInt8](repeating: 0, count: 1 << 16)
    let count = bytes.withUnsafeMutableBytes { (try? source.read(into: $0)) ?? 0 }
    let text = String(decoding: bytes.prefix(count), as: UTF8.self)
    let folded = Set(wanted.map(HeaderIndex.folded))
    let separator = Character(Unicode.Scalar(separator))
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(linesLooked)
      .enumerated()
    {
      let cells = Set(
        line.split(separator: separator).map { cell in
          HeaderIndex.folded(cell.trimmingCharacters(in: .init(charactersIn: "\" ")))
        })
      if folded.isSubset(of: cells) { return index + 1 }
    }
    return nil
  }
}
