/// "Did you mean …?": the closest known name to a misspelled one.
package enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo;
  /// of equally near ones, the first. (``Vocabulary`` makes the candidates ready once when many
  /// words are compared with them.)
  package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    // Asked once, only the candidates of a length within reach are worth making ready.
    let length = word.count
    guard length <= longestWord else { return nil }
    let limit = limit(length)
    return Vocabulary(candidates.lazy.filter { abs($0.count - length) <= limit }).closest(to: word)
  }

  /// How many edits a name of `length` characters may be from the one meant: a third of its
  /// characters, and at least one.
  static func limit(_ length: Int) -> Int {
    max(1, length / 3)
  }

  /// The longest word a near name is looked for: nobody misspells a name of more characters, and
  /// a distance's table grows with the product of two lengths (two names of five million
  /// characters, one misspelled, would have taken hours to compare).
  static let longestWord = 100

  /// For a word meant as a prefix of a candidate (a client's name cut short): the candidate one of
  /// whose prefixes is nearest to `word` by edit distance, if near enough to be a likely typo.
  /// When several candidates are equally near, the prefix they share at that distance is returned
  /// if there is one (`Hartmen` among `Hartmann Bau` and `Hartmann Logistics` gives `Hartmann`),
  /// else nothing.
  package static func closest(toPrefix word: String, among candidates: some Sequence<String>) -> String? {
    let wanted = Array(word.lowercased())
    guard wanted.count <= longestWord else { return nil }
    let limit = limit(wanted.count)
    var best: (distance: Int, names: [String], prefixes: Set<String>)?
    for candidate in candidates where candidate != word {
      let letters = Array(candidate)
      guard letters.count >= wanted.count - limit else { continue }
      let near = letters.prefix(wanted.count + limit)
      let distances = prefixDistances(wanted, Array(String(near).lowercased()))
      guard distances.count == near.count + 1 else { continue }  // lowercasing changed the length
      let shortest = max(1, wanted.count - limit)
      guard shortest < distances.count,
        let distance = distances[shortest...].min(), distance <= limit, distance <= (best?.distance ?? .max)
      else { continue }
      let length = (shortest..<distances.count).first { distances[$0] == distance }!
      let prefix = String(letters.prefix(length))
      if distance < (best?.distance ?? .max) {
        best = (distance, [candidate], [prefix])
      } else if best?.names.contains(candidate) == false {
        best?.names.append(candidate)
        best?.prefixes.insert(prefix)
      }
    }
    guard let best else { return nil }
    if best.names.count == 1 { return best.names[0] }
    return best.prefixes.count == 1 ? best.prefixes.first : nil
  }

  /// The distance from `a` to each prefix of `b`, `b.prefix(0)` to `b` itself, by the measure of
  /// ``editDistance(_:_:)``.
  static func prefixDistances(_ a: [Character], _ b: [Character]) -> [Int] {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count]
  }

  /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
  /// two neighbouring characters each cost one (`fier` is one step from `fire`); `limit + 1` as
  /// soon as it is sure to be more than `limit`.
  ///
  /// Kept to three rows of the table, and stopped once two rows running are past the limit (a
  /// row's entries come from the two rows above it, so no later entry can come back under):
  /// the checker asks for the distance from each undeclared name to every let.
  static func editDistance(_ a: [Character], _ b: [Character], limit: Int = .max - 1) -> Int {
    if a.isEmpty { return min(b.count, limit + 1) }
    if b.isEmpty { return min(a.count, limit + 1) }
    let width = b.count + 1
    var beforeLast = [Int](repeating: 0, count: width)
    var last = Array(0..<width)
    var row = [Int](repeating: 0, count: width)
    var lastMinimum = 0
    for i in 1...a.count {
      row[0] = i
      var minimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var distance = min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          distance = min(distance, beforeLast[j - 2] + 1)
        }
        row[j] = distance
        minimum = min(minimum, distance)
      }
      if minimum > limit && lastMinimum > limit { return limit + 1 }
      lastMinimum = minimum
      swap(&beforeLast, &last)
      swap(&last, &row)
    }
    return min(last[b.count], limit + 1)
  }
}
