extension Suggestion {
  /// Names made ready once for many ``closest(to:)`` questions: the checker asks, for every name
  /// that is not a let, which let it is close to, and a policy may have thousands of both.
  ///
  /// Each name is kept lowercased as characters (what the distance compares) with a count of its
  /// characters in 64 bins. Every edit changes those counts by at most two in all (a substitution
  /// moves one character out of a bin and one into another; an insertion or a deletion changes
  /// one bin; a swap none), so half the difference of two names' counts is a lower bound of their
  /// distance: most names are set aside on it without filling a table.
  package struct Vocabulary {
    /// The names, as given.
    let names: [String]
    /// Each name's length in characters, lowercased characters, and bin counts (``bins`` apiece,
    /// each at most 65,535: counts cut alike differ less, so half their difference is still a
    /// lower bound).
    private let lengths: [Int]
    private let lowercased: [[Character]]
    private let counts: [UInt16]
    private static let bins = 64
    /// The names' lengths added up, each at most the longest a word's near name may be: what
    /// comparing a word of one character with every name costs at the most.
    private let reachableLength: Int

    /// Names to choose from; of equally near ones, the first is suggested.
    package init(_ names: some Sequence<String>) {
      self.names = Array(names)
      lengths = self.names.map(\.count)
      lowercased = self.names.map { Array($0.lowercased()) }
      counts = lowercased.flatMap(Self.count)
      reachableLength = Suggestion.reachableLength(lengths)
    }

    /// The name nearest to `word` by edit distance, if it is near enough to be a likely typo (at
    /// most a third of the word's characters, and at least one); of equally near ones, the first.
    package func closest(to word: String) -> String? {
      let length = word.count
      guard length <= Suggestion.longestWord else { return nil }
      let limit = Suggestion.limit(length)
      let characters = Array(word.lowercased())
      let wordCounts = Self.count(characters)
      var best: (index: Int, distance: Int)?
      for index in names.indices where abs(lengths[index] - length) <= limit {
        // Only a name nearer than the nearest so far can take its place.
        let wanted = min(limit, (best?.distance ?? limit + 1) - 1)
        guard wanted >= 0, lowerBound(index, wordCounts) <= wanted, names[index] != word else { continue }
        let distance = editDistance(characters, lowercased[index], limit: wanted)
        if distance <= wanted { best = (index, distance) }
      }
      return best.map { names[$0.index] }
    }

    /// ``closest(to:)`` paid for from `budget`, the most the distances to every name could cost:
    /// `nil`, and nothing compared, when what is left of it does not cover that.
    package func closest(to word: String, within budget: inout Budget) -> String? {
      let length = word.count
      guard length <= Suggestion.longestWord, budget.spend(length * reachableLength) else { return nil }
      return closest(to: word)
    }

    /// Half the difference of the bin counts of name `index` and of a word, rounded up.
    private func lowerBound(_ index: Int, _ wordCounts: [UInt16]) -> Int {
      // Through pointers, the fixed loop compiles to a few vector instructions.
      counts.withUnsafeBufferPointer { counts in
        wordCounts.withUnsafeBufferPointer { word in
          let name = counts.baseAddress! + index * Self.bins
          var difference = 0
          for bin in 0..<Self.bins { difference &+= abs(Int(name[bin]) &- Int(word[bin])) }
          return (difference + 1) / 2
        }
      }
    }

    /// The bin counts of `characters`. A character's bin comes from its hash, which equal
    /// characters share however their scalars are composed (`é` and `e` + U+0301).
    private static func count(_ characters: [Character]) -> [UInt16] {
      var counts = [UInt16](repeating: 0, count: bins)
      for character in characters {
        let bin = Int(UInt(bitPattern: character.hashValue) % UInt(bins))
        if counts[bin] < .max { counts[bin] += 1 }
      }
      return counts
    }
  }
}

extension Suggestion {
  /// How much "did you mean" work one check may do in all, counted in the cells of distance
  /// tables: comparing a word with a name fills at most the product of their lengths.
  ///
  /// The nearest name is found by comparing a word with every name, and no index spares that
  /// when the names are made alike (`amount_00001` to `amount_20000`): a generated policy with
  /// thousands of names and thousands of misspelled uses took minutes to check (20,000 lets and
  /// 20,000 misspelled uses: 76 s; 20,000 examples each naming one of 20,000 fields wrongly: five
  /// minutes). The budget keeps that under a second. A word asked about once it is spent gets no
  /// suggestion, and its hint says what it says for a word without a near name.
  package struct Budget {
    /// The cells left.
    package private(set) var remaining: Int

    /// Enough for any policy written by hand many times over (a hundred misspelled names of ten
    /// characters among 20,000 names of ten is 200,000,000), and well under a second at the
    /// worst: a cell costs a few nanoseconds, and most names are set aside without filling any.
    package static let cellsPerCheck = 200_000_000

    /// A budget of `cells`.
    package init(cells: Int = Budget.cellsPerCheck) {
      remaining = cells
    }

    /// Takes `count` cells, if that many are left.
    mutating func spend(_ count: Int) -> Bool {
      guard count <= remaining else { return false }
      remaining -= count
      return true
    }
  }

  /// The lengths added up, each at most the longest a name within reach of a word may be.
  static func reachableLength(_ lengths: some Sequence<Int>) -> Int {
    let longest = longestWord + limit(longestWord)
    return lengths.reduce(0) { $0 + min($1, longest) }
  }

  /// ``closest(to:among:)`` paid for from `budget`, the most the distances to every candidate
  /// could cost: `nil`, and nothing compared, when what is left of it does not cover that.
  package static func closest(to word: String, among candidates: [String], within budget: inout Budget) -> String? {
    let length = word.count
    guard length <= longestWord, budget.spend(length * reachableLength(candidates.lazy.map(\.count))) else {
      return nil
    }
    return closest(to: word, among: candidates)
  }

  /// `names` joined for a hint that lists them, the first `shown` only when there are more (a
  /// generated policy may have thousands of fields, and the hint is repeated at every mistake).
  package static func listing(_ names: [String], shown: Int = 12) -> String {
    guard names.count > shown else { return names.joined(separator: ", ") }
    return names.prefix(shown).joined(separator: ", ") + " and \(names.count - shown) more"
  }
}
