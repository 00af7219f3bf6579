import Foundation

/// A golden file: text kept in the repository that a test's output must equal exactly.
///
/// With `UPDATE_GOLDEN=1` in the environment, a golden that differs from the output is rewritten
/// with it, and the check still fails, naming the file it rewrote: a run that rewrote anything
/// never passes, so the variable cannot make a suite pass in CI whatever the output. Review the
/// rewritten files with `git diff`, then run the tests again without the variable.
package struct GoldenFile: Sendable {
  /// Where the golden is.
  package var url: URL
  /// How messages name it, as `empty-input/stdout`.
  package var name: String

  /// The golden at `url`, named `name` in messages.
  package init(_ url: URL, name: String) {
    self.url = url
    self.name = name
  }

  /// Whether this run rewrites goldens (`UPDATE_GOLDEN=1`) instead of only comparing them.
  package static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  /// Why `actual` does not pass as this golden, or `nil` when it equals the golden.
  ///
  /// When updating, a golden that differs (or is missing) is rewritten and the answer says so.
  package func problem(with actual: String) -> String? {
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if expected == actual { return nil }
    if Self.isUpdating {
      do {
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "\(name): could not rewrite \(url.path): \(error)"
      }
      return "\(name): rewrote \(url.path) (UPDATE_GOLDEN=1); review it with git diff, "
        + "then run the tests again without UPDATE_GOLDEN"
    }
    guard let expected else {
      return "\(name): there is no golden \(url.path); UPDATE_GOLDEN=1 writes it from the current output"
    }
    return "\(name) differs:\n--- expected\n\(expected)--- actual\n\(actual)"
  }
}
