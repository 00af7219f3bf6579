import Foundation
import Verdict

/// A policy and its test file, if it has one: what `verdict test` runs, and how `verdict check`
/// finds the policy of a test file.
struct TestSuite {
  /// The policy's path, as given or found, without `./`. It may not exist when the suite was
  /// found through its test file; ``load()`` reports that.
  var policy: String
  /// The test file beside the policy, if there is one.
  var testFile: String?

  /// The suites `paths` name: policies, test files (and the policy beside each) and folders
  /// searched for both, each policy once, sorted by path.
  ///
  /// Folders are searched without their hidden folders (`.git`, `.build`), and a policy found in
  /// one is a suite only if it has a test file or mentions `example`; a policy named on the
  /// command line (or through its test file) always is. Fails only for a path that does not exist.
  static func find(_ paths: [String]) throws(CommandFailure) -> [TestSuite] {
    var named = Set<String>()
    var found = Set<String>()
    let files = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard files.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw CommandFailure(message: "no such file or folder: \(path)", exitCode: 2)
      }
      if isFolder.boolValue {
        for file in verdictFiles(in: normalized(path)) { found.insert(policyPath(of: file)) }
      } else {
        named.insert(policyPath(of: normalized(path)))
      }
    }
    var suites: [TestSuite] = []
    for policy in named.union(found).sorted() {
      let testFile = testPath(of: policy)
      let hasTestFile = files.fileExists(atPath: testFile)
      if !named.contains(policy), !hasTestFile, !mentionsExamples(policy) { continue }
      suites.append(TestSuite(policy: policy, testFile: hasTestFile ? testFile : nil))
    }
    return suites
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

  /// `rules/firing.verdict` for `./rules//firing.verdict`: without `.` parts, empty parts and
  /// `name/..`, so that one file is named one way. `.` for a path with nothing left.
  static func normalized(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part != ".." || !absolute || !parts.isEmpty {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : joined.isEmpty ? "." : joined
  }

  /// The `.verdict` files under `folder`, skipping hidden files and folders and not following
  /// links to folders (which could lead back up the tree).
  private static func verdictFiles(in folder: String) -> [String] {
    let files = FileManager.default
    guard let names = try? files.contentsOfDirectory(atPath: folder) else { return [] }
    var found: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = folder == "." ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
      guard let attributes = try? files.attributesOfItem(atPath: path) else { continue }
      if attributes[.type] as? FileAttributeType == .typeDirectory {
        found += verdictFiles(in: path)
      } else if name.hasSuffix(".verdict") {
        found.append(path)
      }
    }
    return found
  }

  /// Whether a policy found in a folder may hold examples: a cheap look for the word, so that
  /// policies without tests are skipped. An unreadable one counts, so that it is reported.
  private static func mentionsExamples(_ policy: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: policy) else { return true }
    return data.range(of: Data("example".utf8)) != nil
  }

  /// Compiles the policy and checks the test file, printing their diagnostics; `nil` when either
  /// has errors, its own examples' mistakes included (a run only warns about those), or when the
  /// policy does not exist.
  func load() -> (Policy, [PolicyExample])? {
    guard FileManager.default.fileExists(atPath: policy) else {
      Terminal.problem("\(testFile ?? policy) has no policy beside it: \(policy) does not exist")
      return nil
    }
    guard let source = try? PolicyFile.read(policy) else {
      Terminal.problem("cannot read policy '\(policy)'")
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
        Terminal.problem("cannot read test file '\(testFile)'")
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
