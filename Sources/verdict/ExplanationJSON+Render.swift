import Foundation
import Verdict

extension ExplanationJSON {
  /// The explanations as one JSON array, keys sorted so that output is stable.
  static func render(_ explanations: [ExplanationJSON]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    guard let data = try? encoder.encode(explanations) else { return "[]\n" }
    // As `run -f json` writes them: JavaScript and Python's splitlines break lines at U+2028 and
    // U+2029, which JSON allows raw in strings (and only there, so escaping them is safe).
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{2028}", with: "\\u2028")
      .replacingOccurrences(of: "\u{2029}", with: "\\u2029") + "\n"
  }
}
