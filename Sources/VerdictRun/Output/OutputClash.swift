#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Refuses a report file that is one of the run's own files: the report replaces its output
/// file, so `-o clients.csv` would destroy the client data and `-o policy.verdict` the policy.
///
/// Files are compared by device and inode, so the same file is found under another spelling
/// (`./data/../data/x.csv`, an absolute path), through a symbolic link and through a hard link.
/// Standard input (`-`) counts when it is redirected from a file.
package enum OutputClash {
  /// Throws when `output` names the same file as the policy or one of the data files.
  ///
  /// An output that does not exist yet clashes with nothing; a policy that was not read from a
  /// file (its source name is no path) is skipped.
  static func refuse(output: String, inputs: [String], policy: String, history: String? = nil) throws(RunFailure) {
    // The history is made during the run when it does not exist yet, so a report to the same
    // path would replace it at the end: compared by where they would be, too.
    if let history, isSameFile(output, as: history) || isSamePlace(output, as: history) {
      throw RunFailure(
        .output,
        "cannot write the report to '\(output)': it is the run history '\(history)', which the report "
          + "would replace; choose another output file")
    }
    if let history {
      for (suffix, file) in historyCompanions {
        let companion = history + suffix
        guard isSameFile(output, as: companion) || isSamePlace(output, as: companion) else { continue }
        throw RunFailure(
          .output,
          "cannot write the report to '\(output)': it is the run history's \(file) '\(companion)', which SQLite "
            + "writes and removes beside '\(history)'; choose another output file")
      }
    }
    guard let target = identity(ofPath: output) else { return }
    if identity(ofPath: policy) == target {
      throw RunFailure(
        .output,
        "cannot write the report to '\(output)': it is the policy '\(policy)', which the report "
          + "would replace; choose another output file")
    }
    for input in inputs {
      let found = input == "-" ? identity(ofDescriptor: STDIN_FILENO) : identity(ofPath: input)
      guard found == target else { continue }
      let name = input == "-" ? "standard input" : "'\(input)'"
      throw RunFailure(
        .output,
        "cannot write the report to '\(output)': it is the data file \(name), which the report "
          + "would replace; choose another output file")
    }
  }

  /// The files SQLite keeps beside a history while it is open, by the suffix of their names: a
  /// report renamed to one of them is overwritten, read as the history's own or removed when
  /// the history closes, and the run ended as if it had been written.
  private static let historyCompanions = [
    ("-wal", "write-ahead log"), ("-shm", "shared-memory index"), ("-journal", "rollback journal"),
  ]

  /// Whether `path` and `other` name one existing file.
  package static func isSameFile(_ path: String, as other: String) -> Bool {
    guard let identity = identity(ofPath: path) else { return false }
    return identity == self.identity(ofPath: other)
  }

  /// Whether `path` and `other`, neither of which exists, would be one file: the same name in
  /// the same folder (the folders compared as files, so that any spelling of them matches).
  static func isSamePlace(_ path: String, as other: String) -> Bool {
    guard identity(ofPath: path) == nil, identity(ofPath: other) == nil else { return false }
    func split(_ path: String) -> (folder: String, name: Substring) {
      guard let slash = path.lastIndex(of: "/") else { return (".", path[...]) }
      return (slash == path.startIndex ? "/" : String(path[..<slash]), path[path.index(after: slash)...])
    }
    let (folder, name) = split(path)
    let (otherFolder, otherName) = split(other)
    return name == otherName && !name.isEmpty && isSameFile(folder, as: otherFolder)
  }

  /// A file's identity on the system: its device and inode.
  private struct Identity: Equatable {
    var device: UInt64
    var inode: UInt64
  }

  /// The identity of the file `path` names, following symbolic links; `nil` when there is none.
  private static func identity(ofPath path: String) -> Identity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
  }

  /// The identity of the regular file open at `descriptor`; `nil` for a pipe or a terminal.
  private static func identity(ofDescriptor descriptor: Int32) -> Identity? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
  }
}
