import Foundation
import Verdict

/// Reading a policy file for the CLI and the REPL: the size limit first, then the bytes, or why
/// there are none in a few words.
package enum PolicyFileReading {
  /// Why a policy cannot be read: `cannot read policy 'PATH': WHY`.
  package struct Problem: Error, Sendable {
    /// The message, naming the file.
    package let message: String
  }

  /// The policy at `path`; a file over ``SourceSizeLimit`` is refused before it is read, a pipe
  /// (`/dev/stdin` fed by one) once it has sent more, and a device (`/dev/zero` never ends) or a
  /// socket at once.
  package static func read(_ path: String) -> Result<SourceFile, Problem> {
    var status = stat()
    let found = stat(path, &status) == 0
    let why: String
    if !found {
      why = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
    } else if status.st_mode & S_IFMT == S_IFDIR {
      why = "it is a folder"
    } else if status.st_mode & S_IFMT == S_IFIFO {
      guard let pipe = FileHandle(forReadingAtPath: path) else {
        return .failure(Problem(message: "cannot read policy '\(path)': it cannot be read"))
      }
      return read(stream: pipe, name: path)
    } else if status.st_mode & S_IFMT != S_IFREG {
      why = "it is a device, not a file"
    } else if let problem = SourceSizeLimit.problem(byteCount: Int(status.st_size)) {
      why = "\(problem) (\(SourceSizeLimit.hint))"
    } else if let data = FileManager.default.contents(atPath: path) {
      return .success(SourceFile(name: path, bytes: Array(data)))
    } else {
      why = access(path, R_OK) == 0 ? "it cannot be read" : "permission denied"
    }
    return .failure(Problem(message: "cannot read policy '\(path)': \(why)"))
  }

  /// The policy a stream sends (a named pipe, `verdict fmt -`'s standard input), named `name`:
  /// read up to one byte past ``SourceSizeLimit`` and refused if that byte came, so an endless
  /// stream (`< /dev/zero`) cannot take all memory.
  package static func read(stream: FileHandle, name: String) -> Result<SourceFile, Problem> {
    guard let data = try? stream.read(upToCount: SourceSizeLimit.maximumBytes + 1) else {
      return .failure(Problem(message: "cannot read policy '\(name)': it cannot be read"))
    }
    guard data.count <= SourceSizeLimit.maximumBytes else {
      return .failure(
        Problem(message: "cannot read policy '\(name)': \(SourceSizeLimit.streamProblem) (\(SourceSizeLimit.hint))"))
    }
    return .success(SourceFile(name: name, bytes: Array(data)))
  }
}
