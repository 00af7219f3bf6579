@testable import Verdict

/// What `fmt` may not change in a policy's tokens.
enum Tokens {
  /// The tokens without positions. Texts are compared by their value, so re-escaping is free;
  /// a comma before `}` or `]` is dropped, as `fmt` drops an example's trailing comma on one line
  /// and adds one after the last record of a list it breaks over several lines.
  static func meaning(_ tokens: [Token]) -> [TokenKind] {
    let kinds = tokens.map(\.kind)
    return kinds.indices.compactMap { index in
      if kinds[index] == .symbol(.comma), index + 1 < kinds.count,
        kinds[index + 1] == .symbol(.rightBrace) || kinds[index + 1] == .symbol(.rightBracket)
      {
        return nil
      }
      return kinds[index]
    }
  }

  /// The comments' texts, in order, without trailing white space.
  static func comments(_ comments: [Comment]) -> [String] {
    comments.map { comment in
      String(comment.text.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
  }
}
