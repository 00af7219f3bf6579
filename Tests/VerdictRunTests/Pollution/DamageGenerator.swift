import BenchmarkSupport

/// Writes damaged copies of the clean export, the same ones for the same seed: a dialect, line
/// breaks, quoting and column order as exports vary them, then damage to the header and to a
/// few rows (separators and quotes added or lost, cells lost, lines split, blank and foreign
/// lines, rows duplicated or dropped), and at times a cut.
///
/// A row takes at most one kind of damage, and never damage that turns it into another full row
/// that no reader could tell from a clean one (a cell's last bytes cut off, a line broken right
/// after a separator): what is left is what a reader must either read exactly or refuse. A file
/// takes at most one quote added or lost: two (a closing quote lost in one row, an opening quote
/// in a later one) can pair up into a well-formed quoted cell that spans the rows between.
struct DamageGenerator {
  var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(state: seed) }

  mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

  /// The next damaged export.
  mutating func next() -> DamagedExport {
    let dialect = pick(CleanExport.Dialect.allCases)
    var export = DamagedExport(dialect: dialect)
    let separator = Character(UnicodeScalar(dialect.separator))
    let ending = pick(["\n", "\n", "\r\n", "\r"])
    let quotesAllText = random.chance(30)
    var order = Array(CleanExport.columns.indices)
    if random.chance(20) { order.shuffle(using: &random) }
    export.byteOrderMark = random.chance(10)
    export.finalLineBreak = random.chance(80)
    if random.chance(15) { export.blankLinesAtEnd = 1 + random.below(3) }
    let trailing = random.chance(10)
    export.endsLinesWithDelimiter = trailing

    func line(_ cells: [String], clean: Bool = false) -> DamagedExport.Line {
      DamagedExport.Line(
        cells: cells + (trailing ? [""] : []), separator: String(separator), ending: ending, isCleanRow: clean)
    }
    export.lines.append(line(order.map { CleanExport.columns[$0] }))
    for (index, client) in CleanExport.clients.enumerated() {
      let cells = CleanExport.cells(of: client, index: index, in: dialect)
      let written = order.map { column in
        DamagedExport.written(cells[column], separator: separator, always: quotesAllText && column == 1)
      }
      export.lines.append(line(written, clean: true))
    }
    if order != Array(CleanExport.columns.indices) { export.damage.append("columns \(order)") }

    // A header given a cell more or less, and a row given the same, would line up again: no
    // reader could tell. So rows keep their cells when the header lost or gained one.
    let header = damageHeader(&export)
    var quotes = header.quotes
    let rows = random.chance(12) ? 0 : 1 + random.below(4)
    for _ in 0..<rows {
      let index = 1 + random.below(export.lines.count - 1)
      guard export.lines[index].isCleanRow else { continue }
      quotes = damageRow(&export, at: index, keepingCells: header.reshaped, quotes: !quotes) || quotes
    }
    if random.chance(10) { cut(&export) }
    return export
  }

  /// Damage above or in the header, some of the time; returns whether its cells were damaged,
  /// and whether a quote was added or lost.
  mutating func damageHeader(_ export: inout DamagedExport) -> (reshaped: Bool, quotes: Bool) {
    let separator = export.lines[0].separator
    switch random.below(32) {
    case 0:
      export.lines.removeFirst()
      export.damage.append("no header")
    case 1:
      let preamble = pick(["Kontoauszug 2026", "Exported by Ledger 4.2\(separator)\(separator)", "# clients", " "])
      export.lines.insert(DamagedExport.Line(cells: [preamble], separator: separator, ending: "\n"), at: 0)
      export.damage.append("preamble \(preamble.debugDescription)")
    case 2:
      let blank = DamagedExport.Line(cells: [""], separator: separator, ending: export.lines[0].ending)
      export.lines.insert(blank, at: 0)
      export.damage.append("blank line before the header")
    case 3:
      export.lines[0].cells = export.lines[0].cells.map { " \($0) " }
      export.damage.append("header cells padded with spaces")
    case 4:
      let other = pick([",", ";", "\t"].filter { $0 != separator })
      export.lines[0].separator = other
      export.damage.append("header separated by \(other.debugDescription)")
    case 5:
      let index = random.below(export.lines[0].cells.count)
      export.lines[0].cells[index] += "x"
      export.damage.append("header cell \(index) renamed")
    case 6, 7:
      let (damage, quotes) = damageCells(&export.lines[0], quotes: true)
      export.damage.append("header: " + damage)
      return (true, quotes)
    default:
      break
    }
    return (false, false)
  }

  /// One kind of damage to the data row at `index`, not to its cells if `keepingCells`, and
  /// adding or losing a quote only if `quotes`; returns whether a quote was added or lost.
  mutating func damageRow(_ export: inout DamagedExport, at index: Int, keepingCells: Bool, quotes: Bool) -> Bool {
    let line = export.lines[index]
    export.lines[index].isCleanRow = false
    switch random.below(keepingCells ? 6 : 12) {
    case 0:
      export.lines.remove(at: index)
      export.damage.append("row \(index) dropped")
    case 1:
      export.lines.insert(line, at: index)
      export.damage.append("row \(index) twice")
    case 2:
      let inserted = pick(["", " ", "\t", "---", "Summe\(line.separator)\(line.separator)12", "\"\""])
      export.lines.insert(
        DamagedExport.Line(cells: [inserted], separator: line.separator, ending: line.ending), at: index)
      export.damage.append("line \(inserted.debugDescription) before row \(index)")
    case 3:
      export.lines[index].ending = pick(["\n", "\r\n", "\r"])
      export.lines[index].isCleanRow = true
      export.damage.append("row \(index) ends with \(export.lines[index].ending.debugDescription)")
    case 4:
      export.lines[index].separator = pick([",", ";", "\t"].filter { $0 != line.separator })
      export.damage.append("row \(index) separated by \(export.lines[index].separator.debugDescription)")
    case 5:
      // A line break instead of a separator: two short lines.
      let split = 1 + random.below(line.cells.count - 1)
      var first = export.lines[index]
      first.cells = Array(line.cells[..<split])
      var second = first
      second.cells = Array(line.cells[split...])
      export.lines[index] = first
      export.lines.insert(second, at: index + 1)
      export.damage.append("row \(index) broken before cell \(split)")
    default:
      let (damage, quoted) = damageCells(&export.lines[index], quotes: quotes)
      export.damage.append("row \(index): " + damage)
      return quoted
    }
    return false
  }
}
