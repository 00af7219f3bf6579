import Foundation
import Verdict

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
