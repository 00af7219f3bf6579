import CEditLine
import Glibc

/// The Tab key: asks `completer` and edits libedit's line buffer with the answer.
extension LineEditor {
  /// The libedit view of the line: its Unicode scalars and the cursor position among them.
  private struct Buffer {
    var scalars: [Unicode.Scalar]
    var cursor: Int

    init(_ info: LineInfoW) {
      let length = max(0, info.lastchar - info.buffer)
      scalars = (0..<length).map { LineEditor.scalar(info.buffer[$0]) }
      cursor = min(max(0, info.cursor - info.buffer), length)
    }

    var line: String { Self.string(scalars[...]) }
    var beforeCursor: String { Self.string(scalars[..<cursor]) }
    var scalarAfterCursor: Unicode.Scalar? { cursor < scalars.count ? scalars[cursor] : nil }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return String(view)
    }
  }

  /// Runs one completion step for the libedit command bound to Tab; returns a `CC_*` code.
  ///
  /// A Tab followed by input already waiting is part of a paste, not a key pressed: it is
  /// inserted as it is. Completing it joined or changed the pasted words: `not<Tab>true` became
  /// `nottrue`, a name the data decides, and printed the candidates at each Tab.
  func complete(in editLine: OpaquePointer) -> UInt8 {
    if isInputWaiting { return UInt8(insert(["\t"], in: editLine) ? CC_REFRESH : CC_ERROR) }
    guard let completer, let info = el_wline(editLine)?.pointee else {
      return UInt8(CC_ERROR)
    }
    let buffer = Buffer(info)
    let beforeCursor = buffer.beforeCursor
    let cursor = beforeCursor.count
    let answer = completer(buffer.line, cursor)
    let start = min(max(answer.wordStart, 0), cursor)
    let typed = String(beforeCursor.dropFirst(start))
    var seen = Set<String>()
    let candidates = answer.candidates.filter { seen.insert($0).inserted }

    switch candidates.count {
    case 0:
      return UInt8(CC_ERROR)
    case 1:
      let nextIsSpace = buffer.scalarAfterCursor?.properties.isWhitespace ?? false
      let space = answer.appendsSpace && !nextIsSpace ? " " : ""
      let inserted = replace(typed, with: candidates[0] + space, in: editLine)
      return UInt8(inserted ? CC_REFRESH : CC_NORM)
    default:
      // The shared prefix replaces the word only if it extends it, ignoring case, so
      // that candidates found by looser matching never erase what was typed.
      let shared = Completion.longestCommonPrefix(of: candidates)
      if shared.count > typed.count, shared.lowercased().hasPrefix(typed.lowercased()),
        replace(typed, with: shared, in: editLine)
      {
        return UInt8(CC_REFRESH)
      }
      list(candidates, editLine: editLine)
      return UInt8(CC_REDISPLAY)
    }
  }

  /// Replaces `typed`, the text just before the cursor, with `replacement`.
  ///
  /// Only the missing tail is inserted when `replacement` extends `typed`. Returns whether
  /// the buffer changed.
  private func replace(_ typed: String, with replacement: String, in editLine: OpaquePointer)
    -> Bool
  {
    let old = Array(typed.unicodeScalars)
    let new = Array(replacement.unicodeScalars)
    if new.starts(with: old) {
      let tail = new.dropFirst(old.count)
      return !tail.isEmpty && insert(tail, in: editLine)
    }
    if !old.isEmpty {
      el_deletestr(editLine, Int32(clamping: old.count))
    }
    _ = insert(new[...], in: editLine)
    return true
  }

  /// Inserts `scalars` at the cursor; false if libedit could not grow its buffer.
  private func insert(_ scalars: ArraySlice<Unicode.Scalar>, in editLine: OpaquePointer) -> Bool {
    var wide = scalars.map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    return el_winsertstr(editLine, wide) == 0
  }

  /// Prints `candidates` in columns below the line; libedit redraws the line afterwards.
  private func list(_ candidates: [String], editLine: OpaquePointer) {
    let width = Int(verdict_el_get_columns(editLine))
    let lines = CompletionListing.lines(for: candidates, width: width)
    let output = verdict_stdout()
    fputs("\r\n", output)
    for line in lines {
      fputs(line + "\r\n", output)
    }
    fflush(output)
  }
}

/// Lays completion candidates out in columns, filled top to bottom like `ls`.
enum CompletionListing {
  /// Space between two columns.
  static let gutter = 2
  /// Width assumed when the terminal does not report one.
  static let fallbackWidth = 80

  /// The lines to print for `candidates` on a terminal `width` columns wide.
  ///
  /// Widths are measured in `Character`s, which is exact for the ASCII vocabulary of the
  /// rules language and close enough elsewhere. Lines carry no trailing spaces; a candidate
  /// wider than the terminal gets a line of its own.
  static func lines(for candidates: [String], width: Int) -> [String] {
    guard !candidates.isEmpty else { return [] }
    let available = width > 0 ? width : fallbackWidth
    let widest = candidates.map(\.count).max() ?? 0
    let columnWidth = widest + gutter
    let columns = max(1, (available + gutter) / columnWidth)
    let rows = (candidates.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let candidate = candidates[index]
        line += candidate
        let isLastInRow = index + rows >= candidates.count || column == columns - 1
        if !isLastInRow {
          line += String(repeating: " ", count: columnWidth - candidate.count)
        }
      }
      lines.append(line)
    }
    return lines
  }
}
