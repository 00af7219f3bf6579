import Foundation
import TestSupport
import Testing

/// The command examples in `docs/*.md` are transcripts, and this test runs them: every fenced
/// block tagged `console` is run with the built `verdict` and its output compared exactly.
///
/// How a transcript is written:
///
/// - A line starting with `$ ` is a command. It must start with `verdict`; its words are split as
///   a shell splits them, with `'…'`, `"…"` and `\` quoting. A line ending in ` \` continues on
///   the next. The only other shell syntax is `< FILE` (standard input), `>/dev/null` (drop
///   standard output) and `2>/dev/null` (drop standard error): no pipes, globs or variables.
/// - The lines after a command, up to the next command or the end of the block, are what it
///   prints: its standard output, then its standard error. (A terminal may interleave the two;
///   where the order matters to an example, it drops one of them with a redirection.) Every line
///   counts, blank ones too.
/// - A last line `[exit N]` is the exit status; without it, the command must exit with 0.
///
/// The commands run with `NO_COLOR=1` and without a terminal, in a fresh copy of `docs/examples/`
/// for each block (a link at its top level, like `rules`, is copied as what it points to): the
/// commands of one block see the files that earlier ones wrote, other blocks do not. Nothing
/// sets the date, so an example whose output depends on it passes `--today 2026-11-29`.
/// Blocks tagged otherwise (`sh`, `text`, none) are not run.
///
/// A page may show a file the transcripts use: a block tagged `verdict` and a file name, as in
/// ```` ```verdict late-payers.verdict ````, must hold exactly the text of that file of
/// `docs/examples/`. (`GrammarExamplesTests` compiles every `verdict` block, whatever its tag,
/// and every policy file under `docs/`; those in `docs/examples/mistakes/` must fail to compile.)
struct DocsExamplesTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let docsFolder = repository.appendingPathComponent("docs")
  static let examplesFolder = docsFolder.appendingPathComponent("examples")

  /// A problem with how a transcript is written, and the line of the page it is on.
  struct TranscriptError: Error {
    var line: Int
    var message: String
  }

  /// One command of a transcript and what it must print.
  struct Command: Sendable {
    /// The line of the page the command starts on.
    var line: Int
    /// The command as written, after `$ `.
    var text: String
    /// The arguments after `verdict`.
    var arguments: [String]
    /// The file given with `<`, relative to the examples folder.
    var standardInput: String?
    /// Whether the transcript shows standard output (no `>/dev/null`).
    var showsOutput = true
    /// Whether the transcript shows standard error (no `2>/dev/null`).
    var showsErrors = true
    /// Standard output, then standard error, as the transcript shows them.
    var expected: String
    /// The exit status, from a last line `[exit N]`, else 0.
    var status: Int32
  }

  /// A `console` block of a page: its commands, or why they cannot be read.
  struct Transcript: Sendable, CustomTestStringConvertible {
    /// The page, `docs/run.md`.
    var page: String
    /// The line of the block's opening fence.
    var line: Int
    var commands: [Command] = []
    /// Why the block cannot be run, as `docs/run.md:42: …`.
    var problem: String?

    var testDescription: String { "\(page):\(line)" }
  }

  /// The pages, `docs/*.md`, by name, and the README, whose transcripts run in `docs/examples/` too.
  static var pages: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: docsFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.sorted().map { docsFolder.appendingPathComponent($0) }
      + [repository.appendingPathComponent("README.md")]
  }

  /// Every transcript of every page.
  static var allTranscripts: [Transcript] {
    pages.flatMap { page in
      let text = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
      let name = page.lastPathComponent == "README.md" ? "README.md" : "docs/\(page.lastPathComponent)"
      return transcripts(in: text, page: name)
    }
  }

  /// The transcripts are found, and each command's page has some.
  @Test func everyCommandPageHasTranscripts() {
    let transcripts = Self.allTranscripts
    for page in ["check", "eval", "run"] {
      #expect(transcripts.contains { $0.page == "docs/\(page).md" }, "docs/\(page).md has no console transcript")
    }
    #expect(transcripts.count >= 20)
  }

  /// Each command of the transcript prints what the transcript shows and exits as it says.
  @Test(arguments: allTranscripts) func transcriptMatches(_ transcript: Transcript) throws {
    if let problem = transcript.problem {
      Issue.record("\(problem)")
      return
    }
    let folder = try Self.scratchCopyOfExamples()
    defer { try? FileManager.default.removeItem(at: folder) }
    for command in transcript.commands {
      let input = try command.standardInput.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
      let result = try VerdictBinary.run(command.arguments, stdin: input, in: folder)
      let printed = (command.showsOutput ? result.stdout : "") + (command.showsErrors ? result.stderr : "")
      let actual = printed + (result.status == 0 ? "" : "[exit \(result.status)]\n")
      let expected = command.expected + (command.status == 0 ? "" : "[exit \(command.status)]\n")
      if actual != expected {
        Issue.record(
          "\(transcript.page):\(command.line): $ \(command.text)\n--- expected\n\(expected)--- actual\n\(actual)")
      }
    }
  }

  /// A `verdict` block tagged with a file name shows that file of `docs/examples/` as it is.
  @Test func policyBlocksAreTheirFiles() throws {
    for page in Self.pages {
      let text = try String(contentsOf: page, encoding: .utf8)
      for block in Self.fencedBlocks(in: text) where block.tag.first == "verdict" && block.tag.count > 1 {
        let name = String(block.tag[1])
        let file = Self.examplesFolder.appendingPathComponent(name)
        let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? "<no file docs/examples/\(name)>"
        let shown = block.lines.map { $0.text + "\n" }.joined()
        if shown != expected {
          Issue.record("docs/\(page.lastPathComponent):\(block.line): this block differs from docs/examples/\(name)")
        }
      }
    }
  }

  /// A new temporary folder holding a copy of `docs/examples/`, links at its top level resolved.
  static func scratchCopyOfExamples() throws -> URL {
    let files = FileManager.default
    let folder = files.temporaryDirectory.appendingPathComponent("verdict-docs-\(UUID().uuidString)")
    try files.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in (try? files.contentsOfDirectory(atPath: examplesFolder.path)) ?? [] {
      let source = examplesFolder.appendingPathComponent(name).resolvingSymlinksInPath()
      try files.copyItem(at: source, to: folder.appendingPathComponent(name))
    }
    return folder
  }

  // MARK: - Reading transcripts

  /// A fenced block of a Markdown page.
  struct FencedBlock {
    /// The words after the opening fence: `console`, or `verdict late-payers.verdict`.
    var tag: [Substring]
    /// The line of the opening fence.
    var line: Int
    /// The lines inside the fences, with their line numbers.
    var lines: [(number: Int, text: Substring)] = []
    var isClosed = false
  }

  /// The fenced blocks of a Markdown page, in order (indented by at most three spaces, with
  /// three or more backticks or tildes, as in CommonMark).
  static func fencedBlocks(in text: String) -> [FencedBlock] {
    var blocks: [FencedBlock] = []
    var open: (block: FencedBlock, fence: Substring)?
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " }
      let marker = trimmed.first
      let fence = trimmed.prefix { $0 == marker }
      let isFence = line.count - trimmed.count <= 3 && (marker == "`" || marker == "~") && fence.count >= 3
      if var current = open {
        if isFence, fence.first == current.fence.first, fence.count >= current.fence.count,
          trimmed.dropFirst(fence.count).allSatisfy(\.isWhitespace)
        {
          current.block.isClosed = true
          blocks.append(current.block)
          open = nil
        } else {
          current.block.lines.append((index + 1, line))
          open = current
        }
      } else if isFence {
        let tag = trimmed.dropFirst(fence.count).split(whereSeparator: \.isWhitespace)
        open = (FencedBlock(tag: tag, line: index + 1), fence)
      }
    }
    if let current = open { blocks.append(current.block) }
    return blocks
  }

  /// The `console` blocks of a Markdown page, in order.
  static func transcripts(in text: String, page: String) -> [Transcript] {
    fencedBlocks(in: text).filter { $0.tag.first == "console" }.map { block in
      var transcript = Transcript(page: page, line: block.line)
      guard block.isClosed else {
        transcript.problem = "\(page):\(block.line): this block is never closed"
        return transcript
      }
      do throws(TranscriptError) {
        transcript.commands = try commands(block.lines)
      } catch {
        transcript.problem = "\(page):\(error.line): \(error.message)"
      }
      return transcript
    }
  }

  /// The commands of a block's lines, each with the output lines that follow it.
  static func commands(_ lines: [(number: Int, text: Substring)]) throws(TranscriptError) -> [Command] {
    var commands: [Command] = []
    var index = 0
    while index < lines.count {
      let start = lines[index].number
      guard lines[index].text.hasPrefix("$ ") else {
        throw TranscriptError(line: start, message: "output before the first command ('$ verdict …')")
      }
      var text = String(lines[index].text.dropFirst(2))
      index += 1
      while text.hasSuffix(" \\"), index < lines.count {
        text = String(text.dropLast()) + lines[index].text.drop { $0 == " " }
        index += 1
      }
      var output: [Substring] = []
      while index < lines.count, !lines[index].text.hasPrefix("$ ") {
        output.append(lines[index].text)
        index += 1
      }
      var status: Int32 = 0
      if let last = output.last, last.hasPrefix("[exit "), last.hasSuffix("]"),
        let number = Int32(last.dropFirst("[exit ".count).dropLast())
      {
        status = number
        output.removeLast()
      }
      var command = try parse(text, line: start)
      command.expected = output.map { $0 + "\n" }.joined()
      command.status = status
      commands.append(command)
    }
    return commands
  }

  /// A command line: `verdict`, its arguments and the redirections.
  static func parse(_ text: String, line: Int) throws(TranscriptError) -> Command {
    func failure(_ message: String) -> TranscriptError {
      TranscriptError(line: line, message: "\(message): $ \(text)")
    }
    var command = Command(line: line, text: text, arguments: [], expected: "", status: 0)
    var words = try Self.words(text, line: line)
    guard words.first?.text == "verdict", words.first?.quoted == false else {
      throw failure("a transcript runs only 'verdict' commands")
    }
    words.removeFirst()
    while let word = words.first {
      words.removeFirst()
      guard !word.quoted else {
        command.arguments.append(word.text)
        continue
      }
      switch word.text {
      case "<":
        guard let file = words.first else { throw failure("'<' needs a file") }
        words.removeFirst()
        command.standardInput = file.text
      case let redirect where redirect.hasPrefix("<"):
        command.standardInput = String(redirect.dropFirst())
      case ">/dev/null", "1>/dev/null":
        command.showsOutput = false
      case "2>/dev/null":
        command.showsErrors = false
      case let other where other.contains(where: { "<>|&;$`*?(){}".contains($0) }):
        throw failure("'\(other)' is shell syntax that transcripts do not run; only < FILE, >/dev/null, 2>/dev/null")
      default:
        command.arguments.append(word.text)
      }
    }
    return command
  }

  /// The words of a command line: split at spaces outside quotes, with quotes and backslashes
  /// removed. A word is `quoted` when any part of it was quoted, so it is never a redirection.
  static func words(_ text: String, line: Int) throws(TranscriptError) -> [(text: String, quoted: Bool)] {
    var words: [(text: String, quoted: Bool)] = []
    var current: (text: String, quoted: Bool)?
    var characters = text.makeIterator()
    while let character = characters.next() {
      switch character {
      case " ", "\t":
        if let word = current { words.append(word) }
        current = nil
      case "'", "\"":
        var word = current ?? ("", true)
        word.quoted = true
        var closed = false
        while let next = characters.next() {
          if next == character {
            closed = true
            break
          }
          if next == "\\", character == "\"", let escaped = characters.next() {
            word.text += "\"\\$`".contains(escaped) ? String(escaped) : "\\\(escaped)"
          } else {
            word.text.append(next)
          }
        }
        guard closed else { throw TranscriptError(line: line, message: "unclosed \(character) in $ \(text)") }
        current = word
      case "\\":
        var word = current ?? ("", true)
        word.quoted = true
        if let escaped = characters.next() { word.text.append(escaped) }
        current = word
      default:
        var word = current ?? ("", false)
        word.text.append(character)
        current = word
      }
    }
    if let word = current { words.append(word) }
    return words
  }

  // MARK: - The reader itself

  /// The reader follows the convention above: continuation lines, quotes, redirections, `[exit N]`.
  @Test func transcriptsAreReadAsDocumented() throws {
    let page = """
      Text.

      ```console
      $ verdict check 'my policy.verdict' \\
          --strict
      my policy.verdict: 1 warning

      [exit 1]
      $ verdict run p.verdict - --set "name=Café \\"M\\"" <data.csv 2>/dev/null
      ```

      ```sh
      $ verdict fmt p.verdict
      ```

      ~~~~console
      $ verdict run p.verdict data.csv | head
      ~~~~

      ```verdict p.verdict
      when x > 3 then recommend fire
      """
    let transcripts = Self.transcripts(in: page, page: "t.md")
    try #require(transcripts.count == 2)
    #expect(transcripts[0].line == 3)
    #expect(transcripts[0].problem == nil)
    let commands = transcripts[0].commands
    try #require(commands.count == 2)
    #expect(commands[0].line == 4)
    #expect(commands[0].arguments == ["check", "my policy.verdict", "--strict"])
    #expect(commands[0].expected == "my policy.verdict: 1 warning\n\n")
    #expect(commands[0].status == 1)
    #expect(commands[1].arguments == ["run", "p.verdict", "-", "--set", "name=Café \"M\""])
    #expect(commands[1].standardInput == "data.csv")
    #expect(commands[1].showsOutput && !commands[1].showsErrors)
    #expect(commands[1].expected == "")
    #expect(commands[1].status == 0)
    #expect(transcripts[1].line == 16)
    #expect(transcripts[1].problem?.hasPrefix("t.md:17: '|' is shell syntax") == true)
    let blocks = Self.fencedBlocks(in: page)
    #expect(blocks.map { $0.tag.joined(separator: " ") } == ["console", "sh", "console", "verdict p.verdict"])
    #expect(blocks.map(\.isClosed) == [true, true, true, false])
    #expect(blocks.last?.lines.map(\.text) == ["when x > 3 then recommend fire"])
  }
}
