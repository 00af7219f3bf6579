import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// The rows a spreadsheet's Data > Subtotals inserts below each group (`Hartmann Total`,
/// `Hartmann Ergebnis`, `Total Hartmann`) are row errors naming no client, on the plain rows'
/// fast path and the general one, in record tables too; a key of that form below another key is
/// a client.
struct SubtotalRowTests {
  let policy = try! Policy(
    """
    field visits: number
    rule "busy" when visits > 5 then recommend fire
    otherwise recommend keep
    """, name: "p.verdict")

  func problem(_ key: String, above: String) -> String {
    "the row is a subtotal of the rows above it (its key is \"\(key)\", theirs \"\(above)\"), not a client: "
      + "delete the line, or export without subtotals"
  }

  /// The key a subtotal's key extends, in the languages' forms; `nil` for a key of another form.
  @Test func aSubtotalsKeyExtendsTheKeyOfItsGroup() {
    for (cell, extended) in [
      ("Hartmann Total", "Hartmann"), ("HARTMANN TOTAL", "HARTMANN"), ("Hartmann Ergebnis", "Hartmann"),
      ("Total Hartmann", "Hartmann"), ("Totale Hartmann", "Hartmann"), ("Hartmann Anzahl", "Hartmann"),
      ("C-104 Count", "C-104"), (" 1001 Total ", "1001"), ("Hartmann GmbH Totaal", "Hartmann GmbH"),
      ("Nombre Blue Fern", "Blue Fern"), ("Hartmann  Sum", "Hartmann"), ("Tom Total ", "Tom"),
      ("Hartmann", nil), ("Totally Hartmann", nil), ("HartmannTotal", nil), ("Total", nil), ("Sum", nil),
      ("123456", nil), ("Kira Schmidt", nil), ("Totalmente", nil),
    ] as [(String, String?)] {
      let bytes = Array(cell.utf8)
      let found = bytes.withUnsafeBufferPointer { buffer in
        TotalsRow.subtotalKey(buffer).map { String(decoding: $0, as: UTF8.self) }
      }
      #expect(found == extended, "\(cell)")
      #expect(bytes.withUnsafeBufferPointer { TotalsRow.mayBeSubtotal($0) } == (extended != nil), "\(cell)")
    }
  }

  /// The letters the fast look tells keys by are the words' own.
  @Test func theEndLettersAreTheWords() {
    let bit = { (letter: UInt8) in UInt32(1) << UInt32(letter - UInt8(ascii: "a")) }
    #expect(TotalsRow.suffixEnds == TotalsRow.subtotalSuffixes.reduce(0) { $0 | bit($1.last!) })
    #expect(TotalsRow.prefixStarts == TotalsRow.subtotalPrefixes.reduce(0) { $0 | bit($1.first!) })
  }

  /// Excel's subtotals on a file keyed by name: before, clients "Hartmann Total" and "Meier
  /// Total", judged by their groups' sums. A key of the form below another key is a client.
  @Test func subtotalRowsAreRowErrorsOfNoClient() throws {
    let rows = try CSVFileRun(
      policy,
      csv: "client,visits\nHartmann,4\nHartmann,3\nHartmann Total,7\nMeier,1\nMeier Total,1\nAnna,1\nTom Max,9\n"
        + "Grand Total,8\n"
    ).rows
    #expect(
      rows == [
        "Hartmann keep -", "Hartmann keep -",
        "clients.csv:4 error \(problem("Hartmann Total", above: "Hartmann"))", "Meier keep -",
        "clients.csv:6 error \(problem("Meier Total", above: "Meier"))", "Anna keep -", "Tom Max fire -",
        "clients.csv:9 error the row is the export's totals row (its key is \"Grand Total\"), not a client: "
          + "delete the line, or export without totals",
      ])
  }

  /// Many groups, so that subtotal rows come at every place of the fast path's runs of records
  /// (first, inside, last), whose previous key the run sets.
  @Test func subtotalRowsAnywhereInTheFastPathsRunsAreSeen() throws {
    var csv = "id,visits\n"
    for group in 0..<400 {
      for _ in 0..<(group % 4 + 1) { csv += "C\(group),1\n" }
      csv += group % 2 == 0 ? "C\(group) Total,9\n" : "Total C\(group),9\n"
    }
    let rows = try CSVFileRun(policy, csv: csv).rows
    #expect(rows.filter { $0.contains(" error the row is a subtotal") }.count == 400)
    #expect(!rows.contains { $0.contains("fire") })
  }

  /// Read as `verdict explain`, `test --data` and the REPL read a file (``ClientTable``): before, a
  /// client "Acme Total" explained on the group's sum. (Record tables: `run-table-subtotals`.)
  @Test func aSubtotalRowIsNoClientWhereExplainAndTheREPLReadAFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "verdict-subtotals-\(UUID().uuidString).csv")
    try Data("id,visits\nAcme,3\nAcme,4\nAcme Total,7\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let table = try ClientTable.read(url.path)
    #expect(table.rows.map(\.key) == ["Acme", "Acme", ""])
    #expect(table.rows.map(\.problem) == [nil, nil, problem("Acme Total", above: "Acme")])
  }
}
