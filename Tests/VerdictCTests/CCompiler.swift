import Foundation
import TestSupport

/// Compiles C programs against `include/verdict.h` and the built library with the system `cc`.
///
/// Under `scripts/sanitize` the library is built with a sanitizer, whose runtime the program
/// must then carry: it is compiled with the toolchain's clang and the same sanitizer, so that
/// ThreadSanitizer watches the two threads of `conformance.c` too.
enum CCompiler {
  /// The sanitizer the built library was compiled with, `thread` or `address`, found by the
  /// runtime entry point it calls; `nil` for a plain build.
  static let librarySanitizer: String? = {
    guard let library = try? BuiltProducts.library("VerdictC"), let bytes = try? Data(contentsOf: library) else {
      return nil
    }
    if bytes.range(of: Data("__tsan_init".utf8)) != nil { return "thread" }
    if bytes.range(of: Data("__asan_init".utf8)) != nil { return "address" }
    return nil
  }()

  /// Compiles `source` (relative to the repository) to an executable in a new temporary folder,
  /// warnings as errors, linked to `libVerdictC` with a run path to the products folder.
  static func build(_ source: String) throws -> URL {
    let library = try BuiltProducts.library("VerdictC")
    let libraries = library.deletingLastPathComponent().path
    var arguments = [
      "-std=c11", "-Wall", "-Wextra", "-Werror", "-pthread", "-I", "include", source, "-L", libraries, "-lVerdictC",
      "-Wl,-rpath,\(libraries)",
    ]
    let compiler: URL
    if let sanitizer = librarySanitizer {
      // The sanitizer's runtime intercepts Dispatch, which lives beside the Swift runtime.
      guard let clang = ProgramRun.onPath("clang") else {
        throw SetupFailure(message: "the library is built with -sanitize=\(sanitizer), which needs clang")
      }
      let runtime = clang.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lib/swift/linux").path
      compiler = clang
      arguments += ["-fsanitize=\(sanitizer)", "-L", runtime, "-ldispatch", "-lBlocksRuntime", "-Wl,-rpath,\(runtime)"]
    } else {
      // The system compiler, or the toolchain's clang where there is none.
      guard let cc = ProgramRun.onPath("cc") ?? ProgramRun.onPath("clang") else {
        throw SetupFailure(message: "no C compiler ('cc' or 'clang') on the PATH")
      }
      compiler = cc
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdictc-cc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let executable = folder.appendingPathComponent(
      URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent)
    let compiled = try ProgramRun.run(compiler, arguments + ["-o", executable.path], in: Repository.root)
    guard compiled.status == 0 else {
      throw SetupFailure(message: "cc \(source) failed:\n\(compiled.stdout)\(compiled.stderr)")
    }
    return executable
  }
}
