/// A small line diff, printed in the unified format that `verdict fmt --diff` shows.
package enum LineDiff {
  /// The lines that differ between `old` and `new` as unified-diff hunks with three lines of
  /// context, under `--- oldName` and `+++ newName` headers; empty when the texts are equal.
  ///
  /// Lines end at a line feed, a carriage return and line feed, or a carriage return alone, as
  /// in ``SourceFile``; when the line ends themselves change, a line `note: …` before the
  /// headers says so (where `patch` skips it: a `\` line would mark the line before it).
  package static func unified(from old: String, to new: String, oldName: String, newName: String) -> String {
    let before = lines(of: old)
    let after = lines(of: new)
    let note = lineEndNote(from: old, to: new)
    guard before != after || note != nil else { return "" }
    let edits = script(before, after)
    var result = (note ?? "") + "--- \(oldName)\n+++ \(newName)\n"
    for hunk in hunks(of: edits, context: 3) where before != after {
      let slice = edits[hunk]
      let oldStart = slice.first?.oldLine ?? 0
      let newStart = slice.first?.newLine ?? 0
      let oldCount = slice.filter { $0.mark != "+" }.count
      let newCount = slice.filter { $0.mark != "-" }.count
      result += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
      for edit in slice { result += "\(edit.mark)\(edit.text)\n" }
    }
    return result
  }

  /// One line of the edit script: kept (` `), removed (`-`) or added (`+`), with the 0-based
  /// positions in the old and new texts it stands at.
  private struct Edit {
    var mark: Character
    var text: Substring
    var oldLine: Int
    var newLine: Int
  }

  private static func lines(of text: String) -> [Substring] {
    // "\r\n" is one Character: each of the three line ends is one separator.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// What changes in the line ends alone, when something does: a policy written with carriage
  /// returns, or without a line break at its end, becomes one with line feeds throughout.
  private static func lineEndNote(from old: String, to new: String) -> String? {
    let bytes = Array(old.utf8)
    var (crlf, lone) = (false, false)
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\r") {
      if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { crlf = true } else { lone = true }
    }
    var notes: [String] = []
    if crlf || lone, !new.unicodeScalars.contains("\r") {
      let ends = [crlf ? "a carriage return and line feed" : nil, lone ? "a carriage return" : nil].compactMap { $0 }
      notes.append("note: line ends: \(ends.joined(separator: " or ")) becomes a line feed")
    }
    if let last = bytes.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r"), new.hasSuffix("\n") {
      notes.append("note: a line break is added at the end of the file")
    }
    return notes.isEmpty ? nil : notes.map { $0 + "\n" }.joined()
  }

  /// `start,count` with `start` 1-based; an empty range names the line before it.
  private static func range(_ start: Int, _ count: Int) -> String {
    count == 0 ? "\(start),0" : "\(start + 1),\(count)"
  }

  /// The shortest edit script by longest common subsequence, after the common prefix and suffix.
  /// Very long differing middles are shown as removed and added whole rather than compared.
  private static func script(_ old: [Substring], _ new: [Substring]) -> [Edit] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])
    var edits = (0..<prefix).map { Edit(mark: " ", text: old[$0], oldLine: $0, newLine: $0) }
    var oldIndex = prefix
    var newIndex = prefix
    for mark in middleMarks(oldMiddle, newMiddle) {
      switch mark {
      case "-":
        edits.append(Edit(mark: "-", text: old[oldIndex], oldLine: oldIndex, newLine: newIndex))
        oldIndex += 1
      case "+":
        edits.append(Edit(mark: "+", text: new[newIndex], oldLine: oldIndex, newLine: newIndex))
        newIndex += 1
      default:
        edits.append(Edit(mark: " ", text: old[oldIndex], oldLine: oldIndex, newLine: newIndex))
        oldIndex += 1
        newIndex += 1
      }
    }
    for offset in 0..<suffix {
      edits.append(
        Edit(mark: " ", text: old[oldIndex + offset], oldLine: oldIndex + offset, newLine: newIndex + offset))
    }
    return edits
  }

  /// The marks (` `, `-`, `+`) turning `old` into `new`, removals before additions.
  private static func middleMarks(_ old: [Substring], _ new: [Substring]) -> [Character] {
    let rows = old.count
    let columns = new.count
    guard rows * columns <= 4_000_000 else {
      return Array(repeating: "-", count: rows) + Array(repeating: "+", count: columns)
    }
    // common[i][j]: the longest common subsequence of old[i...] and new[j...].
    var common = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
    for row in stride(from: rows - 1, through: 0, by: -1) {
      for column in stride(from: columns - 1, through: 0, by: -1) {
        common[row][column] =
          old[row] == new[column]
          ? common[row + 1][column + 1] + 1 : max(common[row + 1][column], common[row][column + 1])
      }
    }
    var marks: [Character] = []
    var row = 0
    var column = 0
    while row < rows || column < columns {
      if row < rows, column < columns, old[row] == new[column] {
        marks.append(" ")
        row += 1
        column += 1
      } else if row < rows, column == columns || common[row + 1][column] >= common[row][column + 1] {
        marks.append("-")
        row += 1
      } else {
        marks.append("+")
        column += 1
      }
    }
    return marks
  }

  /// The index ranges of the edits to show: each change with `context` kept lines around it,
  /// overlapping ranges merged.
  private static func hunks(of edits: [Edit], context: Int) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for (index, edit) in edits.enumerated() where edit.mark != " " {
      let lower = max(0, index - context)
      let upper = min(edits.count, index + context + 1)
      if let last = result.last, last.upperBound >= lower {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, upper)
      } else {
        result.append(lower..<upper)
      }
    }
    return result
  }
}
