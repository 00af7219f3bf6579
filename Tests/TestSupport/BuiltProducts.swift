import Foundation

/// The executables `swift test` builds beside the test bundle: `verdict`, `history-bench`.
///
/// A test target that runs one lists that executable's target among its `dependencies` in
/// `Package.swift`, so that it is built before the tests run. A missing executable is an error
/// that fails the test, never a reason to skip it.
package enum BuiltProducts {
  /// An executable that is not in the products folder.
  package struct Missing: Error, CustomStringConvertible {
    /// The executable's name, `verdict`.
    package var name: String
    /// The folder the search started from.
    package var searched: String

    package var description: String {
      "the '\(name)' executable is not built next to the tests (looked in \(searched) and the folders above it); "
        + "the test target must list the '\(name)' target among its dependencies in Package.swift"
    }
  }

  /// The folder of the running test binary.
  static var testBinaryFolder: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
  }

  /// The executable `name`: in the folder of the running test binary or the nearest folder above
  /// it that has one (the `.xctest` bundle sits in the products folder), else in the main bundle.
  package static func url(of name: String) throws(Missing) -> URL {
    var folder = testBinaryFolder
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = Bundle.main.bundleURL.appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
      throw Missing(name: name, searched: testBinaryFolder.path)
    }
    return fallback
  }
}
