import Foundation
import TestSupport
import Testing

/// A temporary folder with a policy, its clients and a run history, for the tests that run
/// `verdict run --history` and `verdict history` on it; removed afterwards.
final class HistoryWorkspace {
  let folder: URL
  let history: URL
  /// The user `verdict` runs as when not the test's own (``handOver(to:)``).
  private(set) var user: uid_t?

  /// The policy of the history tests: a cooldown on `fire`, and a verdict that reads
  /// `times_flagged`.
  static let policy = """
    field late: number
    field rude: bool

    rule "rude" when rude then recommend fire cooldown 3d
    rule "repeat" when late > 30 and times_flagged(30d) >= 3 then recommend review
    rule "late" when late > 30 then recommend talk
    otherwise recommend keep

    """

  init(policy: String = HistoryWorkspace.policy) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    history = folder.appendingPathComponent("history.sqlite")
    try write("policy.verdict", policy)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: url(name))
  }

  /// The day `day` of November 2026, as `--today` takes it.
  static func november(_ day: Int) -> String { "2026-11-\(day < 10 ? "0" : "")\(day)" }

  /// `verdict run policy.verdict clients.csv --history history.sqlite --today DAY` and `extra`.
  func run(_ day: String, _ extra: [String] = [], data: String = "clients.csv") throws -> VerdictBinary.Result {
    try verdict(["run", "policy.verdict", data, "--history", history.path, "--today", day] + extra)
  }

  /// Runs `verdict` with `arguments` in the folder, as ``user`` when there is one.
  func verdict(_ arguments: [String]) throws -> VerdictBinary.Result {
    guard let user else { return try VerdictBinary.run(arguments, in: folder) }
    return try ProgramRun.run(
      HistoryWorkspace.setpriv,
      ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", VerdictBinary.url.path] + arguments,
      in: folder, environment: ["NO_COLOR": "1"])
  }

  /// util-linux's `setpriv`, which runs a program as another user.
  static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")

  /// Whether root can run `verdict` as another user here (``handOver(to:)``).
  static var canRunAsAnotherUser: Bool {
    geteuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv.path)
  }

  /// Gives the folder and its files to `user` and runs `verdict` as that user from now on: root
  /// ignores file modes, so the tests of a read-only history run as `nobody` (65534) there.
  func handOver(to user: uid_t) throws {
    let paths = [folder.path] + (try FileManager.default.contentsOfDirectory(atPath: folder.path)).map { url($0).path }
    for path in paths where chown(path, user, user) != 0 {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    self.user = user
  }

  /// What the history holds, as `verdict history --format json` shows it: the runs, then the
  /// timeline of each of `clients`.
  func content(clients: [String]) throws -> String {
    var shown = try verdict(["history", "--history", history.path, "--format", "json"]).stdout
    for client in clients {
      let timeline = try verdict(["history", client, "--history", history.path, "--format", "json"])
      shown += "\(client): \(timeline.stdout)\(timeline.stderr)"
    }
    return shown
  }

  /// The bytes of the history file, or `nil` when there is none.
  func historyBytes() -> Data? { try? Data(contentsOf: history) }
}

/// The `sqlite3` command-line shell, when installed: it checks a history's integrity from
/// outside Verdict.
enum SQLiteShell {
  static let url: URL? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
    .map { URL(fileURLWithPath: $0) }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

  static var isInstalled: Bool { url != nil }

  /// The output of `sqlite3 FILE SQL`.
  static func run(_ file: URL, _ sql: String) throws -> String {
    guard let url else { return "sqlite3 is not installed" }
    let process = Process()
    process.executableURL = url
    process.arguments = [file.path, sql]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
