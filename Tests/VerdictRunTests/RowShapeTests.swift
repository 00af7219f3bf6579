import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// A CSV row is read only when its cells line up with the header's: `verdict run` and
/// ``ClientTable`` (behind `check --data`, `explain` and the REPL) agree on which rows those are.
struct RowShapeTests {
  let policy = try! Policy(
    """
    field visits: number
    field note: text
    rule "busy" when visits > 5 then recommend fire reason note
    otherwise recommend keep
    """, name: "p.verdict")

  /// Writes `text` to a fresh file and reads it as a ``ClientTable``.
  func table(_ text: String) throws -> ClientTable {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-shape-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try ClientTable.read(url.path)
  }

  /// Runs the policy over `text` as a CSV file; returns the jsonl report's rows as
  /// `client verdict error` and the run's status.
  func run(_ text: String) throws -> (rows: [String], status: RunStatus) {
    let run = try CSVFileRun(policy, csv: text)
    return (run.rows, run.status)
  }

  @Test func emptyExtraCellsAreARaggedRow() throws {
    let text = "id,visits,note\nC1,7,,\nC2,7,late\nC3,7,late, \n"
    let table = try table(text)
    #expect(
      table.rows.map(\.problem) == [
        "the row has 4 cells, the header has 3 (the row ends with ',', the header does not)", nil,
        "the row has 4 cells, the header has 3",
      ])
    let outcome = try run(text)
    #expect(
      outcome.rows == [
        "C1 error the row has 4 cells, the header has 3 (the row ends with ',', the header does not)",
        "C2 fire -", "C3 error the row has 4 cells, the header has 3",
      ])
    #expect(outcome.status == .rowErrors)
  }

  /// Lines of nothing but separators or spaces (a spreadsheet's `,,` tail) are blank lines: not
  /// clients named by their line with every field missing (each got a verdict), but dropped at
  /// the end of the file and an error between rows, for `run` and ``ClientTable`` alike.
  @Test func linesOfOnlySeparatorsAreBlankLines() throws {
    let text = "id,visits,note\nC1,7,late\n,,\nC2,2,ok\n , ,\t\n,,\n   \n"
    let table = try table(text)
    #expect(table.rows.map(\.line) == [2, 3, 4])
    #expect(table.rows.map(\.problem) == [nil, "the line is blank: it has no values, only separators", nil])
    let outcome = try run(text)
    #expect(
      outcome.rows == [
        "C1 fire -", "clients.csv:3 error the line is blank: it has no values, only separators", "C2 keep -",
      ])
    #expect(outcome.status == .rowErrors)
  }

  /// In a file of one column a blank line fits the header: it is still said to be blank (the
  /// message was empty).
  @Test func aBlankLineInAFileOfOneColumnIsSaidToBeBlank() throws {
    let text = "id\nA\n   \nB\n"
    let table = try table(text)
    // No separators on it: it is said to be blank, no more.
    #expect(table.rows.map(\.problem) == [nil, "the line is blank", nil])
  }

  /// A line of more separators than the header has cells is blank too, and said to be: it was
  /// "the row has 3 cells, the header has 2 (the row ends with ';', the header does not)".
  @Test func aBlankLineWiderThanTheHeaderIsSaidToBeBlank() throws {
    let outcome = try run("id,visits,note\nC1,7,late\n,,,,\nC2,2,ok\n")
    #expect(
      outcome.rows == [
        "C1 fire -", "clients.csv:3 error the line is blank: it has no values, only separators", "C2 keep -",
      ])
  }

  @Test func aDelimiterEndingEveryLineIsNoColumn() throws {
    let text = "id;visits;note;\r\nC1;7;late;\r\nC2;2;on time; \r\n"
    let table = try table(text)
    #expect(table.columns == ["id", "visits", "note"])
    #expect(table.rows.map(\.cells) == [["C1", "7", "late"], ["C2", "2", "on time"]])
    #expect(table.rows.allSatisfy { $0.problem == nil })
    let outcome = try run(text)
    #expect(outcome.rows == ["C1 fire -", "C2 keep -"])
    #expect(outcome.status == .success)
  }

  @Test func withATrailingDelimiterInTheHeaderEveryRowNeedsOne() throws {
    let text = "id,visits,note,\nC1,7,late\nC2,7,late,x\nC3,7,late,,\nC4,2,ok,\n\nC5,2,ok,\n"
    let problems = [
      "the row has 3 cells, the header has 4 (3 columns and a trailing ',')",
      "the row has 4 cells and the last is not empty, the header has 4 (3 columns and a trailing ',')",
      "the row has 5 cells, the header has 4 (3 columns and a trailing ',')",
    ]
    let table = try table(text)
    #expect(table.rows.map(\.problem) == problems + [nil, "the line is blank; the header has 3 columns", nil])
    let outcome = try run(text)
    #expect(
      outcome.rows == [
        "C1 error \(problems[0])", "C2 error \(problems[1])", "C3 error \(problems[2])", "C4 keep -",
        "clients.csv:6 error the line is blank; the header has 3 columns", "C5 keep -",
      ])
    #expect(outcome.status == .rowErrors)
  }

  @Test func aQuoteOutOfPlaceIsARowError() throws {
    let text =
      "id,visits,note\nC1,7,Studio 5\"\nC2,7,\"Acme\" GmbH\nC3,7,\"ok\"  \nC4,7,\"Studio 5\"\"\"\nC5,7,Müller, Hans\"\n"
    let flaw = "a quote or a separator may be missing (a quote inside a cell is written \"\" in a quoted cell)"
    let problems = [
      "cell 3 (note) has a quote but does not start with one; \(flaw)",
      "cell 3 (note) goes on after its closing quote; \(flaw)", nil, nil,
      "the row has 4 cells, the header has 3; cell 4 has a quote but does not start with one",
    ]
    let table = try table(text)
    #expect(table.rows.map(\.problem) == problems)
    #expect(table.rows[3].cells == ["C4", "7", "Studio 5\""])
    let outcome = try run(text)
    #expect(
      outcome.rows
        == zip(["C1", "C2", "C3", "C4", "C5"], problems).map { "\($0) \($1 == nil ? "fire" : "error") \($1 ?? "-")" })
  }

  /// Exports joined end to end (`cat jan.csv feb.csv`) leave the second file's header among the
  /// rows, with a byte order mark when the files had one: read as a row, it was a client named
  /// after the key column ("id"), and with only text cells read, one evaluated without a word.
  @Test func aRepeatedHeaderIsARowErrorOfNoClient() throws {
    let text = "id,visits,note\nC1,7,late\nid,visits,note\n\u{FEFF}id, visits ,note\nC2,7,late\n"
    let problem = "the row repeats the header, as files joined end to end leave it: delete the line"
    let table = try table(text)
    #expect(table.rows.map(\.problem) == [nil, problem, problem, nil])
    #expect(table.rows.map(\.key) == ["C1", "", "", "C2"])
    let outcome = try run(text)
    #expect(
      outcome.rows == [
        "C1 fire -", "clients.csv:3 error \(problem)", "clients.csv:4 error \(problem)", "C2 fire -",
      ])
    #expect(outcome.status == .rowErrors)
  }

  /// A repeated header whose first cell has spaces around it (`id ,visits,note`, ` id,…`): the
  /// cheap check before the cell-by-cell one looked at its length alone, and the row was read
  /// as a client named "id".
  @Test func aRepeatedHeaderWithSpacesAroundItsFirstCellIsCaught() throws {
    let text = "id,visits,note\nC1,7,late\nid ,visits,note\n  id  ,visits,note \nC2,7,late\n\u{FEFF} id ,visits,note\n"
    let problem = "the row repeats the header, as files joined end to end leave it: delete the line"
    let table = try table(text)
    #expect(table.rows.map(\.problem) == [nil, problem, problem, nil, problem])
    let outcome = try run(text)
    #expect(
      outcome.rows == [
        "C1 fire -", "clients.csv:3 error \(problem)", "clients.csv:4 error \(problem)", "C2 fire -",
        "clients.csv:6 error \(problem)",
      ])
    let shape = CSVRowShape(header: ["id", "visits", "note"], separator: UInt8(ascii: ","))
    for (cell, may) in [("id ", true), (" id", true), ("C1 ", false), ("ida", false), ("i", false), ("", false)] {
      var bytes = Array(cell.utf8)
      #expect(bytes.withUnsafeMutableBufferPointer { shape.mayRepeatHeader(UnsafeBufferPointer($0)) } == may, "\(cell)")
    }
  }

  /// A row is the header again only when every cell is: a client whose key is the key column's
  /// name is a client.
  @Test func aRowWithTheHeadersFirstCellIsAClient() throws {
    let outcome = try run("id,visits,note\nid,7,late\nC2,7,late\n")
    #expect(outcome.rows == ["id fire -", "C2 fire -"])
  }

  /// Rows that all end with a delimiter the header lacks, as a bank statement writes them
  /// (Chase's): read as the header's columns, the empty last cell aside, by `run` and
  /// ``ClientTable`` alike. Found from the first rows, so one row of another width among them
  /// leaves every row to be read as the header says (``emptyExtraCellsAreARaggedRow()``).
  @Test func rowsThatAllEndWithADelimiterTheHeaderLacksAreRead() throws {
    let text = "id,visits,note\nC1,7,late,\nC2,2,ok, \nC3,9,\"a,b\",\n"
    let table = try table(text)
    #expect(table.rows.map(\.problem) == [nil, nil, nil])
    let outcome = try run(text)
    #expect(outcome.rows == ["C1 fire -", "C2 keep -", "C3 fire -"])
    #expect(outcome.status == .success)
  }

  /// Past the first rows, which found the habit, a row without the delimiter, with a value after
  /// it or with one more is an error that says what the file's rows have.
  @Test func aRowOfAnotherWidthInAFileOfDelimitedRowsIsAnError() throws {
    let rows = (1...CSVRowShape.delimiterSampleSize).map { "C\($0),1,ok,\n" }.joined()
    let text = "id,visits,note\n" + rows + "X1,7,late\nX2,7,late,x\nX3,7,late,,\n"
    let outcome = try run(text)
    let rest = "the file's rows have 4, the header's 3 columns and a trailing ','"
    #expect(
      Array(outcome.rows.suffix(3)) == [
        "X1 error the row has 3 cells; \(rest)", "X2 error the row has 4 cells and the last is not empty; \(rest)",
        "X3 error the row has 5 cells; \(rest)",
      ])
    #expect(outcome.rows.count == CSVRowShape.delimiterSampleSize + 3)
  }

  /// A first row of the width with something in its last cell: no habit, every row read as
  /// the header says.
  @Test func aRowWithAValueAfterItsDelimiterIsNoHabit() throws {
    let outcome = try run("id,visits,note\nC1,7,late,\nC2,7,late,x\nC3,7,late,\n")
    let ends = "the row has 4 cells, the header has 3 (the row ends with ',', the header does not)"
    #expect(outcome.rows == ["C1 error \(ends)", "C2 error the row has 4 cells, the header has 3", "C3 error \(ends)"])
  }

  /// R's `write.table` heads the rows' numbers with no name: rows of one cell more than the
  /// header whose last column is empty are not taken for a trailing delimiter when their first
  /// cells count 1, 2, 3, … (read so, every cell would be one column off).
  @Test func numberedRowsUnderAHeaderOneShortAreNoHabit() throws {
    let outcome = try run("id,visits,note\n1,C1,7,\n2,C2,2,\n3,C3,9,\n")
    let ends = "the row has 4 cells, the header has 3 (the row ends with ',', the header does not)"
    #expect(outcome.rows.allSatisfy { $0.hasSuffix("error \(ends)") } && outcome.rows.count == 3)
  }

  @Test func aLoneRowWithAnEmptyCellTooManyIsNoHabit() throws {
    let outcome = try run("id,visits,note\nC1,7,late,\n")
    #expect(
      outcome.rows == ["C1 error the row has 4 cells, the header has 3 (the row ends with ',', the header does not)"])
  }

  @Test func aHeaderOfOneEmptyCellIsNotATrailingDelimiter() {
    let shape = CSVRowShape(header: [""], separator: UInt8(ascii: ","))
    #expect(!shape.endsWithDelimiter)
    #expect(shape.columns(of: [""]) == [""])
    let tab = CSVRowShape(header: ["id", ""], separator: UInt8(ascii: "\t"))
    #expect(tab.endsWithDelimiter && tab.columnCount == 1 && tab.columns(of: ["id", ""]) == ["id"])
  }
}
