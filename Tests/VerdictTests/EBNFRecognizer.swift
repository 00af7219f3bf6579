/// Whether an input derives from a rule of an ``EBNFGrammar``: every position a term can end at
/// when it starts at a given one, worked out rule by rule and remembered, so that each rule is
/// tried at each position once. The input is a sequence of symbols (characters, or tokens),
/// matched at the leaves by ``leaf``: it gives the ends of a terminal or special sequence, or of a
/// rule it matches whole (a token rule, for a sequence of tokens), and `nil` for a rule to expand.
///
/// The grammar must not be left-recursive (a rule that can reach itself without consuming
/// input finds no ends that way); the Verdict grammar is not.
final class EBNFRecognizer {
  let grammar: EBNFGrammar
  let leaf: (EBNFGrammar.Term, Int) -> Set<Int>?
  private var known: [String: [Int: Set<Int>]] = [:]
  private var open: Set<String> = []

  init(_ grammar: EBNFGrammar, leaf: @escaping (EBNFGrammar.Term, Int) -> Set<Int>?) {
    self.grammar = grammar
    self.leaf = leaf
  }

  /// Whether the whole input, `count` symbols, derives from the rule `start`.
  func derives(_ start: String, count: Int) -> Bool {
    ends(of: .rule(start), from: 0).contains(count)
  }

  /// Where `term` can end when it starts at `position`.
  func ends(of term: EBNFGrammar.Term, from position: Int) -> Set<Int> {
    if let matched = leaf(term, position) { return matched }
    switch term {
    case .terminal, .special:
      return []
    case .rule(let name):
      if let found = known[name]?[position] { return found }
      let key = "\(name)@\(position)"
      guard let rule = grammar.rules[name], open.insert(key).inserted else { return [] }
      let found = ends(of: rule, from: position)
      open.remove(key)
      known[name, default: [:]][position] = found
      return found
    case .sequence(let terms):
      return terms.reduce([position]) { starts, term in
        starts.reduce(into: Set<Int>()) { $0.formUnion(ends(of: term, from: $1)) }
      }
    case .choice(let terms):
      return terms.reduce(into: Set<Int>()) { $0.formUnion(ends(of: $1, from: position)) }
    case .optional(let term):
      return ends(of: term, from: position).union([position])
    case .repetition(let term):
      var all: Set<Int> = [position]
      var frontier: Set<Int> = [position]
      while !frontier.isEmpty {
        let next = frontier.reduce(into: Set<Int>()) { $0.formUnion(ends(of: term, from: $1)) }.subtracting(all)
        all.formUnion(next)
        frontier = next
      }
      return all
    }
  }

  /// Whether `text` derives from the rule `name`, character by character; special sequences
  /// match one character each, by `specials`.
  static func spells(
    _ text: String, as name: String, in grammar: EBNFGrammar, specials: [String: (Character) -> Bool]
  ) -> Bool {
    let characters = Array(text)
    let recognizer = EBNFRecognizer(grammar) { term, position in
      switch term {
      case .terminal(let word):
        let wanted = Array(word)
        return characters[position...].starts(with: wanted) ? [position + wanted.count] : []
      case .special(let description):
        guard position < characters.count, specials[description]?(characters[position]) == true else { return [] }
        return [position + 1]
      case .rule, .sequence, .choice, .optional, .repetition:
        return nil
      }
    }
    return recognizer.derives(name, count: characters.count)
  }
}
