import Foundation

/// A folder of a golden `verdict` run: `args` (one argument per line, an empty line is an empty
/// argument), optionally `stdin`, and the goldens `stdout`, `stderr` and `status`.
///
/// The CLI cases (`Tests/CLITests/Cases/`) and the REPL sessions
/// (`Tests/REPLEndToEndTests/Sessions/`) are such folders. Each runner names the folders beside
/// them that hold shared files (`data`, `policies`); every other folder is a case, and a case
/// without `args` is an error, never left out.
package struct GoldenCase: Sendable {
  /// The folder's name, `empty-input`.
  package var name: String
  /// The folder.
  package var folder: URL
  /// The command's arguments, after `verdict`.
  package var arguments: [String]
  /// What the command reads on standard input, from `stdin`.
  package var standardInput: Data?

  /// A case folder that cannot be run.
  package struct Malformed: Error, CustomStringConvertible {
    /// What is wrong, naming the folder.
    package var description: String
  }

  /// Reads the case `name` of `cases`.
  package init(_ name: String, in cases: URL) throws(Malformed) {
    self.name = name
    folder = cases.appendingPathComponent(name)
    let argsFile = folder.appendingPathComponent("args")
    guard let text = try? String(contentsOf: argsFile, encoding: .utf8) else {
      throw Malformed(
        description: "\(folder.path) has no readable args file: a case needs one (one argument per line); "
          + "a folder of files that cases share belongs in its runner's list of support folders")
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    arguments = lines
    standardInput = try? Data(contentsOf: folder.appendingPathComponent("stdin"))
  }

  /// The names of the case folders in `cases`, sorted: every folder but the `support` ones.
  package static func names(in cases: URL, support: Set<String>) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
    return entries.filter { name in
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: cases.appendingPathComponent(name).path, isDirectory: &isFolder)
      return exists && isFolder.boolValue && !support.contains(name)
    }.sorted()
  }

  /// The golden `file` of this case (`stdout`, `stderr`, `status`, `output`).
  package func golden(_ file: String) -> GoldenFile {
    GoldenFile(folder.appendingPathComponent(file), name: "\(name)/\(file)")
  }

  /// Why a run that printed `stdout` and `stderr` and exited with `status` does not match the
  /// case's goldens: one message per golden that differs (or was rewritten), none when it matches.
  package func problems(_ result: VerdictBinary.Result, stderr: String? = nil) -> [String] {
    [
      golden("stdout").problem(with: result.stdout),
      golden("stderr").problem(with: stderr ?? result.stderr),
      golden("status").problem(with: "\(result.status)\n"),
    ].compactMap { $0 }
  }
}
