#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process that made a temporary file: its id and the time it started, both written into
/// the file's name, so that a later run can tell a file still being written from one left by a
/// process that was killed (SIGKILL cannot be caught, so nothing removes that file at the time).
///
/// A process id alone is not enough: once the process is gone the system may give its id to
/// another one. On Linux the start time (clock ticks after boot, from `/proc/PID/stat`) tells
/// them apart; where it cannot be read it is 0, and only the id is compared.
struct FileOwner: Equatable {
  /// The process id.
  var pid: Int32
  /// When the process started, in clock ticks after boot; 0 where unknown.
  var start: UInt64

  /// This process.
  static let current = FileOwner(pid: getpid(), start: startTime(of: getpid()) ?? 0)

  /// Whether the process that made the file still runs: a process with its id exists and, when
  /// both start times are known, started at the same time (otherwise the id was reused).
  var isRunning: Bool {
    guard pid > 0 else { return false }
    // EPERM: the process exists but belongs to another user.
    guard kill(pid, 0) == 0 || errno == EPERM else { return false }
    guard start != 0, let actual = FileOwner.startTime(of: pid) else { return true }
    return actual == start
  }

  /// The start time of process `pid` (field 22 of `/proc/PID/stat`), or `nil` where it cannot
  /// be read: no such process, or a system without `/proc`.
  static func startTime(of pid: Int32) -> UInt64? {
    #if os(Linux)
      let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      var bytes = [UInt8](repeating: 0, count: 1024)
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return nil }
      // "PID (COMMAND) STATE PPID …": the command may hold spaces and parentheses, so the
      // fields are counted from the last ')'; STATE is field 3, the start time field 22.
      guard let parenthesis = bytes[..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
      let fields = bytes[(parenthesis + 1)..<count].split(separator: UInt8(ascii: " "))
      guard fields.count > 19 else { return nil }
      var value: UInt64 = 0
      for byte in fields[19] {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        value = scaled + UInt64(byte - UInt8(ascii: "0"))
      }
      return value
    #else
      return nil
    #endif
  }
}

/// How temporary files are named: `.NAME.verdict-PID-START-XXXXXX`, beside the file they stand
/// for (`.report.csv.verdict-4242-98765-a1B2c3` for `report.csv`), where PID and START are the
/// ``FileOwner`` and `XXXXXX` is filled in by `mkstemp(3)`. Only names of exactly this shape are
/// ever treated as Verdict's own.
enum TemporaryFileName {
  /// What comes between the name of the file and the owner.
  static let marker = ".verdict-"
  /// The longest part of the target's name kept in the temporary name, in bytes, so that the
  /// temporary name stays within the 255 bytes a file name may have.
  static let maximumNameBytes = 160

  /// The `mkstemp(3)` template for a temporary file beside `path`, made by `owner`.
  static func template(beside path: String, owner: FileOwner = .current) -> String {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var kept = ""
    for scalar in name.unicodeScalars {
      guard kept.utf8.count + String(scalar).utf8.count <= maximumNameBytes else { break }
      kept.unicodeScalars.append(scalar)
    }
    return "\(folder).\(kept)\(marker)\(owner.pid)-\(owner.start)-XXXXXX"
  }

  /// The owner written into `name`, or `nil` when `name` is not a temporary file of Verdict's.
  static func owner(ofFileNamed name: String) -> FileOwner? {
    let bytes = Array(name.utf8)
    guard bytes.first == UInt8(ascii: "."), bytes.count > 1 + marker.utf8.count + 10 else { return nil }
    // From the end: six letters or digits, '-', START, '-', PID, then the marker.
    let suffix = bytes.suffix(7)
    guard suffix.first == UInt8(ascii: "-"), suffix.dropFirst().allSatisfy(isLetterOrDigit) else { return nil }
    var end = bytes.count - 7
    guard let start = digits(before: &end, in: bytes), end > 0, bytes[end - 1] == UInt8(ascii: "-") else {
      return nil
    }
    end -= 1
    guard let pid = digits(before: &end, in: bytes), let pid = Int32(exactly: pid), pid > 0 else { return nil }
    let markerBytes = Array(marker.utf8)
    guard end > markerBytes.count, Array(bytes[(end - markerBytes.count)..<end]) == markerBytes else { return nil }
    return FileOwner(pid: pid, start: start)
  }

  /// The decimal number that ends just before `end`, moving `end` to its start; `nil` when there
  /// is none or it is past `UInt64.max`.
  private static func digits(before end: inout Int, in bytes: [UInt8]) -> UInt64? {
    var first = end
    while first > 0, bytes[first - 1] >= UInt8(ascii: "0"), bytes[first - 1] <= UInt8(ascii: "9") { first -= 1 }
    guard first < end else { return nil }
    var value: UInt64 = 0
    for byte in bytes[first..<end] {
      let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = scaled.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
      guard !overflow, !carry else { return nil }
      value = sum
    }
    end = first
    return value
  }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
