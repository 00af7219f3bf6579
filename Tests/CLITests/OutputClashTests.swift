import Foundation
import TestSupport
import Testing

/// `verdict run -o FILE` refuses a FILE that is the policy or a data file, however it is
/// spelled or linked, and leaves that file as it was; it writes through a symbolic link.
struct OutputClashTests {
  /// A folder with a copy of the simple policy and its clients, removed afterwards.
  final class Workspace {
    let folder: URL
    let policy: URL
    let data: URL
    let dataBytes: Data

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-clash-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      policy = folder.appendingPathComponent("policy.verdict")
      data = folder.appendingPathComponent("clients.csv")
      let cases = CLIGoldenTests.casesFolder
      try FileManager.default.copyItem(at: cases.appendingPathComponent("policies/simple.verdict"), to: policy)
      try FileManager.default.copyItem(at: cases.appendingPathComponent("data/clients.csv"), to: data)
      dataBytes = try Data(contentsOf: data)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `verdict run policy.verdict DATA -o OUTPUT` in the folder.
    func run(data: String = "clients.csv", output: String) throws -> VerdictBinary.Result {
      try VerdictBinary.run(
        ["run", "policy.verdict", data, "--today", "2026-11-29", "-o", output], in: folder)
    }
  }

  @Test func anAbsolutePathToTheDataFileIsRefused() throws {
    let workspace = try Workspace()
    let result = try workspace.run(output: workspace.data.path)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "verdict: cannot write the report to '\(workspace.data.path)': it is the data file 'clients.csv', "
        + "which the report would replace; choose another output file\n")
    #expect(try Data(contentsOf: workspace.data) == workspace.dataBytes)
  }

  @Test func aSymbolicLinkToTheDataFileIsRefused() throws {
    let workspace = try Workspace()
    let link = workspace.folder.appendingPathComponent("link.csv")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: workspace.data)
    let result = try workspace.run(output: "link.csv")
    #expect(result.status == 2)
    #expect(result.stderr.contains("it is the data file 'clients.csv'"), "\(result.stderr)")
    #expect(try Data(contentsOf: workspace.data) == workspace.dataBytes)
    let linked = try FileManager.default.destinationOfSymbolicLink(atPath: link.path)
    #expect(linked == workspace.data.path)
  }

  @Test func aHardLinkToThePolicyIsRefused() throws {
    let workspace = try Workspace()
    let policyText = try Data(contentsOf: workspace.policy)
    try FileManager.default.linkItem(at: workspace.policy, to: workspace.folder.appendingPathComponent("same.txt"))
    let result = try workspace.run(output: "same.txt")
    #expect(result.status == 2)
    #expect(result.stderr.contains("it is the policy 'policy.verdict'"), "\(result.stderr)")
    #expect(try Data(contentsOf: workspace.folder.appendingPathComponent("same.txt")) == policyText)
  }

  @Test func standardInputRedirectedFromTheOutputFileIsRefused() throws {
    let workspace = try Workspace()
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.currentDirectoryURL = workspace.folder
    shell.arguments = [
      "-c",
      "'\(VerdictBinary.url.path)' run policy.verdict - --today 2026-11-29 -o clients.csv < clients.csv 2>err",
    ]
    try shell.run()
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 2)
    let errors = try String(contentsOf: workspace.folder.appendingPathComponent("err"), encoding: .utf8)
    #expect(errors.contains("it is the data file standard input"), "\(errors)")
    #expect(try Data(contentsOf: workspace.data) == workspace.dataBytes)
  }

  /// A symbolic link is written through: its file gets the report, the link stays a link (the
  /// report was renamed over the link). A link to nothing is refused.
  @Test func aSymbolicLinkIsWrittenThrough() throws {
    let workspace = try Workspace()
    let target = workspace.folder.appendingPathComponent("reports/latest.txt")
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("old\n".utf8).write(to: target)
    try FileManager.default.createSymbolicLink(
      atPath: workspace.folder.path + "/report.txt", withDestinationPath: "reports/latest.txt")
    let result = try workspace.run(output: "report.txt")
    #expect(result.status == 0, "\(result.stderr)")
    let link = workspace.folder.path + "/report.txt"
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "reports/latest.txt")
    #expect(try String(contentsOf: target, encoding: .utf8).contains("C2"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["latest.txt"])
    try FileManager.default.createSymbolicLink(
      atPath: workspace.folder.path + "/dangling.txt", withDestinationPath: "nowhere.txt")
    let dangling = try workspace.run(output: "dangling.txt")
    #expect(dangling.status == 2)
    #expect(
      dangling.stderr.contains("cannot write 'dangling.txt': it is a symbolic link to a file that does not exist"))
    #expect(!FileManager.default.fileExists(atPath: workspace.folder.path + "/nowhere.txt"))
  }

  /// `-o /dev/stdout` writes to the process's standard output, appended to the file a shell's
  /// `>>` opened (the link /dev/stdout was once replaced by the report, as root).
  @Test func standardOutputByNameIsTheStreamItself() throws {
    let workspace = try Workspace()
    try Data("earlier\n".utf8).write(to: workspace.folder.appendingPathComponent("log.txt"))
    let binary = try BuiltProducts.url(of: "verdict")
    // By name, through a link to it, and as another descriptor that the shell opened to append.
    try FileManager.default.createSymbolicLink(
      atPath: workspace.folder.path + "/to-stdout", withDestinationPath: "/dev/stdout")
    let run = "'\(binary.path)' run policy.verdict clients.csv --today 2026-11-29 -o"
    let shell = try ProgramRun.run(
      URL(fileURLWithPath: "/bin/bash"),
      [
        "-c",
        "\(run) /dev/stdout >>log.txt 2>/dev/null && \(run) to-stdout >>log.txt 2>/dev/null "
          + "&& \(run) /dev/fd/4 4>>log.txt 2>/dev/null",
      ], in: workspace.folder)
    #expect(shell.status == 0)
    let log = try String(contentsOf: workspace.folder.appendingPathComponent("log.txt"), encoding: .utf8)
    #expect(log.hasPrefix("earlier\nclient  verdict"), "\(log)")
    #expect(log.components(separatedBy: "client  verdict").count == 4, "three reports appended:\n\(log)")
    #expect(FileManager.default.fileExists(atPath: workspace.folder.path + "/to-stdout"))
  }

  /// Standard input's spool for a second pass is a file of its own: a link planted at its name
  /// in the temporary folder is not followed (it stopped every such run, or put the client data
  /// where the link's owner chose).
  @Test func theSpoolOfStandardInputIgnoresALinkAtItsName() throws {
    let workspace = try Workspace()
    let temporary = workspace.folder.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: temporary.path + "/verdict-stdin.csv", withDestinationPath: workspace.folder.path + "/elsewhere.csv")
    let cases = CLIGoldenTests.casesFolder
    let result = try VerdictBinary.run(
      ["run", cases.appendingPathComponent("policies/share.verdict").path, "-", "--today", "2026-11-29"],
      stdin: try Data(contentsOf: cases.appendingPathComponent("data/share.csv")), in: workspace.folder,
      environment: ["TMPDIR": temporary.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: workspace.folder.path + "/elsewhere.csv"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == ["verdict-stdin.csv"])
  }

  /// A report written over an existing file keeps that file's permission bits (a private
  /// report stays private; it became 0644 through the temporary file), through a symbolic link
  /// too; a new file gets 0666 less the umask.
  @Test func anExistingFileKeepsItsMode() throws {
    let workspace = try Workspace()
    func mode(_ name: String) throws -> Int {
      let attributes = try FileManager.default.attributesOfItem(atPath: workspace.folder.path + "/" + name)
      return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
    try Data("secret\n".utf8).write(to: workspace.folder.appendingPathComponent("private.txt"))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: workspace.folder.path + "/private.txt")
    #expect(try workspace.run(output: "private.txt").status == 0)
    #expect(try mode("private.txt") == 0o600)

    try Data("old\n".utf8).write(to: workspace.folder.appendingPathComponent("shared.txt"))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o640], ofItemAtPath: workspace.folder.path + "/shared.txt")
    try FileManager.default.createSymbolicLink(
      atPath: workspace.folder.path + "/latest.txt", withDestinationPath: "shared.txt")
    #expect(try workspace.run(output: "latest.txt").status == 0)
    #expect(try mode("shared.txt") == 0o640)
    #expect(
      try String(contentsOf: workspace.folder.appendingPathComponent("shared.txt"), encoding: .utf8).contains("C2"))

    let mask = umask(0o022)
    umask(mask)
    #expect(try workspace.run(output: "new.txt").status == 0)
    #expect(try mode("new.txt") == 0o666 & ~Int(mask))
  }

  /// A report written over an existing file keeps its group (and, run as root, its owner): a
  /// report shared with a group stayed readable to it through a shell's `>`, and became the
  /// writer's alone. Needs a group other than the user's own, as root has (`nogroup`).
  @Test(.enabled(if: geteuid() == 0 && getgrnam("nogroup") != nil))
  func anExistingFileKeepsItsOwnerAndGroup() throws {
    let workspace = try Workspace()
    let path = workspace.folder.path + "/group.txt"
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    guard let nobody = getpwnam("nobody"), let nogroup = getgrnam("nogroup") else { return }
    #expect(chown(path, nobody.pointee.pw_uid, nogroup.pointee.gr_gid) == 0)
    #expect(try workspace.run(output: "group.txt").status == 0)
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_uid == nobody.pointee.pw_uid && status.st_gid == nogroup.pointee.gr_gid)
  }

  @Test func anotherFileInTheSameFolderIsWritten() throws {
    let workspace = try Workspace()
    let result = try workspace.run(output: "report.txt")
    #expect(result.status == 0, "\(result.stderr)")
    let report = try String(contentsOf: workspace.folder.appendingPathComponent("report.txt"), encoding: .utf8)
    #expect(report.contains("C2"))
    #expect(try Data(contentsOf: workspace.data) == workspace.dataBytes)
  }
}
