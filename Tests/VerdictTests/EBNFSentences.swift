/// Random sentences of an ``EBNFGrammar``, reproducible from a seed.
///
/// Rules named in capitals are tokens: they are written character by character (their special
/// sequences by ``specials``) and must pass ``accepts`` for their name, the side conditions the
/// grammar states in comments (no leading zero, a real date, …); a token that fails is made
/// again. Other rules are written token by token, a space between tokens, or the text
/// ``layout`` gives for the rule before it (a line break before each statement).
///
/// Each rule expansion is a level; past ``depthLimit`` levels a choice takes its shortest way
/// out, an option is left out and a repetition is empty, so every sentence is finite.
struct EBNFSentences {
  let grammar: EBNFGrammar
  /// A character for each special sequence, by its text.
  var specials: [String: (inout SeededRandom) -> Character]
  /// Whether a token's text is one the lexer reads as that token, by the token rule's name.
  var accepts: [String: (String) -> Bool]
  /// What stands before a rule's text instead of a space.
  var layout: [String: String] = [:]
  var depthLimit = 24
  var random: SeededRandom
  /// The rules written so far.
  private(set) var expanded: Set<String> = []
  /// The fewest levels each rule needs to end.
  private let cost: [String: Int]

  init(
    _ grammar: EBNFGrammar, seed: UInt64, specials: [String: (inout SeededRandom) -> Character],
    accepts: [String: (String) -> Bool]
  ) {
    self.grammar = grammar
    self.specials = specials
    self.accepts = accepts
    random = SeededRandom(state: seed)
    var cost: [String: Int] = [:]
    var changed = true
    while changed {
      changed = false
      for name in grammar.names {
        guard let term = grammar.rules[name], let found = Self.cost(of: term, given: cost) else { continue }
        if found + 1 < cost[name] ?? .max {
          cost[name] = found + 1
          changed = true
        }
      }
    }
    self.cost = cost
  }

  /// The fewest levels `term` needs, if known yet.
  private static func cost(of term: EBNFGrammar.Term, given known: [String: Int]) -> Int? {
    switch term {
    case .terminal, .special, .optional, .repetition: 0
    case .rule(let name): known[name]
    case .sequence(let terms):
      terms.reduce(Optional(0)) { total, term in total.flatMap { a in cost(of: term, given: known).map { max(a, $0) } }
      }
    case .choice(let terms): terms.compactMap { cost(of: $0, given: known) }.min()
    }
  }

  /// Whether `name` is a token rule.
  static func isToken(_ name: String) -> Bool { name.allSatisfy { $0.isUppercase || $0 == "_" } }

  /// One sentence derived from `start`.
  mutating func sentence(from start: String) -> String {
    var text = ""
    var pendingSeparator = ""
    write(.rule(start), depth: 0, into: &text, separator: &pendingSeparator)
    return text
  }

  /// Writes `term` token by token.
  private mutating func write(_ term: EBNFGrammar.Term, depth: Int, into text: inout String, separator: inout String) {
    switch term {
    case .terminal(let word):
      text += separator + word
      separator = " "
    case .special(let description):
      preconditionFailure("special sequence ? \(description) ? outside a token")
    case .rule(let name) where Self.isToken(name):
      expanded.insert(name)
      text += separator + token(name)
      separator = " "
    case .rule(let name):
      expanded.insert(name)
      if let before = layout[name], !text.isEmpty { separator = before }
      guard let rule = grammar.rules[name] else { preconditionFailure("no rule '\(name)'") }
      write(rule, depth: depth + 1, into: &text, separator: &separator)
    case .sequence(let terms):
      for term in terms { write(term, depth: depth, into: &text, separator: &separator) }
    case .choice(let terms):
      write(pick(terms, depth: depth), depth: depth, into: &text, separator: &separator)
    case .optional(let term):
      if depth < depthLimit, random.chance(0.5) { write(term, depth: depth, into: &text, separator: &separator) }
    case .repetition(let term):
      for _ in 0..<repeats(depth: depth) { write(term, depth: depth, into: &text, separator: &separator) }
    }
  }

  /// A token's text, made again until the lexer would read it as that token.
  private mutating func token(_ name: String) -> String {
    guard let rule = grammar.rules[name] else { preconditionFailure("no rule '\(name)'") }
    for _ in 0..<1000 {
      var text = ""
      spell(rule, depth: 0, into: &text)
      if accepts[name]?(text) ?? true { return text }
    }
    preconditionFailure("no acceptable \(name) in 1000 tries")
  }

  /// Writes `term` character by character.
  private mutating func spell(_ term: EBNFGrammar.Term, depth: Int, into text: inout String) {
    switch term {
    case .terminal(let characters): text += characters
    case .special(let description):
      guard let character = specials[description] else { preconditionFailure("no meaning for ? \(description) ?") }
      text.append(character(&random))
    case .rule(let name):
      expanded.insert(name)
      guard let rule = grammar.rules[name] else { preconditionFailure("no rule '\(name)'") }
      spell(rule, depth: depth + 1, into: &text)
    case .sequence(let terms): for term in terms { spell(term, depth: depth, into: &text) }
    case .choice(let terms): spell(pick(terms, depth: depth), depth: depth, into: &text)
    case .optional(let term): if random.chance(0.5) { spell(term, depth: depth, into: &text) }
    case .repetition(let term): for _ in 0..<repeats(depth: depth) { spell(term, depth: depth, into: &text) }
    }
  }

  /// Any alternative, or past the depth limit one of the cheapest.
  private mutating func pick(_ terms: [EBNFGrammar.Term], depth: Int) -> EBNFGrammar.Term {
    guard depth >= depthLimit else { return terms[random.below(terms.count)] }
    let costs = terms.map { Self.cost(of: $0, given: cost) ?? .max }
    let cheapest = terms.indices.filter { costs[$0] == costs.min() }
    return terms[cheapest[random.below(cheapest.count)]]
  }

  /// How many times a repetition repeats: 1 to 5 at the top (the statements of a policy), none
  /// past the depth limit, else 0 to 3, fewer likelier.
  private mutating func repeats(depth: Int) -> Int {
    guard depth > 1 else { return 1 + random.below(5) }
    guard depth < depthLimit else { return 0 }
    var count = 0
    while count < 3, random.chance(0.3) { count += 1 }
    return count
  }
}

extension SeededRandom {
  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// `true` with the given probability.
  mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }

  /// One of `elements`.
  mutating func element<T>(of elements: [T]) -> T { elements[below(elements.count)] }
}
