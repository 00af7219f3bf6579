import Foundation

/// The checkout the tests read `include/verdict.h`, the C and Python examples and
/// `docs/embedding-c.md` from, and the folder they run the compiler and the programs in, so that
/// paths relative to the repository work.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The text of the file at `path`, relative to the repository.
  static func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }
}

/// Something the tests need is missing or did not build: a failure that says so, never a skip.
struct SetupFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
