import Foundation
import TestSupport
import Testing

/// End-to-end tests: run the built `verdict` binary on the fixture files under `Cases/` and compare
/// its standard output, standard error and exit status with golden files.
///
/// Each folder `Cases/<name>/` is a ``GoldenCase``: `args` (one argument per line), optionally
/// `stdin`, and the goldens `stdout`, `stderr` and `status`; the folders in ``supportFolders``
/// hold the files the cases share instead, and any other folder without `args` fails. The command
/// runs in `Cases/`, so messages name files as `data/clients.csv`. An argument `{out}` is replaced
/// by a fresh file in a temporary folder; the file must then equal the golden `output`, and
/// nothing else may be left in that folder. `UPDATE_GOLDEN=1` rewrites the goldens that differ
/// and fails each case it rewrote (see ``GoldenFile``).
struct CLIGoldenTests {
  static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

  /// The folders of `Cases/` that are not cases: the policies, data and test files cases use.
  static let supportFolders: Set<String> = ["data", "pages", "policies", "suites", "tests", "tests-data"]

  static var caseNames: [String] { GoldenCase.names(in: casesFolder, support: supportFolders) }

  @Test func thereAreCases() {
    #expect(Self.caseNames.count >= 30)
  }

  /// Each support folder exists, so the list names no folder that has gone.
  @Test func supportFoldersExist() {
    for name in Self.supportFolders {
      var isFolder: ObjCBool = false
      let path = Self.casesFolder.appendingPathComponent(name).path
      #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue, "\(path)")
    }
  }

  /// A folder without `args` is a broken case, reported as such instead of left out.
  @Test func aFolderWithoutArgsIsMalformed() throws {
    let cases = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-cases-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: cases.appendingPathComponent("forgotten"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: cases) }
    try Data("0\n".utf8).write(to: cases.appendingPathComponent("forgotten/status"))
    #expect(GoldenCase.names(in: cases, support: []) == ["forgotten"])
    #expect(throws: GoldenCase.Malformed.self) { try GoldenCase("forgotten", in: cases) }
  }

  @Test(arguments: caseNames) func golden(_ name: String) throws {
    let testCase = try GoldenCase(name, in: Self.casesFolder)
    let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-cli-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: outputFolder)
    try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outputFolder) }
    let outputFile = outputFolder.appendingPathComponent("report")
    let arguments = testCase.arguments.map { $0 == "{out}" ? outputFile.path : $0 }
    let result = try VerdictBinary.run(arguments, stdin: testCase.standardInput, in: Self.casesFolder)
    var problems = testCase.problems(
      result, stderr: result.stderr.replacingOccurrences(of: outputFolder.path, with: "{dir}"))
    if arguments.contains(outputFile.path) {
      let written = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "<no file>\n"
      problems += [testCase.golden("output").problem(with: written)].compactMap { $0 }
      let left = try FileManager.default.contentsOfDirectory(atPath: outputFolder.path).filter { $0 != "report" }
      #expect(left.isEmpty, "temporary files left behind: \(left)")
    }
    for problem in problems {
      Issue.record(Comment(rawValue: problem))
    }
  }
}
