import Foundation

/// The products `swift test` builds beside the test bundle: the executables `verdict` and
/// `history-bench`, and the dynamic library `libVerdictC.so`.
///
/// A test target that runs an executable lists that executable's target among its
/// `dependencies` in `Package.swift`, so that it is built before the tests run; `swift test`
/// builds every library product too. A missing product is an error that fails the test, never a
/// reason to skip it.
package enum BuiltProducts {
  /// A product that is not in the products folder.
  package struct Missing: Error, CustomStringConvertible {
    /// The file's name, `verdict` or `libVerdictC.so`.
    package var name: String
    /// The folder the search started from.
    package var searched: String
    /// How to build it.
    package var remedy: String

    package var description: String {
      "'\(name)' is not built next to the tests (looked in \(searched) and the folders above it); \(remedy)"
    }
  }

  /// The folder of the running test binary.
  static var testBinaryFolder: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
  }

  /// The executable `name`: in the folder of the running test binary or the nearest folder above
  /// it that has one (the `.xctest` bundle sits in the products folder), else in the main bundle.
  package static func url(of name: String) throws(Missing) -> URL {
    try find(
      name, where: FileManager.default.isExecutableFile(atPath:),
      remedy: "the test target must list the '\(name)' target among its dependencies in Package.swift")
  }

  /// The dynamic library of the product `product`, `libVerdictC.so` (`.dylib` on macOS), found
  /// as ``url(of:)`` finds an executable.
  ///
  /// A test cannot build it itself: a nested `swift build` would wait for the lock the running
  /// `swift test` holds on `.build`. So the failure says how to build it.
  package static func library(_ product: String) throws(Missing) -> URL {
    #if os(macOS)
      let name = "lib\(product).dylib"
    #else
      let name = "lib\(product).so"
    #endif
    return try find(
      name, where: { FileManager.default.fileExists(atPath: $0) },
      remedy: "`swift build --product \(product)` builds it")
  }

  /// The file `name` that passes `test`, in the folder of the running test binary, the nearest
  /// folder above it that has one, or the main bundle.
  private static func find(_ name: String, where test: (String) -> Bool, remedy: String) throws(Missing) -> URL {
    var folder = testBinaryFolder
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent(name)
      if test(candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = Bundle.main.bundleURL.appendingPathComponent(name)
    guard test(fallback.path) else { throw Missing(name: name, searched: testBinaryFolder.path, remedy: remedy) }
    return fallback
  }
}
