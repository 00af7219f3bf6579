import Foundation
import XCTest

@testable import Verdict

/// `grammar/verdict.ebnf` is kept true to the parser both ways:
///
/// - sentences generated from the grammar (2000, seeded, each rule expansion a level and at most
///   24 levels deep, every rule used) parse without a syntax error (type and name errors, which the checker finds,
///   do not matter here). Tokens are made from the grammar's token rules and kept only when they
///   meet the side conditions its comments state; names avoid every word the grammar uses;
///   a line break comes before each statement, and a table's members are indented under it;
/// - every policy example (the `verdict` blocks of `docs/**/*.md` and `README.md`, the `.verdict`
///   files under `grammar/`, `docs/` and `rules/` but those in a `mistakes` folder, and the
///   `_test.verdict` files of examples) derives from `policy`: its tokens, as the lexer reads
///   them, are a sentence of the grammar, and each token's text derives from its token rule (the
///   words that are terminals match identifiers of that text). Not checked this way: the layout
///   of a table's members, and the side conditions in comments. The `format` texts of the examples
///   derive from `date_pattern`.
final class GrammarFileTests: XCTestCase {
  static let grammarURL = GrammarExamplesTests.repository.appendingPathComponent("grammar/verdict.ebnf")

  static func grammar() throws -> EBNFGrammar {
    try EBNFGrammar(parsing: String(decoding: try Data(contentsOf: grammarURL), as: UTF8.self))
  }

  func testEveryRuleIsDefinedAndReachable() throws {
    let grammar = try Self.grammar()
    for name in grammar.names {
      for reference in EBNFGrammar.references(in: grammar.rules[name]!) {
        XCTAssertNotNil(grammar.rules[reference], "'\(name)' uses '\(reference)', which is not defined")
      }
    }
    // date_pattern is the text of a STRING after 'format', as its comment says.
    let reachable = grammar.reachable(from: "policy").union(grammar.reachable(from: "date_pattern"))
    XCTAssertEqual(Set(grammar.names).subtracting(reachable), [], "rules nothing uses")
  }

  func testTheReservedWordsAreTheLexersKeywords() throws {
    let text = String(decoding: try Data(contentsOf: Self.grammarURL), as: UTF8.self)
    let start = try XCTUnwrap(text.range(of: "Reserved words:"))
    let end = try XCTUnwrap(text.range(of: ".", range: start.upperBound..<text.endIndex))
    let listed = text[start.upperBound..<end.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init)
    XCTAssertEqual(Set(listed), Set(Keyword.allCases.map(\.rawValue)))
    XCTAssertEqual(listed.count, Keyword.allCases.count)
  }

  func testGeneratedSentencesParse() throws {
    let grammar = try Self.grammar()
    var sentences = EBNFSentences(grammar, seed: 20_261_205, specials: GrammarTokens.make, accepts: [:])
    sentences.accepts = GrammarTokens.acceptance(avoiding: GrammarTokens.words(of: grammar))
    sentences.layout = ["statement": "\n", "table_member": "\n  "]
    var failures: [String] = []
    var lengths = 0
    for _ in 0..<2000 {
      let text = sentences.sentence(from: "policy")
      lengths += text.utf8.count
      let source = SourceFile(name: "generated", text: text)
      let errors = Parser.parse(source).diagnostics.filter { $0.severity == .error }
      if !errors.isEmpty, failures.count < 5 {
        failures.append(text + "\n" + DiagnosticRenderer().render(errors, in: source))
      }
    }
    XCTAssertEqual(failures, [], "generated sentences the parser refuses")
    // Not only empty policies: the sentences have some length.
    XCTAssertGreaterThan(lengths / 2000, 60)
    let unused = grammar.reachable(from: "policy").subtracting(sentences.expanded)
    XCTAssertEqual(unused, [], "rules no sentence used")
  }

  func testEveryExampleDerivesFromTheGrammar() throws {
    let grammar = try Self.grammar()
    let examples =
      try GrammarExamplesTests.markdownExamples().filter { !$0.mustFail }
      + GrammarExamplesTests.policyFileExamples().filter { !$0.mustFail } + Self.testFileExamples()
    XCTAssertGreaterThan(examples.count, 40, "found only \(examples.count) examples")
    var formats = 0
    for example in examples {
      let source = SourceFile(name: example.path, text: example.text)
      let lexed = Lexer.tokenize(source)
      XCTAssertEqual(lexed.diagnostics.map(\.message), [], "\(example.path):\(example.line)")
      let tokens = Array(lexed.tokens.dropLast())
      let sentence = GrammarTokens(grammar: grammar, tokens: tokens, bytes: source.bytes)
      if let unknown = sentence.unknownTokenRules.first { XCTFail("the test does not know the token rule \(unknown)") }
      XCTAssertTrue(
        sentence.derives("policy"),
        "\(example.path):\(example.line) does not derive from the grammar; "
          + "it derives up to line \(sentence.lineDerivedTo("policy"))")
      for (index, token) in tokens.enumerated() where token.kind == .identifier("format") && index + 1 < tokens.count {
        guard case .string(let pattern) = tokens[index + 1].kind else { continue }
        formats += 1
        XCTAssertTrue(
          EBNFRecognizer.spells(pattern, as: "date_pattern", in: grammar, specials: GrammarTokens.matches),
          "\(example.path): format \"\(pattern)\" is no date_pattern")
      }
    }
    XCTAssertGreaterThan(formats, 0, "no example has a date format")
  }

  /// The checker's errors for a word where the grammar lists the words allowed (a type, a unit, a
  /// currency, a strategy): the parser reads any name there.
  static let wordChecks: Set = ["unknown-type", "unknown-unit", "unknown-currency", "unknown-strategy"]

  /// The policies of `Tests/Spec` that parse, as `SpecRunner` builds them, derive from the
  /// grammar too (but for a word ``wordChecks`` refuses): several hundred small policies written
  /// to probe the language's corners.
  func testEverySpecPolicyThatParsesDerivesFromTheGrammar() throws {
    let grammar = try Self.grammar()
    let folder = GrammarExamplesTests.repository.appendingPathComponent("Tests/Spec")
    var checked = 0
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".csv") {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let records = try SpecCSV.parse(text)
      guard let header = records.first?.fields else { continue }
      for record in records.dropFirst() {
        guard let spec = SpecCase(record.fields, header: header) else { continue }
        let probe = "when result is present then recommend keep"
        let policy =
          switch spec.kind {
          case "expr": "let result =\n\(spec.input)\n\(probe)"
          case "value": "\(spec.input)\n\(probe)"
          default: spec.input
          }
        let source = SourceFile(name: file, text: policy)
        guard !Parser.parse(source).diagnostics.containsErrors else { continue }
        checked += 1
        let tokens = Array(Lexer.tokenize(source).tokens.dropLast())
        guard !GrammarTokens(grammar: grammar, tokens: tokens, bytes: source.bytes).derives("policy") else { continue }
        let codes = Set(Policy.compile(source).diagnostics.map(\.code))
        XCTAssertFalse(
          codes.isDisjoint(with: Self.wordChecks),
          "\(file):\(record.line) \(spec.name): parses, but does not derive from the grammar:\n\(policy)")
      }
    }
    XCTAssertGreaterThan(checked, 300)
  }

  /// The `_test.verdict` files under `docs/` and `rules/`, which hold examples only.
  static func testFileExamples() -> [GrammarExamplesTests.Example] {
    ["docs", "rules"].flatMap { GrammarExamplesTests.files(under: $0, extension: "verdict") }
      .filter { $0.lastPathComponent.hasSuffix("_test.verdict") }
      .map { file in
        GrammarExamplesTests.Example(
          path: GrammarExamplesTests.relativePath(file),
          text: String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self), mustFail: false)
      }
  }

  // MARK: - The tools themselves

  func testTheReaderReadsTheISOForms() throws {
    let grammar = try EBNFGrammar(
      parsing: """
        (* a (* nested *) comment *)
        s = "a" , [ 'b' ] , { c | ( "d" , "e" ) } ;
        c = ? x ? ;
        """)
    XCTAssertEqual(grammar.names, ["s", "c"])
    XCTAssertEqual(
      grammar.rules["s"],
      .sequence([
        .terminal("a"), .optional(.terminal("b")),
        .repetition(.choice([.rule("c"), .sequence([.terminal("d"), .terminal("e")])])),
      ]))
    XCTAssertEqual(grammar.rules["c"], .special("x"))
    XCTAssertThrowsError(try EBNFGrammar(parsing: "s = \"a\" ;\ns = \"b\" ;")) {
      XCTAssertEqual("\($0)", "grammar/verdict.ebnf:2:1: 's' is defined twice")
    }
    XCTAssertThrowsError(try EBNFGrammar(parsing: "s = \"a\" - \"b\" ;"))
    XCTAssertThrowsError(try EBNFGrammar(parsing: "(* open\ns = \"a\" ;"))
  }

  func testTheRecognizerRefusesWhatDoesNotDerive() throws {
    let grammar = try Self.grammar()
    let derives = { (text: String) -> Bool in
      let source = SourceFile(name: "t", text: text)
      let tokens = Array(Lexer.tokenize(source).tokens.dropLast())
      return GrammarTokens(grammar: grammar, tokens: tokens, bytes: source.bytes).derives("policy")
    }
    XCTAssertTrue(derives("field x: number\nwhen x > 1 and not (x in [1, 2]) then recommend fire notice 30d"))
    XCTAssertTrue(derives("strategy most-severe"))
    XCTAssertFalse(derives("strategy most - severe"), "the hyphenated word is written without spaces")
    XCTAssertFalse(derives("when x > 1 then"))
    XCTAssertFalse(derives("when x < 1 < 2 then recommend fire"), "comparisons do not chain")
    XCTAssertFalse(derives("field x number"))
    XCTAssertTrue(EBNFRecognizer.spells("D.M.YYYY", as: "date_pattern", in: grammar, specials: GrammarTokens.matches))
    XCTAssertFalse(EBNFRecognizer.spells("D.M.Y", as: "date_pattern", in: grammar, specials: GrammarTokens.matches))
    // Every pattern the grammar spells is one the checker takes, and the other way round.
    for pattern in ["DD-MMM-YY", "D MMMM YYYY", "DDMMMYYYY", "YYYY/MMM/D", "MMMDDYY", "DMMMYYYY", "MMMMM-D-YY"] {
      XCTAssertEqual(
        EBNFRecognizer.spells(pattern, as: "date_pattern", in: grammar, specials: GrammarTokens.matches),
        DateFormat(pattern: pattern) != nil, pattern)
    }
  }

  func testTheSentencesAreTheSameForTheSameSeed() throws {
    let grammar = try Self.grammar()
    let make = { (seed: UInt64) -> [String] in
      var sentences = EBNFSentences(grammar, seed: seed, specials: GrammarTokens.make, accepts: [:])
      return (0..<20).map { _ in sentences.sentence(from: "policy") }
    }
    XCTAssertEqual(make(7), make(7))
    XCTAssertNotEqual(make(7), make(8))
  }
}
