import Foundation
import TestSupport
import Testing

@testable import verdict

/// Behaviour that golden files cannot show: a closed pipe, Ctrl-C, the help text.
struct CLIProcessTests {
  static let cases = CLIGoldenTests.casesFolder

  init() {
    // Writing to a child that has stopped reading must not kill the test process.
    signal(SIGPIPE, SIG_IGN)
  }

  /// A CSV of `rows` clients for the simple policy.
  static func bigCSV(rows: Int) -> Data {
    var text = "id,name,payment_delay,revisions,outstanding,project_end,disrespectful\n"
    for row in 0..<rows {
      text +=
        "C\(row),\"Client \(row), Inc.\",\(row % 60),\(row % 9),\(row % 3 == 0 ? "0.00" : "12.50"),2027-01-31,false\n"
    }
    return Data(text.utf8)
  }

  @Test func headOneEndsQuietly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-pipe-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("big.csv")
    try Self.bigCSV(rows: 200_000).write(to: data)
    let policy = Self.cases.appendingPathComponent("policies/simple.verdict").path
    // verdict run … -f jsonl | head -1, in bash for PIPESTATUS: the exit status of each side.
    let binary = try BuiltProducts.url(of: "verdict")
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/bash")
    shell.arguments = [
      "-c",
      "'\(binary.path)' run '\(policy)' '\(data.path)' -f jsonl --today 2026-11-29 2>'\(folder.path)/err' | head -1; "
        + "echo \"${PIPESTATUS[*]}\" >'\(folder.path)/status'",
    ]
    let out = Pipe()
    shell.standardOutput = out
    try shell.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 0)
    #expect(printed.hasPrefix("{\"client\":\"C0\""))
    #expect(printed.split(separator: "\n").count == 1)
    let errors = try String(contentsOf: folder.appendingPathComponent("err"), encoding: .utf8)
    #expect(errors.isEmpty, "stderr after a closed pipe: \(errors)")
    // verdict's status, then head's: a report its reader did not take was not delivered, and
    // says so as a process that SIGPIPE ended would (128 + 13), silently.
    let statuses = try String(contentsOf: folder.appendingPathComponent("status"), encoding: .utf8)
    #expect(statuses == "141 0\n")
  }

  /// What goes to the terminal shows the control characters of a data file's names and cells
  /// rather than obeying them; line feeds, tabs and the diagnostics' colours stay.
  @Test func controlCharactersAreShownNotObeyed() {
    let coloured = "\u{1B}[1;31merror:\u{1B}[0m a\n\tb €"
    #expect(Terminal.printable(coloured) == coloured)
    #expect(
      Terminal.printable("'\u{1B}]0;title\u{7}' \r\u{1B}[2J\u{1B}[\u{9B}1A\u{7F}")
        == #"'\u{1B}]0;title\u{7}' \u{D}\u{1B}[2J\u{1B}[\u{9B}1A\u{7F}"#)
    // Colours other than the renderers' own, such as concealed text, are shown too.
    #expect(Terminal.printable("a\u{1B}[8mb\u{1B}[30;40m") == #"a\u{1B}[8mb\u{1B}[30;40m"#)
  }

  @Test func closedPipeExitsWithTheStatusOfSIGPIPE() throws {
    let policy = Self.cases.appendingPathComponent("policies/simple.verdict").path
    let process = Process()
    process.executableURL = VerdictBinary.url
    process.arguments = ["run", policy, "-", "-f", "jsonl", "--today", "2026-11-29"]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try output.fileHandleForReading.close()  // the reader goes away at once
    let feed = input.fileHandleForWriting
    Thread {
      ProgramRun.writeAll(CLIProcessTests.bigCSV(rows: 50_000), to: feed)
      try? feed.close()
    }.start()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 141)
    #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
  }

  @Test func interruptLeavesNoTemporaryFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-sigint-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = Self.cases.appendingPathComponent("policies/share.verdict").path
    let process = Process()
    process.executableURL = VerdictBinary.url
    // A population policy on standard input: both the report and the spool are temporary files.
    process.arguments = ["run", policy, "-", "--output", folder.appendingPathComponent("report.csv").path]
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = folder.path
    process.environment = environment
    let input = Pipe()
    process.standardInput = input
    process.standardError = Pipe()
    try process.run()
    ProgramRun.writeAll(Data("id,revenue,hours\nA,100,10\nB,200,20\n".utf8), to: input.fileHandleForWriting)
    // Wait until the run has created its temporary files, then interrupt it mid-read.
    var seen: [String] = []
    for _ in 0..<200 where seen.count < 2 {
      usleep(10_000)
      seen = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
    #expect(seen.count == 2, "temporary files while running: \(seen)")
    kill(process.processIdentifier, SIGINT)
    for _ in 0..<500 where process.isRunning { usleep(10_000) }
    if process.isRunning {
      Issue.record("verdict did not stop on SIGINT")
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(left.isEmpty, "left behind: \(left)")
  }

  @Test func theRunAfterAKilledOneRemovesWhatItLeft() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-sigkill-\(getpid())")
    let reports = folder.appendingPathComponent("reports")
    let spools = folder.appendingPathComponent("tmp")
    for made in [reports, spools] {
      try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = { (url: URL) in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    let policy = Self.cases.appendingPathComponent("policies/share.verdict").path
    let report = reports.appendingPathComponent("report.csv").path
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = spools.path
    let process = Process()
    process.executableURL = VerdictBinary.url
    process.arguments = ["run", policy, "-", "--output", report]
    process.environment = environment
    let input = Pipe()
    process.standardInput = input
    process.standardError = Pipe()
    try process.run()
    ProgramRun.writeAll(Data("id,revenue,hours\nA,100,10\nB,200,20\n".utf8), to: input.fileHandleForWriting)
    for _ in 0..<200 where files(reports).isEmpty || files(spools).isEmpty { usleep(10_000) }
    // SIGKILL cannot be caught: the report's temporary file and the spool of the client data stay.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let pid = process.processIdentifier
    #expect(
      files(reports).count == 1 && files(reports)[0].hasPrefix(".report.csv.verdict-\(pid)-"), "\(files(reports))")
    #expect(
      files(spools).count == 1 && files(spools)[0].hasPrefix(".verdict-stdin.csv.verdict-\(pid)-"), "\(files(spools))")

    // The next run, without standard input or a population function, removes both.
    let simple = Self.cases.appendingPathComponent("policies/simple.verdict").path
    let data = Self.cases.appendingPathComponent("data/clients.csv").path
    let next = Process()
    next.executableURL = VerdictBinary.url
    next.arguments = ["run", simple, data, "--today", "2026-11-29", "--output", report]
    next.environment = environment
    next.standardError = Pipe()
    try next.run()
    next.waitUntilExit()
    #expect(files(reports) == ["report.csv"])
    #expect(files(spools) == [])
  }

  /// A thread count past the limit is refused before anything is allocated for it (100,000
  /// threads' batches took all the memory there was, and the kernel killed the run).
  @Test func tooManyJobsAreRefused() throws {
    let arguments = ["run", "policies/simple.verdict", "data/clients.csv", "--today", "2026-11-29", "--jobs"]
    let refused = try VerdictBinary.run(arguments + ["100000"], in: Self.cases)
    #expect(refused.status == 2)
    #expect(refused.stdout.isEmpty)
    #expect(
      refused.stderr.hasPrefix("verdict: --jobs takes at most 256 threads, not 100000\n  hint: the default is one"))
    let most = try VerdictBinary.run(arguments + ["256", "-f", "jsonl"], in: Self.cases)
    #expect(most.status == 0)
    #expect(most.stdout.split(separator: "\n").count == 6)
  }

  /// Hints true for the input: a day the month lacks, a table named in --set, an empty JSON
  /// array file (whose hint was to read it as JSON Lines).
  @Test func hintsSayWhatIsWrongWithThisInput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-hints-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data().write(to: folder.appendingPathComponent("empty.json"))
    try Data("table inv keyed by client\n  field amount: number\nwhen sum(inv.amount) > 1 then recommend fire\n".utf8)
      .write(to: folder.appendingPathComponent("tables.verdict"))
    let simple = Self.cases.appendingPathComponent("policies/simple.verdict").path
    let leap = try VerdictBinary.run(["run", simple, "empty.json", "--today", "2026-02-29"], in: folder)
    #expect(
      leap.stderr
        == "verdict: --today takes a date such as 2026-11-28, not '2026-02-29'\n  hint: February 2026 has 28 days\n")
    let table = try VerdictBinary.run(["eval", "tables.verdict", "--set", "inv=5"], in: folder)
    #expect(
      table.stderr
        == "verdict: the policy has no field 'inv' ('inv' is a table: its records come from a file, not from --set)\n")
    let empty = try VerdictBinary.run(["run", simple, "empty.json", "--today", "2026-11-29"], in: folder)
    #expect(empty.status == 2)
    #expect(
      empty.stderr.hasPrefix("empty.json:1: column 1: file is empty; expected a JSON array of records: [{…}, {…}]\n"),
      "\(empty.stderr)")
  }

  /// A pipe given as a data file's path (a named pipe, `<(…)`) is refused at once: a data file
  /// is opened more than once, and the second opening found the pipe empty ("file is empty")
  /// or waited for a writer forever. Standard input is the way to give such data.
  @Test func aPipeAsADataFileIsRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-fifo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(mkfifo(folder.path + "/clients.csv", 0o600) == 0)
    let simple = Self.cases.appendingPathComponent("policies/simple.verdict").path
    // No writer opens the pipe: before, the run waited for one.
    let result = try VerdictBinary.run(["run", simple, "clients.csv", "--today", "2026-11-29"], in: folder)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "verdict: 'clients.csv' is a pipe, which can be read only once; a data file is read more than once\n"
        + "  hint: save the data to a file first, or give it on standard input: … | verdict run POLICY -\n")
  }

  /// The HTML report's chart and histograms do not add up or scale together amounts of
  /// different currencies (there is no conversion): they say so instead of drawing.
  @Test func theReportsChartsLeaveOutMixedCurrencies() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-mixed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("field revenue: money\nwhen revenue is present then recommend fire\n".utf8)
      .write(to: folder.appendingPathComponent("policy.verdict"))
    try Data("id,revenue\nA,1000 USD\nB,100 EUR\nC,5 GBP\n".utf8).write(to: folder.appendingPathComponent("mixed.csv"))
    try Data("id,revenue\nA,1000 EUR\nB,100 EUR\n".utf8).write(to: folder.appendingPathComponent("euros.csv"))
    let arguments = ["run", "policy.verdict", "--today", "2026-11-29", "-f", "html", "--chart", "revenue"]
    let mixed = try VerdictBinary.run(arguments + ["mixed.csv", "--histogram", "revenue"], in: folder)
    #expect(mixed.status == 0, "\(mixed.stderr)")
    #expect(
      mixed.stdout.contains(
        "No chart: revenue is in EUR, GBP and USD, and amounts of different currencies are not added up."))
    #expect(mixed.stdout.contains("No histograms: revenue is in EUR, GBP and USD, which are not counted on one scale."))
    #expect(!mixed.stdout.contains("<rect class=\"hbar\""))
    let euros = try VerdictBinary.run(arguments + ["euros.csv"], in: folder)
    #expect(!euros.stdout.contains("No chart"))
    #expect(euros.stdout.contains("Pareto chart: revenue"))
  }

  /// A rule's or an example's name is quoted as the policy writes it: a line break in it no
  /// longer splits eval's answer or test's one-line failure report.
  @Test func namesAreQuotedAsThePolicyWritesThem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-names-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = #"""
      field n: number
      rule "two\nlines \u{1B}[2J" when n > 5 then recommend fire
      otherwise recommend keep
      example "an \"odd\"\nname" { n: 1 } expect fire

      """#
    try Data(policy.utf8).write(to: folder.appendingPathComponent("names.verdict"))
    let eval = try VerdictBinary.run(["eval", "names.verdict", "--set", "n=9"], in: folder)
    #expect(eval.stdout.contains(#"  rule: "two\nlines \u{1B}[2J" (line 2)"#), "\(eval.stdout)")
    let test = try VerdictBinary.run(["test", "names.verdict"], in: folder)
    #expect(test.stdout.hasPrefix(#"names.verdict:4: "an \"odd\"\nname": expected fire, got keep"#), "\(test.stdout)")
  }

  /// A policy path that is a device is refused at once (`/dev/zero` was called "permission
  /// denied"); one that is a pipe is read, as `verdict check /dev/stdin` fed by `cat` reads it.
  @Test func aPolicyFromADeviceOrAPipe() throws {
    let device = try VerdictBinary.run(["check", "/dev/zero"], in: Self.cases)
    #expect(device.status == 2)
    #expect(device.stderr == "verdict: cannot read policy '/dev/zero': it is a device, not a file\n")
    let piped = try ProgramRun.run(
      URL(fileURLWithPath: "/bin/sh"),
      ["-c", "cat '\(Self.cases.path)/policies/broken.verdict' | '\(VerdictBinary.url.path)' check /dev/stdin"],
      in: Self.cases)
    #expect(piped.status == 1)
    #expect(piped.stderr.hasPrefix("/dev/stdin:"), "\(piped.stderr)")
  }

  @Test func helpDocumentsExitStatus() throws {
    let result = try VerdictBinary.run(["run", "--help"], in: Self.cases)
    #expect(result.status == 0)
    for line in ["0  every client was evaluated", "1  some rows had errors", "2  the policy", "3  --fail-on VERDICT"] {
      #expect(result.stdout.contains(line), "missing from --help: \(line)")
    }
  }

  /// The subcommands' names, from the command's own configuration, so that a new subcommand is
  /// checked without anyone adding it here.
  static let subcommands = VerdictCommand.configuration.subcommands.map { $0._commandName }

  /// How each shell's script shows that it completes subcommand `name`.
  static func completionEntry(_ name: String, shell: String) -> String {
    shell == "fish" ? "-fa '\(name)'" : "\n_verdict_\(name)()"
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsKnowEverySubcommand(shell: String) throws {
    #expect(Self.subcommands.contains("run") && Self.subcommands.contains("history"), "\(Self.subcommands)")
    let result = try VerdictBinary.run(["--generate-completion-script", shell], in: Self.cases)
    #expect(result.status == 0)
    for subcommand in Self.subcommands {
      #expect(
        result.stdout.contains(Self.completionEntry(subcommand, shell: shell)),
        "the \(shell) script does not complete \(subcommand)")
    }
  }
}
