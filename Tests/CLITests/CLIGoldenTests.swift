import Foundation
import Testing

/// End-to-end tests: run the built `verdict` binary on the fixture files under `Cases/` and compare
/// its standard output, standard error and exit status with golden files.
///
/// Each folder `Cases/<name>/` holds `args` (one argument per line), optionally `stdin`, and the
/// goldens `stdout`, `stderr` and `status`. The command runs in `Cases/`, so messages name files
/// as `data/clients.csv`. An argument `{out}` is replaced by a fresh file in a temporary folder;
/// the file must then equal the golden `output`, and nothing else may be left in that folder.
/// Set `UPDATE_GOLDEN=1` to rewrite the goldens from the current behaviour.
struct CLIGoldenTests {
  static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

  static var caseNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
    return names.filter {
      FileManager.default.fileExists(atPath: casesFolder.appendingPathComponent("\($0)/args").path)
    }.sorted()
  }

  @Test func thereAreCases() {
    #expect(Self.caseNames.count >= 30)
  }

  @Test(arguments: caseNames) func golden(_ name: String) throws {
    let folder = Self.casesFolder.appendingPathComponent(name)
    let argsText = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
    var arguments = argsText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if arguments.last == "" { arguments.removeLast() }
    let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-cli-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: outputFolder)
    try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outputFolder) }
    let outputFile = outputFolder.appendingPathComponent("report")
    arguments = arguments.map { $0 == "{out}" ? outputFile.path : $0 }
    let stdin = try? Data(contentsOf: folder.appendingPathComponent("stdin"))
    let result = try VerdictBinary.run(arguments, stdin: stdin, in: Self.casesFolder)
    let outcome = [
      ("stdout", result.stdout),
      ("stderr", result.stderr.replacingOccurrences(of: outputFolder.path, with: "{dir}")),
      ("status", "\(result.status)\n"),
    ]
    var actual = outcome
    if arguments.contains(outputFile.path) {
      let written = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "<no file>\n"
      actual.append(("output", written))
      let left = try FileManager.default.contentsOfDirectory(atPath: outputFolder.path).filter { $0 != "report" }
      #expect(left.isEmpty, "temporary files left behind: \(left)")
    }
    for (file, text) in actual {
      let golden = folder.appendingPathComponent(file)
      if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try text.write(to: golden, atomically: true, encoding: .utf8)
        continue
      }
      let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? "<missing golden \(file)>"
      #expect(text == expected, "\(name)/\(file) differs:\n--- expected\n\(expected)--- actual\n\(text)")
    }
  }
}

/// Runs the `verdict` executable built next to the tests.
enum VerdictBinary {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// The products folder: the one holding the running test binary.
  static var productsFolder: URL {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("verdict").path) { return folder }
      folder = folder.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL
  }

  static var url: URL { productsFolder.appendingPathComponent("verdict") }

  /// Writes `data` with `write(2)`, giving up quietly when the reader has gone.
  static func writeAll(_ data: Data, to handle: FileHandle) {
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(handle.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }

  static func run(_ arguments: [String], stdin: Data? = nil, in folder: URL, environment: [String: String] = [:]) throws
    -> Result
  {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    let inPipe = Pipe()
    process.standardInput = inPipe
    try process.run()
    let input = inPipe.fileHandleForWriting
    let feed = stdin
    signal(SIGPIPE, SIG_IGN)
    Thread {
      if let feed { writeAll(feed, to: input) }
      try? input.close()
    }.start()
    let errors = Collected()
    let reader = Thread {
      errors.data = errPipe.fileHandleForReading.readDataToEndOfFile(); errors.done.signal()
    }
    reader.start()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    errors.done.wait()
    let errData = errors.data
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }
}

/// Standard error collected on another thread.
final class Collected: @unchecked Sendable {
  var data = Data()
  let done = DispatchSemaphore(value: 0)
}
