/// "Did you mean …?": the closest known name to a misspelled one.
package enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
  package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let length = word.count
    let limit = max(1, length / 3)
    var best: (name: String, distance: Int)?
    // The distance is at least the difference in length, so far longer or shorter names are skipped
    // without building a table (a 10 MB word must not cost 10 MB × the candidate's length).
    for candidate in candidates where candidate != word && abs(candidate.count - length) <= limit {
      let distance = editDistance(word.lowercased(), candidate.lowercased())
      if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.name
  }

  /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
  /// two neighbouring characters each cost one (`fier` is one step from `fire`).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
