import Foundation
import Verdict
import XCTest

/// Every policy example the project shows its users must be true to the implementation:
///
/// - each fenced block tagged ```` ```verdict ```` in `docs/*.md` and `README.md` compiles without
///   errors, and so does every `.verdict` file under `grammar/`, `docs/` and `rules/`, except
///   those in a folder named `mistakes` (the policies `docs/check.md` shows errors for), which
///   must fail to compile, and the `_test.verdict` files of examples, which are not policies
///   (`RulesTests` and `DocsExamplesTests` run them against their policies);
/// - each block tagged ```` ```verdict-error ```` fails to compile. A second word in its tag names
///   the diagnostic it must produce: ```` ```verdict-error type-mismatch ````;
/// - each block tagged ```` ```verdict-warning ```` followed by warning codes compiles, with a
///   warning of each code: ```` ```verdict-warning unused-field unused-let ````.
final class GrammarExamplesTests: XCTestCase {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// An example policy and where it was found.
  struct Example {
    /// The file, `docs/language.md` or `rules/firing.verdict`.
    var path: String
    /// The line the example starts on (1 for a policy file).
    var line = 1
    var text: String
    var mustFail: Bool
    /// The diagnostic code a failing example must produce, if its tag names one.
    var expectedCode: String?
    /// The codes of the warnings a `verdict-warning` example must produce.
    var expectedWarnings: [String] = []
  }

  func testEveryExampleCompilesOrFailsAsTagged() throws {
    let examples = try Self.markdownExamples() + Self.policyFileExamples()
    XCTAssertGreaterThanOrEqual(
      examples.count, 10, "found only \(examples.count) policy examples; is the repository layout as expected?")
    XCTAssertTrue(examples.contains { $0.mustFail }, "no ```verdict-error examples found")
    for example in examples {
      // The source is named after the file: a block's text is padded to the file's line numbers.
      let source = SourceFile(name: example.path, text: example.text)
      let location = "\(example.path):\(example.line)"
      let (policy, diagnostics) = Policy.compile(source)
      let rendered = DiagnosticRenderer().render(diagnostics, in: source)
      if example.mustFail {
        XCTAssertTrue(policy == nil, "\(location): this verdict-error example compiles, but it should show an error")
        if let code = example.expectedCode, policy == nil {
          let codes = diagnostics.filter { $0.severity == .error }.map(\.code)
          XCTAssertTrue(codes.contains(code), "\(location): expected error '\(code)', got \(codes):\n\(rendered)")
        }
      } else {
        XCTAssertTrue(policy != nil, "\(location): this example does not compile:\n\(rendered)")
        let warnings = Set(diagnostics.filter { $0.severity == .warning }.map(\.code))
        for code in example.expectedWarnings where !warnings.contains(code) {
          XCTFail("\(location): expected warning '\(code)', got \(warnings.sorted()):\n\(rendered)")
        }
      }
    }
  }

  // MARK: - Finding the examples

  /// The fenced `verdict`, `verdict-error` and `verdict-warning` blocks of `docs/**/*.md` and
  /// `README.md`.
  static func markdownExamples() throws -> [Example] {
    var files = files(under: "docs", extension: "md")
    let readme = repository.appendingPathComponent("README.md")
    if FileManager.default.fileExists(atPath: readme.path) { files.append(readme) }
    var examples: [Example] = []
    for file in files {
      let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
      examples += try fencedExamples(in: text, path: relativePath(file))
    }
    return examples
  }

  /// Every `.verdict` file under `grammar/`, `docs/` and `rules/` but test files; those in a
  /// `mistakes` folder must fail.
  static func policyFileExamples() throws -> [Example] {
    try ["grammar", "docs", "rules"].flatMap { files(under: $0, extension: "verdict") }
      .filter { !$0.lastPathComponent.hasSuffix("_test.verdict") }
      .map { file in
        Example(
          path: relativePath(file), text: String(decoding: try Data(contentsOf: file), as: UTF8.self),
          mustFail: file.deletingLastPathComponent().lastPathComponent == "mistakes")
      }
  }

  /// The blocks tagged `verdict`, `verdict-error` or `verdict-warning` in a Markdown text. A block's text is preceded
  /// by blank lines so that diagnostics give the line numbers of the Markdown file.
  static func fencedExamples(in text: String, path: String) throws -> [Example] {
    struct OpenFence {
      var marker: Character
      var length: Int
      var line: Int
      var tag: [Substring]
      var lines: [Substring] = []
    }
    var examples: [Example] = []
    var open: OpenFence?
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " }
      let indent = line.count - trimmed.count
      let marker = trimmed.first
      let run = trimmed.prefix { $0 == marker }
      let isFence = indent <= 3 && (marker == "`" || marker == "~") && run.count >= 3
      if var fence = open {
        if isFence, marker == fence.marker, run.count >= fence.length,
          trimmed.dropFirst(run.count).allSatisfy(\.isWhitespace)
        {
          // A block named after a test file (```verdict late-payers_test.verdict) shows examples,
          // not a policy; the docs test checks it against the file.
          let isTestFile = fence.tag.dropFirst().first?.hasSuffix("_test.verdict") ?? false
          if let kind = fence.tag.first, ["verdict", "verdict-error", "verdict-warning"].contains(kind), !isTestFile {
            let padding = String(repeating: "\n", count: fence.line)
            let codes = fence.tag.dropFirst().map(String.init)
            examples.append(
              Example(
                path: path, line: fence.line + 1, text: padding + fence.lines.joined(separator: "\n"),
                mustFail: kind == "verdict-error", expectedCode: kind == "verdict-error" ? codes.first : nil,
                expectedWarnings: kind == "verdict-warning" ? codes : []))
          }
          open = nil
        } else {
          fence.lines.append(line)
          open = fence
        }
      } else if isFence, let marker {
        let tag = trimmed.dropFirst(run.count).split(whereSeparator: \.isWhitespace)
        open = OpenFence(marker: marker, length: run.count, line: index + 1, tag: tag)
      }
    }
    if let fence = open {
      XCTFail("\(path):\(fence.line): this code block is never closed")
    }
    return examples
  }

  static func files(under folder: String, extension wanted: String) -> [URL] {
    let root = repository.appendingPathComponent(folder)
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(".\(wanted)") }
      .sorted { $0.path < $1.path }
  }

  static func relativePath(_ url: URL) -> String {
    let root = repository.standardizedFileURL.path
    let path = url.standardizedFileURL.path
    return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  // MARK: - The finder itself

  func testFencedBlocksAreFoundWithTheirTagsAndLines() throws {
    let markdown = """
      Text.

      ```verdict
      when x > 3 then recommend fire
      ```

      ~~~ verdict-error type-mismatch
      when x > 3d and x > 3 then recommend fire
      ~~~

      ```verdict-warning unused-field unused-let
      field y: number
      ```

      ```swift
      let x = 1
      ```

      ````verdict
      ```
      ````
      """
    let examples = try Self.fencedExamples(in: markdown, path: "t.md")
    XCTAssertEqual(examples.map(\.line), [4, 8, 12, 20])
    XCTAssertEqual(examples.map(\.mustFail), [false, true, false, false])
    XCTAssertEqual(examples.map(\.expectedCode), [nil, "type-mismatch", nil, nil])
    XCTAssertEqual(examples.map(\.expectedWarnings), [[], [], ["unused-field", "unused-let"], []])
    XCTAssertEqual(examples[0].text, "\n\n\nwhen x > 3 then recommend fire")
    XCTAssertEqual(examples[3].text.trimmingCharacters(in: .newlines), "```")
  }
}
