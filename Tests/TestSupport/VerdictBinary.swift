import Foundation

/// Runs the `verdict` executable built next to the tests, with piped standard input, output and
/// error, and `NO_COLOR=1`.
package enum VerdictBinary {
  /// What a run printed, and how it ended.
  package typealias Result = ProgramRun

  /// The built `verdict`, for tests that start the process themselves; where it should be when
  /// it is missing, so that starting it fails. ``run(_:stdin:in:environment:)`` says why instead.
  package static var url: URL {
    (try? BuiltProducts.url(of: "verdict"))
      ?? BuiltProducts.testBinaryFolder.appendingPathComponent("verdict")
  }

  /// Runs `verdict arguments` in `folder`, feeding it `stdin` (or an empty standard input), with
  /// `NO_COLOR=1` unless `environment` sets it: ``ProgramRun/run(_:_:stdin:in:environment:)``.
  package static func run(
    _ arguments: [String], stdin: Data? = nil, in folder: URL, environment: [String: String] = [:]
  ) throws -> Result {
    try ProgramRun.run(
      try BuiltProducts.url(of: "verdict"), arguments, stdin: stdin, in: folder,
      environment: ["NO_COLOR": "1"].merging(environment) { $1 })
  }
}
