import Foundation
import TestSupport
import Testing

/// `Examples/python/verdict_example.py` loads the built library with `ctypes`, evaluates clients,
/// checks their outcomes and two error paths with its own assertions, and prints what
/// `docs/embedding-c.md` shows.
struct PythonExampleTests {
  @Test(
    .enabled(if: ProgramRun.onPath("python3") != nil, "python3 is not installed: the ctypes example is not run"),
    .enabled(if: CCompiler.librarySanitizer == nil, "the library is built with a sanitizer: python3 cannot load it"))
  func ctypesExample() throws {
    let python = try #require(ProgramRun.onPath("python3"))
    let library = try BuiltProducts.library("VerdictC")
    let run = try ProgramRun.run(python, ["Examples/python/verdict_example.py", library.path], in: Repository.root)
    #expect(run.status == 0, "verdict_example.py failed:\n\(run.stderr)")
    let page = try DocumentationPage.embeddingC()
    #expect(run.stdout == (try page.block(tagged: "output Examples/python/verdict_example.py")))
  }

  /// The page shows the example as it is.
  @Test func exampleIsOnThePage() throws {
    let source = try Repository.text("Examples/python/verdict_example.py")
    let page = try DocumentationPage.embeddingC()
    #expect(try page.block(tagged: "python Examples/python/verdict_example.py") == source)
  }
}
