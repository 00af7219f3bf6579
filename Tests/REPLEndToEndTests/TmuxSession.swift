import Foundation
import XCTest

/// A program running in a detached tmux pane on a private server, driven by key presses and
/// observed through `capture-pane`.
final class TmuxSession {
  /// Errors from running the tmux client.
  struct Failure: Error, CustomStringConvertible {
    /// What went wrong, including tmux's own message.
    let description: String
  }

  /// The tmux executable.
  let tmux: URL
  /// Private directory holding the server socket and command output.
  let directory: String
  /// The private server's socket (`tmux -S`), so tests never touch a user's tmux.
  var socket: String { directory + "/tmux.sock" }
  private let target = "repl"

  /// Locates tmux on `PATH`, or throws `XCTSkip` when it is not installed.
  static func locateTmux() throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("tmux")
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
      }
    }
    throw XCTSkip("tmux is not installed; install it (apt-get install tmux) to run this test")
  }

  /// Starts `command` in a new `width`×`height` pane that stays visible after it exits.
  init(command: [String], width: Int = 100, height: Int = 30) throws {
    tmux = try Self.locateTmux()
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("verdict-tmux-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    try run(
      ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target, "--"] + command)
    try run(["set-option", "-w", "-t", target, "remain-on-exit", "on"])
  }

  /// Stops the private tmux server and everything running in it, and removes its files.
  func close() {
    _ = try? run(["kill-server"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Types `text` literally.
  func type(_ text: String) throws {
    try run(["send-keys", "-t", target, "-l", text])
  }

  /// Presses tmux key names such as `Tab`, `Enter`, `Up` or `C-c`.
  func press(_ keys: String...) throws {
    try run(["send-keys", "-t", target] + keys)
  }

  /// Resizes the window, which sends SIGWINCH to the program.
  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
  }

  /// The visible lines, without trailing blank lines.
  func screen() throws -> [String] {
    var lines = try run(["capture-pane", "-p", "-t", target]).components(separatedBy: "\n")
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
      lines.removeLast()
    }
    return lines
  }

  /// Evaluates a tmux format such as `#{cursor_x}` for the pane.
  func format(_ format: String) throws -> String {
    try run(["display-message", "-p", "-t", target, format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// How the program ended: `exit N` or `signal N`, or nil while it is still running.
  func termination() throws -> String? {
    let fields = try format("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid}")
      .split(separator: ":", omittingEmptySubsequences: false)
    guard fields.count == 4, fields[0] == "1" else { return nil }
    if !fields[1].isEmpty { return "exit \(fields[1])" }
    if !fields[2].isEmpty { return "signal \(fields[2])" }
    // The pane's terminal closed but tmux has not collected the exit status. tmux built
    // with libutempter can miss the SIGCHLD of a pane that exits while it is closing the
    // pane's pty (tmux issue #311); another SIGCHLD to this test's own server makes it reap.
    if let server = pid_t(fields[3]) {
      kill(server, SIGCHLD)
    }
    return nil
  }

  /// Polls every 50 ms until `condition` holds for the screen; fails the test with the last
  /// screen after `timeout` seconds.
  @discardableResult
  func waitFor(
    _ description: String, timeout: TimeInterval = 20,
    file: StaticString = #filePath, line: UInt = #line,
    _ condition: ([String]) throws -> Bool
  ) throws -> [String] {
    let deadline = Date().addingTimeInterval(timeout)
    var lines = try screen()
    while try !condition(lines) {
      guard Date() < deadline else {
        XCTFail(
          "timed out waiting for \(description); screen:\n\(lines.joined(separator: "\n"))",
          file: file, line: line)
        return lines
      }
      Thread.sleep(forTimeInterval: 0.05)
      lines = try screen()
    }
    return lines
  }

  /// Runs one tmux client command against the private server and returns its output.
  ///
  /// Uses `posix_spawn` and `waitpid` rather than `Foundation.Process`, and files rather than
  /// pipes: the first command forks the tmux server, which inherits the client's descriptors,
  /// and Foundation on Linux only notices that a child ended once every inherited copy of
  /// its monitoring socket is closed, which the long-lived server never does.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let stdoutPath = "\(directory)/\(UUID().uuidString).out"
    let stderrPath = "\(directory)/\(UUID().uuidString).err"
    defer {
      unlink(stdoutPath)
      unlink(stderrPath)
    }
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    environment["LC_ALL"] = "C.UTF-8"
    let argv = [tmux.path, "-u", "-S", socket, "-f", "/dev/null"] + arguments
    let envp = environment.map { "\($0.key)=\($0.value)" }
    let status = try Self.spawnAndWait(
      argv, environment: envp, stdoutPath: stdoutPath, stderrPath: stderrPath)
    guard status == 0 else {
      let message = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
      throw Failure(description: "tmux \(arguments.joined(separator: " ")) (\(status)): \(message)")
    }
    return (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
  }

  /// Runs `argv` with standard input from /dev/null and output into the given files;
  /// returns its exit status.
  private static func spawnAndWait(
    _ argv: [String], environment: [String], stdoutPath: String, stderrPath: String
  ) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in cArguments + cEnvironment {
        free(pointer)
      }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
    guard spawned == 0 else {
      throw Failure(description: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else {
        throw Failure(description: "waitpid: \(String(cString: strerror(errno)))")
      }
    }
    let exited = status & 0x7f == 0
    return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }
}
