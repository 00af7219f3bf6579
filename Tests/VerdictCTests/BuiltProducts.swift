import Foundation

/// Where the tests find what they run: the repository, and the products `swift test` built
/// (`libVerdictC.so` and `verdict`), which sit beside the test binary.
///
/// `swift test` builds every product of the package, the dynamic library included, before it
/// runs a test. A test cannot build it itself: a nested `swift build` would wait for the lock
/// the running `swift test` holds on `.build`. So a missing library is a failure that says how to
/// build it, never a skip.
enum BuiltProducts {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The products folder: the one holding the running test binary, such as `.build/debug`.
  static var folder: URL {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent(libraryName).path) { return folder }
      folder = folder.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL
  }

  /// `libVerdictC.so` (`.dylib` on macOS).
  static var libraryName: String {
    #if os(macOS)
      "libVerdictC.dylib"
    #else
      "libVerdictC.so"
    #endif
  }

  /// The built library, or a failure saying how to build it.
  static func library() throws -> URL {
    let library = folder.appendingPathComponent(libraryName)
    guard FileManager.default.fileExists(atPath: library.path) else {
      throw SetupFailure(message: "\(libraryName) is not in \(folder.path); `swift build --product VerdictC` builds it")
    }
    return library
  }

  /// The built `verdict`.
  static var verdict: URL { folder.appendingPathComponent("verdict") }

  /// Something the tests need is missing or did not build.
  struct SetupFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}

/// A program the tests ran: what it printed and how it ended.
struct ProgramRun {
  var stdout: String
  var stderr: String
  var status: Int32

  /// Runs `executable` with `arguments` in `folder` (the repository by default), its output
  /// collected in files so that neither stream can block the other.
  static func run(_ executable: URL, _ arguments: [String], in folder: URL = BuiltProducts.repository) throws
    -> ProgramRun
  {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("verdictc-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let (outURL, errURL) = (scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let (out, err) = (try FileHandle(forWritingTo: outURL), try FileHandle(forWritingTo: errURL))
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ProgramRun(
      stdout: try String(contentsOf: outURL, encoding: .utf8), stderr: try String(contentsOf: errURL, encoding: .utf8),
      status: process.terminationStatus)
  }

  /// The first program called `name` on the `PATH`, if any.
  static func find(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }
}
