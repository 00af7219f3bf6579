/// The largest policy Verdict reads: 10 MiB. Checking a policy takes about 50 times its size in
/// memory (the tokens, the syntax tree and the checked program; 517 MB for 10,479,981 bytes of
/// rules, measured 2026-12-06), so the limit keeps that near 500 MB; a firing policy written by
/// hand is a few kilobytes.
package enum SourceSizeLimit {
  /// The most bytes a policy (or a test file of examples) may have: 10,485,760.
  package static let maximumBytes = 10 * 1024 * 1024

  /// Why a source of `byteCount` bytes is refused, for a message that names the file:
  /// `it is 52,428,800 bytes, more than the 10,485,760 (10 MiB) a policy may have`; `nil`
  /// within the limit.
  package static func problem(byteCount: Int) -> String? {
    guard byteCount > maximumBytes else { return nil }
    return "it is \(grouped(byteCount)) bytes, more than the \(grouped(maximumBytes)) (10 MiB) a policy may have"
  }

  /// Why a stream (a pipe, standard input) that sent more than the limit is refused: its size
  /// is not known, only that it is over.
  package static let streamProblem =
    "it has more than the \(grouped(maximumBytes)) bytes (10 MiB) a policy may have"

  /// What to do about it.
  package static let hint = "checking takes about 50 times a policy's size in memory; split it into smaller policies"

  /// The diagnostic for a source over the limit, at its start; `nil` within the limit.
  static func diagnostic(for source: SourceFile) -> Diagnostic? {
    guard let problem = problem(byteCount: source.bytes.count) else { return nil }
    return .error("policy-too-large", "the policy is too large: \(problem)", at: .at(0), hint: hint)
  }

  /// `52428800` as `52,428,800`.
  package static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
