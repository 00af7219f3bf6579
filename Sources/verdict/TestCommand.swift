import ArgumentParser
import Foundation
import Verdict
import VerdictREPL
import VerdictRun

/// `verdict test PATH...`: run the `example` statements of policies and their `_test.verdict` files.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run the examples written for policies and report those that fail.",
    discussion: """
      An example is a client and the outcome the policy should give it:

        example "late and picky" { payment_delay: 45d, revisions: 7 } expect fire notice 30d

      Examples live in the policy itself or in NAME_test.verdict beside NAME.verdict. A PATH is \
      a policy, a test file (its policy is found beside it) or a folder, searched for both. \
      Fields an example does not give are missing; clauses the expectation does not name are not \
      checked. Each failing example is printed with what was expected, what the policy gave and \
      the explanation; then a summary line: N passed, N failed.

      Exit status: 0 every example passed, 1 some failed (or there were none), 2 a policy or a \
      test file has errors.
      """
  )

  @Argument(help: "Policies, test files or folders.")
  var paths: [String]

  @Flag(help: "Report, for each rule, how many examples made it match and how many made it win.")
  var coverage = false

  @Option(
    help: ArgumentHelp(
      "Measure share, rank and percentile in examples against the clients of this data file.", valueName: "file"))
  var data: String?

  @Option(help: ArgumentHelp("The date that 'today' means (default: the local date).", valueName: "YYYY-MM-DD"))
  var today: String?

  func run() throws {
    do throws(CommandFailure) {
      var context = EvaluationContext()
      if let today { context.today = try TodayOption.parse(today) }
      let suites = try TestSuite.find(paths)
      var book = ClientBook()
      if let data {
        do throws(RunFailure) { book.load(try ClientTable.read(data)) } catch { throw CommandFailure(error) }
      }
      var report = TestReport(showsCoverage: coverage)
      for suite in suites {
        guard let (policy, examples) = suite.load() else {
          report.brokenFiles += 1
          continue
        }
        let population = data == nil ? nil : book.populationBuilder(for: policy)
        let results = examples.map { policy.run($0, in: context, population: population) }
        report.add(results, of: policy)
      }
      report.finish()
      if report.brokenFiles > 0 { throw CommandFailure(message: "", exitCode: 2) }
      if report.failed > 0 || report.passed == 0 { throw CommandFailure(message: "", exitCode: 1) }
    } catch {
      error.exit()
    }
  }
}

/// A policy and its test file, if it has one.
struct TestSuite {
  var policy: String
  var testFile: String?

  /// The suites `paths` name: policies, test files (and the policy beside each) and folders
  /// searched for both, each policy once, sorted by path.
  static func find(_ paths: [String]) throws(CommandFailure) -> [TestSuite] {
    var policies = Set<String>()
    let files = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard files.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw CommandFailure(message: "no such file or folder: \(path)", exitCode: 2)
      }
      if isFolder.boolValue {
        let found = files.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        for file in found where file.hasSuffix(".verdict") {
          let joined = path == "." ? file : (path as NSString).appendingPathComponent(file)
          policies.insert(policyPath(of: joined))
        }
      } else {
        policies.insert(policyPath(of: path))
      }
    }
    return try policies.sorted().map { (policy) throws(CommandFailure) -> TestSuite in
      let testFile = testPath(of: policy)
      guard files.fileExists(atPath: policy) else {
        throw CommandFailure(message: "\(testFile) has no policy beside it: \(policy) does not exist", exitCode: 2)
      }
      return TestSuite(policy: policy, testFile: files.fileExists(atPath: testFile) ? testFile : nil)
    }
  }

  /// `firing.verdict` for `firing_test.verdict`; a policy's own path otherwise.
  static func policyPath(of path: String) -> String {
    guard path.hasSuffix("_test.verdict") else { return path }
    return String(path.dropLast("_test.verdict".count)) + ".verdict"
  }

  /// `firing_test.verdict` for `firing.verdict`.
  static func testPath(of policy: String) -> String {
    (policy.hasSuffix(".verdict") ? String(policy.dropLast(".verdict".count)) : policy) + "_test.verdict"
  }

  /// Compiles the policy and checks the test file, printing their diagnostics; `nil` when either
  /// has errors, its own examples' mistakes included (a run only warns about those).
  func load() -> (Policy, [PolicyExample])? {
    guard let source = try? PolicyFile.read(policy) else {
      Terminal.error("verdict: cannot read policy '\(policy)'\n")
      return nil
    }
    let (compiled, diagnostics) = Policy.compile(source)
    Terminal.error(Terminal.diagnosticRenderer.render(diagnostics.filter { $0.severity == .error }, in: source))
    guard let compiled else { return nil }
    guard compiled.exampleDiagnostics.isEmpty else {
      Terminal.error(Terminal.diagnosticRenderer.render(compiled.exampleDiagnostics, in: source))
      return nil
    }
    var examples = compiled.examples
    if let testFile {
      guard let testSource = try? PolicyFile.read(testFile) else {
        Terminal.error("verdict: cannot read test file '\(testFile)'\n")
        return nil
      }
      let (found, problems) = compiled.examples(in: testSource)
      Terminal.error(Terminal.diagnosticRenderer.render(problems, in: testSource))
      if problems.containsErrors { return nil }
      examples += found
    }
    return (compiled, examples)
  }
}
