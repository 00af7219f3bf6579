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
    package func closest(to word: String, within budget: Budget) -> String? {
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
