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

  /// Labels as reports qualify them, and in the other languages of the exports seen; a label
  /// followed by a word of another kind is a name.
  @Test func qualifiedAndForeignLabelsAreTotals() {
    for (cell, isLabel) in [
      ("Grand Totals (3 records)", true), ("Grand Totals (1,204 records)", true), ("Total (USD)", true),
      ("Total EUR", true), ("TOTAL for Acme Corp", true), ("Summe für Müller GmbH", true),
      ("Report Total", true), ("Summe gesamt", true), ("Totale", true), ("Totale generale:", true),
      ("Razem", false), ("Summa", false), ("Totalt", true), ("I alt", true), ("Yhteensä", true), ("Total TTC", true),
      ("Gesamtergebnis", true), ("Total Result", true), ("Résultat total", true), ("Gross total", true),
      ("合計", true), ("合　計", true), ("総計：", true), ("小計", true), ("总计", true), ("總計", true), ("합계", true),
      ("소계", true), ("合計会社", false), ("山田合計", false), ("합계사", false), ("合 計", true), ("합 계", true),
      ("총 합계", true), ("總合計", true), ("合計（JPY）", true), ("合計 (3件)", true), ("小計（税抜）", true),
      ("【合計】", true), ("計画", false), ("会計事務所", false),
      ("Totales", true), ("Total Geral", true), ("Toplam", true), ("GENEL TOPLAM", true), ("Soma", false),
      ("Итого", true), ("ИТОГО:", true), ("Иванов", false), ("المجموع", true), ("סה\"כ", true), ("Σύνολο", true),
      ("Total ARS", true), ("Total (CLP)", true), ("Total SAS", false),
      ("Total Fitness", false), ("Total Gym", false), ("Total (France) Ltd", false), ("Total (Paris)", false),
      ("Sum (3 records)", true), ("Acme (3 records)", false), ("Total (2 Brothers)", false), ("Sum for Kids", false),
      ("Total for", false), ("Totalfor Acme", false),
      ("Summa Mining (USD)", false), ("Total (records)", false), ("Total (3 records left)", false),
      ("\u{A0}Total", true), ("\u{200B}Total", true), ("Total\u{A0}EUR", true), ("Total for\u{A0}Acme", true),
      ("Österreich AG", false),
    ] {
      var bytes = Array(cell.utf8)
      #expect(bytes.withUnsafeMutableBufferPointer { TotalsRow.isLabel(UnsafeBufferPointer($0)) } == isLabel, "\(cell)")
    }
  }

  /// A full-width colon ends an East Asian label as `:` ends a Western one, after its brackets or
  /// its qualifier too; and `【】` may come before a qualifier. Each of these was a client.
  @Test func eastAsianLabelsWithAColonAfterTheirBracketsAreTotals() {
    for (cell, isLabel) in [
      ("【合計】：", true), ("合計（JPY）：", true), ("【小計】（税込）", true), ("【合計（税込）】", true),
      ("【合計", false), ("合計】", false), ("【山田】合計", false), ("合計：株式会社", false),
    ] {
      var bytes = Array(cell.utf8)
      #expect(bytes.withUnsafeMutableBufferPointer { TotalsRow.isLabel(UnsafeBufferPointer($0)) } == isLabel, "\(cell)")
    }
  }

  /// Salesforce's totals row in a table: before, a client "Grand Totals (3 records)" that held
  /// half of everyone's share.
  @Test func aQualifiedTotalsRowIsARowErrorOfNoClient() throws {
    let rows = try run("id,visits\nC1,7\nGrand Totals (2 records),7\nTotal for C1,7\n")
    #expect(
      rows == [
        "C1 fire -", "clients.csv:3 error \(problem("Grand Totals (2 records)"))",
        "clients.csv:4 error \(problem("Total for C1"))",
      ])
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

  /// No key column at all, as a customer balance summary whose names' column has no header: the
  /// first cell says it, on the plain rows' fast path (many rows) and the general one.
  @Test func aLabelInTheFirstCellOfAFileWithoutAKeyColumnIsATotalsRow() throws {
    let rows = try CSVFileRun(policy, csv: ",visits\nAcme,7\nTOTAL,7\nBeta,1\n").rows
    #expect(
      rows == ["clients.csv:2 fire -", "clients.csv:3 error \(problem("TOTAL", inKey: false))", "clients.csv:4 keep -"])
    let many = (0..<300).map { "c\($0),1\n" }.joined()
    let long = try CSVFileRun(policy, csv: "who,visits\n" + many + "Total:,9\n" + many).rows
    #expect(long.count == 601)
    #expect(long[300] == "clients.csv:302 error \(problem("Total:", inKey: false))")
    #expect(long.filter { $0.contains(" error ") }.count == 1)
  }

  /// The summary's warning for such a file names its first column as the `--key` to try.
  @Test func aFileWithoutAKeyColumnIsToldWhichKeyToTry() {
    #expect(LineNamedClients.warning(columns: ["customer", "visits"], keyColumn: 0, file: "a.csv") == nil)
    let named = LineNamedClients.warning(columns: ["Customer Name", "visits"], keyColumn: nil, file: "a.csv")
    #expect(named?.hasSuffix("such as the first column, 'Customer Name': --key \"Customer Name\"") == true)
    let blank = LineNamedClients.warning(columns: ["", "visits"], keyColumn: nil, file: "a.csv")
    #expect(blank?.hasSuffix("such as the first column, whose header is empty: --key \"\"") == true)
    let odd = LineNamedClients.warning(columns: ["Kunde $1", "visits"], keyColumn: nil, file: "a.csv")
    #expect(odd?.hasSuffix("--key \"Kunde \\$1\"") == true)
    #expect(
      LineNamedClients.warning(columns: ["Kunde", "x"], keyColumn: nil, file: "a.csv")?.hasSuffix("--key Kunde") == true
    )
  }
}
