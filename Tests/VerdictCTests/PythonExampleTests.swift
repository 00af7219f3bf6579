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

  /// A failed call whose message is NULL (the library had no memory left for it) raises the
  /// status with a message of its own: `ctypes.string_at(None)` crashed the interpreter.
  @Test(
    .enabled(if: ProgramRun.onPath("python3") != nil, "python3 is not installed: the ctypes example is not run"),
    .enabled(if: CCompiler.librarySanitizer == nil, "the library is built with a sanitizer: python3 cannot load it"))
  func aNullMessageIsRaisedAsTheStatus() throws {
    let python = try #require(ProgramRun.onPath("python3"))
    let library = try BuiltProducts.library("VerdictC")
    let script = """
      import sys
      sys.path.insert(0, "Examples/python")
      import verdict_example
      verdict = verdict_example.Verdict(sys.argv[1])
      try:
          verdict.call(lambda error: 4)
      except verdict_example.VerdictError as error:
          print(error.status, error)
      """
    let run = try ProgramRun.run(python, ["-c", script, library.path], in: Repository.root)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "4 status 4, and no memory left for its message\n")
  }

  /// The page shows the example as it is.
  @Test func exampleIsOnThePage() throws {
    let source = try Repository.text("Examples/python/verdict_example.py")
    let page = try DocumentationPage.embeddingC()
    #expect(try page.block(tagged: "python Examples/python/verdict_example.py") == source)
  }
}
