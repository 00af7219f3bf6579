/// The answer of a `LineEditor.completer` for the word at the cursor.
///
/// All offsets count `Character`s of the line, like the `cursor` the completer receives.
package struct Completion: Equatable, Sendable {
  /// Offset in the line where the word being completed starts; the text from here to the
  /// cursor is what the candidates replace.
  package var wordStart: Int
  /// Full replacements for the word, in the order they should be listed.
  package var candidates: [String]
  /// Whether accepting the only candidate also inserts a space after it.
  ///
  /// Turn this off for candidates that are usually continued, such as directory paths.
  package var appendsSpace: Bool

  /// Creates a completion answer.
  package init(wordStart: Int, candidates: [String], appendsSpace: Bool = true) {
    self.wordStart = wordStart
    self.candidates = candidates
    self.appendsSpace = appendsSpace
  }

  /// No candidates: Tab only beeps.
  package static func none(cursor: Int) -> Completion {
    Completion(wordStart: cursor, candidates: [])
  }

  /// Completes the word before the cursor from a fixed vocabulary.
  ///
  /// Words that start with the typed part are offered in the vocabulary's order, without
  /// duplicates. An empty word matches the whole vocabulary.
  package static func matching(
    _ vocabulary: [String], line: String, cursor: Int,
    isWordCharacter: (Character) -> Bool = Completion.isIdentifierCharacter
  ) -> Completion {
    let start = wordStart(in: line, cursor: cursor, isWordCharacter: isWordCharacter)
    let end = min(max(cursor, 0), line.count)
    let typed = line.dropFirst(start).prefix(end - start)
    var seen = Set<String>()
    let candidates = vocabulary.filter { word in
      word.hasPrefix(typed) && seen.insert(word).inserted
    }
    return Completion(wordStart: start, candidates: candidates)
  }

  /// The offset where the word ending at `cursor` starts.
  ///
  /// Walks left from `cursor` while characters satisfy `isWordCharacter`. A cursor outside
  /// the line is clamped to it, so the result is always within `0...line.count`.
  package static func wordStart(
    in line: String, cursor: Int,
    isWordCharacter: (Character) -> Bool = Completion.isIdentifierCharacter
  ) -> Int {
    let end = min(max(cursor, 0), line.count)
    let before = line.prefix(end)
    var start = end
    for character in before.reversed() {
      guard isWordCharacter(character) else { break }
      start -= 1
    }
    return start
  }

  /// Letters, digits, `_`, and `:` (which starts REPL commands such as `:client`).
  package static func isIdentifierCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_" || character == ":"
  }

  /// The longest string every candidate starts with, compared by `Character`.
  ///
  /// Empty for an empty list.
  package static func longestCommonPrefix(of candidates: [String]) -> String {
    guard var prefix = candidates.first.map(Array.init) else { return "" }
    for candidate in candidates.dropFirst() {
      var shared = 0
      for (left, right) in zip(prefix, candidate) {
        guard left == right else { break }
        shared += 1
      }
      prefix.removeLast(prefix.count - shared)
      if prefix.isEmpty { break }
    }
    return String(prefix)
  }
}
