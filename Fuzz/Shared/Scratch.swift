#if canImport(Glibc)
  import Glibc
#endif

/// A directory that a target's inputs may write to and read from, and only there; removed, with
/// every file written into it, when the process exits.
///
/// It is also the process's `TMPDIR`: every `verdict run` sweeps `$TMPDIR` for the temporary
/// files of killed runs (`StaleTemporaryFiles`), and reading a shared /tmp of thousands of
/// entries took a third of the run target's time; the sweep now reads this directory.
///
/// It lives in memory (`/dev/shm`, a tmpfs) where there is one: the run target writes a data
/// file and a report for every input, and on the disk's file system opening, truncating and
/// closing them took a fifth of its time. /tmp otherwise.
enum Scratch {
  static let directory: String = {
    let parent = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    var template = Array((parent + "/verdict-fuzz-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch directory") }
    atexit {
      for name in Scratch.written { unlink(Scratch.directory + "/" + name) }
      rmdir(Scratch.directory)
    }
    let directory = String(cString: made)
    setenv("TMPDIR", directory, 1)
    return directory
  }()

  /// The names of the files written so far (single-threaded: libFuzzer runs one input at a time).
  nonisolated(unsafe) static var written: Set<String> = []

  /// Where a report or a saved policy goes; removed at exit like the rest.
  static var report: String { path("report.out") }

  static func path(_ name: String) -> String {
    written.insert(name)
    return directory + "/" + name
  }

  static func write(_ path: String, _ bytes: [UInt8]) {
    guard let file = fopen(path, "w") else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
  }

  /// The file's bytes; empty when it cannot be read.
  static func read(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "r") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count == 0 { return bytes }
      bytes += chunk[..<count]
    }
  }
}
