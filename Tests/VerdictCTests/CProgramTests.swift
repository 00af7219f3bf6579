import Foundation
import TestSupport
import Testing

/// C programs compiled with the system `cc` against `include/verdict.h` and the built
/// `libVerdictC.so`, as a C embedder would build them.
struct CProgramTests {
  /// `Tests/VerdictCTests/c/conformance.c`: two threads agree, every error path gives its status
  /// and message, and the outcomes are the ones expected (in `conformance.expected`).
  @Test func conformanceProgram() throws {
    let program = try CCompiler.build("Tests/VerdictCTests/c/conformance.c")
    defer { try? FileManager.default.removeItem(at: program.deletingLastPathComponent()) }
    let run = try ProgramRun.run(program, [], in: Repository.root)
    #expect(run.status == 0, "conformance.c failed:\n\(run.stderr)")
    let expected = try Repository.text("Tests/VerdictCTests/c/conformance.expected")
    #expect(run.stdout == expected)
  }

  /// The same program under valgrind: no invalid read or write, no leak of what it freed. The
  /// Swift runtime's own caches stay allocated to the end ("possibly lost"), so only definite
  /// leaks count; one report inside the runtime's metadata layout is suppressed
  /// (`c/swift-runtime.supp` says why).
  @Test(
    .enabled(if: ProgramRun.onPath("valgrind") != nil, "valgrind is not installed"),
    .enabled(if: CCompiler.librarySanitizer == nil, "the library is built with a sanitizer, which does the checking"))
  func conformanceProgramUnderValgrind() throws {
    let valgrind = try #require(ProgramRun.onPath("valgrind"))
    let program = try CCompiler.build("Tests/VerdictCTests/c/conformance.c")
    defer { try? FileManager.default.removeItem(at: program.deletingLastPathComponent()) }
    let run = try ProgramRun.run(
      valgrind,
      [
        "--quiet", "--leak-check=full", "--show-possibly-lost=no", "--errors-for-leak-kinds=definite",
        "--error-exitcode=99", "--suppressions=Tests/VerdictCTests/c/swift-runtime.supp", program.path, "20",
      ], in: Repository.root)
    #expect(run.status == 0, "valgrind found problems:\n\(run.stderr)")
    #expect(run.stdout.hasSuffix("all checks passed\n"))
  }

  /// `Examples/c/evaluate.c` is shown whole in `docs/embedding-c.md`, and prints what the page
  /// says it prints.
  @Test func documentedExample() throws {
    let page = try DocumentationPage.embeddingC()
    let source = try Repository.text("Examples/c/evaluate.c")
    #expect(try page.block(tagged: "c Examples/c/evaluate.c") == source)
    let program = try CCompiler.build("Examples/c/evaluate.c")
    defer { try? FileManager.default.removeItem(at: program.deletingLastPathComponent()) }
    let run = try ProgramRun.run(program, [], in: Repository.root)
    #expect(run.status == 0, "evaluate.c failed:\n\(run.stderr)")
    #expect(run.stdout == (try page.block(tagged: "output Examples/c/evaluate.c")))
  }
}

/// `docs/embedding-c.md` and its fenced blocks.
struct DocumentationPage {
  var text: String

  static func embeddingC() throws -> DocumentationPage {
    DocumentationPage(text: try Repository.text("docs/embedding-c.md"))
  }

  /// The text inside the one block whose opening fence is ```` ```TAG ````.
  func block(tagged tag: String) throws -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0 == "```" + tag }),
      let end = lines[(start + 1)...].firstIndex(where: { $0 == "```" })
    else {
      throw SetupFailure(message: "docs/embedding-c.md has no block ```\(tag)")
    }
    return lines[(start + 1)..<end].map { $0 + "\n" }.joined()
  }
}
