import Foundation
import TestSupport
import Testing

/// Policies over 10 MiB are refused before they are read, with the file, its size and the limit;
/// one of exactly 10 MiB is checked as usual.
struct PolicySizeLimitTests {
  static let limit = 10 * 1024 * 1024

  /// A folder holding `policy.verdict`: one rule, then comment lines up to `bytes` bytes.
  final class Workspace {
    let folder: URL

    init(policyBytes bytes: Int) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-size-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var text = Array("when x > 1 then recommend fire\n".utf8)
      let line = Array(("# " + String(repeating: "padding ", count: 12) + "\n").utf8)
      while text.count + line.count <= bytes { text += line }
      text += Array(repeating: UInt8(ascii: "#"), count: bytes - text.count)
      try Data(text).write(to: folder.appendingPathComponent("policy.verdict"))
      try Data("id,x\nC1,2\n".utf8).write(to: folder.appendingPathComponent("clients.csv"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func run(_ arguments: [String]) throws -> VerdictBinary.Result {
      try VerdictBinary.run(arguments, in: folder)
    }
  }

  static let refusal =
    "verdict: cannot read policy 'policy.verdict': it is 10,485,761 bytes, more than the 10,485,760 (10 MiB) a "
    + "policy may have (checking takes about 50 times a policy's size in memory; split it into smaller policies)\n"

  @Test func aPolicyOfTenMebibytesIsChecked() throws {
    let workspace = try Workspace(policyBytes: Self.limit)
    let check = try workspace.run(["check", "policy.verdict"])
    #expect(check.status == 0)
    #expect(check.stderr == "")
    let run = try workspace.run(["run", "policy.verdict", "clients.csv", "-f", "csv", "--today", "2026-11-29"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("client,verdict,rule"))
  }

  @Test func aPolicyOneByteLargerIsRefusedByEveryCommand() throws {
    let workspace = try Workspace(policyBytes: Self.limit + 1)
    for arguments in [
      ["check", "policy.verdict"], ["run", "policy.verdict", "clients.csv"],
      ["eval", "policy.verdict", "--set", "x=2"],
      ["explain", "policy.verdict", "clients.csv", "--all"], ["fmt", "--check", "policy.verdict"],
    ] {
      let result = try workspace.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr == Self.refusal, "\(arguments)")
      #expect(result.stdout == "", "\(arguments)")
    }
  }

  /// Standard input and pipes are read no further than the limit (`fmt - < /dev/zero` never
  /// ended), so the size past it is not known: the message says "more than", for `fmt -` and for
  /// a policy named `/dev/stdin` alike.
  @Test func aPolicyOnStandardInputIsReadNoFurtherThanTheLimit() throws {
    let workspace = try Workspace(policyBytes: Self.limit + 1)
    let policy = workspace.folder.appendingPathComponent("policy.verdict").path
    for (arguments, name) in [("fmt -", "<stdin>"), ("check /dev/stdin", "/dev/stdin")] {
      let result = try ProgramRun.run(
        URL(fileURLWithPath: "/bin/sh"),
        ["-c", "cat '\(policy)' | NO_COLOR=1 '\(VerdictBinary.url.path)' \(arguments)"],
        in: workspace.folder)
      #expect(result.status == 2, "\(arguments)")
      #expect(
        result.stderr
          == "verdict: cannot read policy '\(name)': it has more than the 10,485,760 bytes (10 MiB) a policy may have "
          + "(checking takes about 50 times a policy's size in memory; split it into smaller policies)\n",
        "\(arguments)")
    }
  }
}
