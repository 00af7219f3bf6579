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
  ///
  /// A reference, shared by everything one check asks: both passes of the checker, the checks
  /// of the policy's tables, and its examples.
  package final class Budget {
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
    func spend(_ count: Int) -> Bool {
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
  package static func closest(to word: String, among candidates: [String], within budget: Budget) -> String? {
    let length = word.count
    guard length <= longestWord, budget.spend(length * reachableLength(candidates.lazy.map(\.count))) else {
      return nil
    }
    return closest(to: word, among: candidates)
  }

  /// How many names a hint lists at most.
  package static let listed = 12

  /// `names` joined for a hint that lists them, the first `shown` only when there are more (a
  /// generated policy may have thousands of fields, and the hint is repeated at every mistake).
  package static func listing(_ names: [String], shown: Int = listed) -> String {
    guard names.count > shown else { return names.joined(separator: ", ") }
    return names.prefix(shown).joined(separator: ", ") + " and \(names.count - shown) more"
  }
}
