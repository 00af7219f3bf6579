import Foundation
import TestSupport
import Testing

/// Standard input that does not end, or a line that does not: `verdict fmt -` and `verdict repl`
/// read no more of it than a policy may have (``maximumBytes``), and say so. `fmt -` read all of
/// its input first, so `/dev/zero` took memory until the process trapped; the REPL kept a line
/// without a line feed whole, searching all of it at each read.
struct EndlessInputTests {
  /// What a policy may have: 10 MiB.
  static let maximumBytes = 10 * 1024 * 1024

  /// Runs `command` (with `"$0"` the built `verdict`) under `sh`, in at most 2 GB of address
  /// space, so that a regression fails rather than takes the machine's memory.
  static func shell(_ command: String, stdin: Data? = nil) throws -> ProgramRun {
    try ProgramRun.run(
      URL(fileURLWithPath: "/bin/sh"),
      ["-c", "ulimit -v 2000000; " + command, try BuiltProducts.url(of: "verdict").path],
      stdin: stdin, in: FileManager.default.temporaryDirectory, environment: ["NO_COLOR": "1"])
  }

  @Test func formattingStandardInputStopsPastThePolicyLimit() throws {
    let run = try Self.shell(#"exec "$0" fmt - < /dev/zero"#)
    #expect(run.status == 2)
    #expect(
      run.stderr == "verdict: cannot read policy '<stdin>': it has more than the 10,485,760 bytes (10 MiB) a "
        + "policy may have (checking takes about 50 times a policy's size in memory; split it into smaller "
        + "policies)\n")
    #expect(run.stdout.isEmpty)
  }

  /// A line past the limit is left out with the entry it belongs to; the lines after it are read.
  @Test func aREPLLineTooLongIsLeftOutAndTheNextOnesAreRead() throws {
    var input = Data("let a = (1 +\n".utf8)
    input.append(Data(repeating: UInt8(ascii: " "), count: Self.maximumBytes + 70_000))
    input.append(Data("2)\n1 + 1\n".utf8))
    let run = try Self.shell(#"exec "$0" repl"#, stdin: input)
    #expect(run.status == 1)
    #expect(run.stdout == "2\n")
    #expect(
      run.stderr == "a line of more than 10,485,760 bytes (10 MiB) is left out, with the entry it belongs to\n")
  }
}
