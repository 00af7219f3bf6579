import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// The labelled totals row of an accounting or bank export (`Total,"$2,684.56"`, `Summe;…`) is a
/// row error naming no client, in `verdict run` and ``ClientTable`` alike, on the plain rows'
/// fast path and the general one.
struct TotalsRowTests {
  let policy = try! Policy(
    """
    field visits: number
    rule "busy" when visits > 5 then recommend fire
    otherwise recommend keep
    """, name: "p.verdict")

  /// Runs the policy over `text` as a CSV file keyed by `key`; returns the jsonl report's rows
  /// as `client verdict error`.
  func run(_ text: String, key: String = "id") throws -> [String] {
    try CSVFileRun(policy, csv: text, key: key).rows
  }

  func problem(_ label: String, inKey: Bool = true) -> String {
    "the row is the export's totals row (its \(inKey ? "key" : "first cell") is \"\(label)\"), not a client: "
      + "delete the line, or export without totals"
  }

  @Test func labelsInAnyCaseWithSpacesAndAColonAreTotals() {
    for (cell, isLabel) in [
      ("Total", true), ("TOTAL", true), (" Grand Total ", true), ("Summe:", true), ("gesamtsumme", true),
      ("TOTAL GÉNÉRAL", true), ("Totaal", true), ("Sous-total :", true), ("Sum", true),
      ("Totals", true), ("Som", false), ("Suma", false), ("Totally", false), ("Sum Li", false),
      ("T1", false), ("1234", false), ("", false), ("Total Acme", false),
    ] {
      var bytes = Array(cell.utf8)
      #expect(bytes.withUnsafeMutableBufferPointer { TotalsRow.isLabel(UnsafeBufferPointer($0)) } == isLabel, "\(cell)")
    }
  }

  /// The last row of a QuickBooks export (one cell more than the header) and a German one: before,
  /// clients named "Total" and "Summe", the one judged by its sums.
  @Test func aTotalsRowIsARowErrorOfNoClient() throws {
    let rows = try run("id,visits\nC1,7\nC2,3\nSumme,10\nC3,1\nTotal,\"11\",\n")
    #expect(
      rows == [
        "C1 fire -", "C2 keep -", "clients.csv:4 error \(problem("Summe"))", "C3 keep -",
        "clients.csv:6 error \(problem("Total"))",
      ])
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-totals-\(UUID().uuidString).csv")
    try Data("id,visits\nC1,7\nGrand total:,7\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let table = try ClientTable.read(url.path)
    #expect(table.rows.map(\.problem) == [nil, problem("Grand total:")])
    #expect(table.rows.map(\.key) == ["C1", ""])
  }

  /// A key column past the first: the label is in the first cell and the key is blank.
  @Test func aLabelInTheFirstCellWithABlankKeyIsATotalsRow() throws {
    let rows = try run("n,id,visits\nx,C1,7\nTotal,,7\nGesamt,C2,7\n")
    #expect(
      rows == ["C1 fire -", "clients.csv:3 error \(problem("Total", inKey: false))", "C2 fire -"])
  }
}
