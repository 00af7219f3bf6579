/// Damage inside a line: separators and quotes added or lost, cells lost; and cutting a file.
extension DamageGenerator {
  /// One kind of damage to the cells of `line`, adding or losing a quote only if `quotes`;
  /// returns what was done and whether a quote was added or lost.
  mutating func damageCells(_ line: inout DamagedExport.Line, quotes: Bool) -> (String, quotes: Bool) {
    var kind = random.below(11)
    if !quotes && (4...8).contains(kind) { kind = 10 }
    return (damageCells(&line, kind: kind), (4...8).contains(kind))
  }

  /// Damage of the given kind to the cells of `line`; returns what was done.
  private mutating func damageCells(_ line: inout DamagedExport.Line, kind: Int) -> String {
    let count = line.cells.count
    let quoted = line.cells.indices.filter { line.cells[$0].hasPrefix("\"") }
    let plain = line.cells.indices.filter { !line.cells[$0].hasPrefix("\"") && line.cells[$0].count >= 2 }
    switch kind {
    case 0:
      let index = random.below(count - 1)
      line.cells[index] += line.cells.remove(at: index + 1)
      return "separator after cell \(index) lost"
    case 1:
      let index = random.below(count + 1)
      line.cells.insert("", at: index)
      return "separator added before cell \(index)"
    case 2:
      line.cells += pick([[""], [""], ["", ""], [" "]])
      return "empty cells added at the end"
    case 3 where !plain.isEmpty:
      let index = pick(plain)
      let cell = line.cells[index]
      let split = cell.index(cell.startIndex, offsetBy: 1 + random.below(cell.count - 1))
      line.cells[index] = String(cell[..<split])
      line.cells.insert(String(cell[split...]), at: index + 1)
      return "separator added inside cell \(index)"
    case 4 where !quoted.isEmpty, 5 where !quoted.isEmpty:
      let index = pick(quoted)
      // Without its opening quote, a last cell that holds a line break ends its row early, and
      // the row's first line is a full row that no reader could tell from a clean one.
      let breaksRow = index == count - 1 && line.cells[index].contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      if random.chance(50) && !breaksRow {
        line.cells[index].removeFirst()
        return "opening quote of cell \(index) lost"
      }
      line.cells[index].removeLast()
      return "closing quote of cell \(index) lost"
    case 6:
      let index = random.below(count)
      line.cells[index] = "\"" + line.cells[index]
      return "quote added before cell \(index)"
    case 7:
      let index = random.below(count)
      line.cells[index] += "\""
      return "quote added after cell \(index)"
    case 8 where !plain.isEmpty:
      let index = pick(plain)
      let cell = line.cells[index]
      let inside = cell.index(cell.startIndex, offsetBy: 1 + random.below(cell.count - 1))
      line.cells[index] = String(cell[..<inside]) + "\"" + String(cell[inside...])
      return "quote added inside cell \(index)"
    case 9:
      let index = quoted.isEmpty ? random.below(count) : pick(quoted)
      line.cells[index] = " " + line.cells[index]
      return "space before cell \(index)"
    default:
      let index = random.below(count)
      line.cells.remove(at: index)
      return "cell \(index) lost"
    }
  }

  /// Cuts the file in a clean data row: at its start, after its last separator's place (so the
  /// row lacks its last cell), or at its end (so the file ends without a line break). Never in
  /// its last cell, nor right after its last separator: what is left would be another full row.
  mutating func cut(_ export: inout DamagedExport) {
    let candidates = export.lines.indices.filter { export.lines[$0].isCleanRow }
    guard !candidates.isEmpty else { return }
    let index = pick(candidates)
    let line = export.lines[index]
    let start = export.offset(ofLine: index)
    let length = line.text.utf8.count
    let lastSeparator = length - line.cells[line.cells.count - 1].utf8.count - line.separator.utf8.count
    let within = random.chance(30) ? length : random.below(lastSeparator + 1)
    export.cut = start + within
    export.damage.append("cut \(within) bytes into line \(index)")
  }
}
