@testable import Verdict

/// The tokens of a policy as symbols of `grammar/verdict.ebnf`, and what the grammar tests know
/// about its token rules: the meaning of its special sequences and the side conditions its
/// comments state.
///
/// A terminal of the grammar matches the tokens the lexer reads it as (`most-severe` is three,
/// written without space between them); a token rule matches one token of its kind whose text
/// derives from the rule, character by character.
struct GrammarTokens {
  let grammar: EBNFGrammar
  let tokens: [Token]
  let bytes: [UInt8]
  private let recognizer: EBNFRecognizer

  init(grammar: EBNFGrammar, tokens: [Token], bytes: [UInt8]) {
    self.grammar = grammar
    self.tokens = tokens
    self.bytes = bytes
    var terminals: [String: [TokenKind]] = [:]
    recognizer = EBNFRecognizer(grammar) { [tokens, bytes] term, position in
      switch term {
      case .terminal(let word):
        if terminals[word] == nil {
          terminals[word] = Lexer.tokenize(SourceFile(name: "", text: word)).tokens.dropLast().map(\.kind)
        }
        let wanted = terminals[word]!
        guard position + wanted.count <= tokens.count else { return [] }
        for (offset, kind) in wanted.enumerated() {
          let token = tokens[position + offset]
          guard token.kind == kind else { return [] }
          if offset > 0, tokens[position + offset - 1].range.end != token.range.start { return [] }
        }
        return [position + wanted.count]
      case .rule(let name) where EBNFSentences.isToken(name):
        guard position < tokens.count, Self.kind(tokens[position].kind, fits: name) == true else { return [] }
        let range = tokens[position].range
        let text = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
        return EBNFRecognizer.spells(text, as: name, in: grammar, specials: Self.matches) ? [position + 1] : []
      case .special:
        return []
      case .rule, .sequence, .choice, .optional, .repetition:
        return nil
      }
    }
  }

  /// Whether all the tokens derive from the rule `start`.
  func derives(_ start: String) -> Bool { recognizer.derives(start, count: tokens.count) }

  /// The line of the first token after the longest start of the tokens that derives from `start`.
  func lineDerivedTo(_ start: String) -> Int {
    let furthest = recognizer.ends(of: .rule(start), from: 0).max() ?? 0
    let offset = furthest < tokens.count ? tokens[furthest].range.start : bytes.count
    return bytes[..<offset].filter { $0 == UInt8(ascii: "\n") }.count + 1
  }

  /// The token rules used in the grammar that ``kind(_:fits:)`` does not know.
  var unknownTokenRules: [String] {
    grammar.reachable(from: "policy").filter { EBNFSentences.isToken($0) && Self.kind(.endOfFile, fits: $0) == nil }
      .sorted()
  }

  /// Whether a token of `kind` can be the token rule `name`; `nil` for a rule this does not know.
  static func kind(_ kind: TokenKind, fits name: String) -> Bool? {
    switch (name, kind) {
    case ("IDENT", .identifier), ("CURRENCY_CODE", .identifier), ("NUMBER", .number), ("DURATION", .duration),
      ("PERCENT", .percent), ("MONEY", .money), ("DATE", .date), ("STRING", .string):
      true
    case ("IDENT", _), ("CURRENCY_CODE", _), ("NUMBER", _), ("DURATION", _), ("PERCENT", _), ("MONEY", _),
      ("DATE", _), ("STRING", _):
      false
    default: nil
    }
  }

  // MARK: - Special sequences

  static let letter = "a-z, A-Z, _ or a non-ASCII alphabetic character"
  static let mark = "a combining mark, such as the diaeresis of an ä written as a and U+0308"
  static let upper = "A-Z"
  static let character = "any character but '\"' and the backslash"

  /// Whether a character is one of each special sequence.
  static var matches: [String: (Character) -> Bool] {
    [
      letter: {
        $0 == "_" || ($0.isASCII && $0.isLetter)
          || (!$0.isASCII && $0.unicodeScalars.allSatisfy(\.properties.isAlphabetic))
      },
      mark: { character in
        character.unicodeScalars.allSatisfy { scalar in
          [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
        }
      },
      upper: { $0.isASCII && $0.isUppercase },
      character: { $0 != "\"" && $0 != "\\" },
    ]
  }

  /// A character of each special sequence, at random.
  static var make: [String: (inout SeededRandom) -> Character] {
    [
      letter: { $0.element(of: Array("abcxyzABCXYZ_qrsklm") + ["é", "ß", "Ж", "名"]) },
      mark: { $0.element(of: ["\u{0308}", "\u{0301}", "\u{0327}"]) },
      upper: { $0.element(of: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) },
      character: { $0.element(of: Array("ab AZ09,;:!?#'(){}[]<>=+-*/%€$£.\n\t") + ["é", "🙂"]) },
    ]
  }

  // MARK: - Side conditions

  /// The words the grammar uses as terminals between tokens (reserved or contextual): a
  /// generated name is none of them.
  static func words(of grammar: EBNFGrammar) -> Set<String> {
    var words: Set<String> = []
    for name in grammar.reachable(from: "policy") where !EBNFSentences.isToken(name) {
      collectWords(grammar.rules[name]!, into: &words)
    }
    return words
  }

  private static func collectWords(_ term: EBNFGrammar.Term, into words: inout Set<String>) {
    switch term {
    case .terminal(let word): if word.first?.isLetter == true { words.insert(word) }
    case .rule, .special: break
    case .sequence(let terms), .choice(let terms): for term in terms { collectWords(term, into: &words) }
    case .optional(let term), .repetition(let term): collectWords(term, into: &words)
    }
  }

  /// The side conditions of the token rules, as the grammar's comments state them.
  static func acceptance(avoiding words: Set<String>) -> [String: (String) -> Bool] {
    let reserved = Set(Keyword.allCases.map(\.rawValue))
    return [
      "IDENT": { !reserved.contains($0) && !words.contains($0) },
      "NUMBER": { isNumber($0) },
      "PERCENT": { isNumber(String($0.dropLast())) },
      "DURATION": { text in
        let number = String(text.prefix { $0.isNumber || $0 == "_" || $0 == "." })
        let units = ["s": 1, "min": 60, "h": 3600, "d": 86400, "w": 604_800, "mo": 2_592_000, "y": 31_536_000]
        guard isNumber(number), let unit = units[String(text.dropFirst(number.count))] else { return false }
        return isWhole(number, times: unit)
      },
      "MONEY": { text in
        let number = String(text.filter { $0.isNumber || $0 == "_" || $0 == "." })
        return isNumber(number) && (number.split(separator: ".").dropFirst().first?.count ?? 0) <= 4
      },
      "DATE": { text in
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, parts[0] >= 1, (1...12).contains(parts[1]), parts[2] >= 1 else { return false }
        let leap = parts[0] % 4 == 0 && (parts[0] % 100 != 0 || parts[0] % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return parts[2] <= days[parts[1] - 1]
      },
      "STRING": { text in
        text.components(separatedBy: "\\u{").dropFirst().allSatisfy { escape in
          let hex = escape.prefix { $0 != "}" }
          return hex.count <= 8 && UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) != nil
        }
      },
    ]
  }

  /// No leading zero (`0.5` is fine, `01` is not), at most 28 digits.
  static func isNumber(_ text: String) -> Bool {
    let digits = text.filter { $0 != "_" }
    let whole = digits.prefix { $0 != "." }
    return !(whole.count > 1 && whole.first == "0") && digits.filter(\.isNumber).count <= 28
  }

  /// Whether the decimal `number` times `factor` is a whole number.
  static func isWhole(_ number: String, times factor: Int) -> Bool {
    let digits = number.filter { $0 != "_" }
    let fraction = digits.split(separator: ".").dropFirst().first ?? ""
    guard let mantissa = Int(digits.filter(\.isNumber)) else { return false }
    let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
    var divisor = 1
    for _ in 0..<fraction.count { divisor *= 10 }
    return !overflow && product % divisor == 0
  }
}
