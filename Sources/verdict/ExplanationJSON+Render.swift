import Foundation
import Verdict

extension ExplanationJSON {
  /// The explanations as one JSON array, keys sorted so that output is stable.
  static func render(_ explanations: [ExplanationJSON]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    guard let data = try? encoder.encode(explanations) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self).escapingLineSeparators + "\n"
  }
}
