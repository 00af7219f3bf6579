import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// Lines of text that end a CSV file after a blank line (``CSVFooter``), as Salesforce's reports
/// sign off: left out with a note, where each was an error row and the run exited 1. Text lines
/// that a record follows stay error rows.
struct CSVFooterTests {
  let policy = try! Policy(
    """
    field visits: number
    rule "busy" when visits > 5 then recommend fire
    otherwise recommend keep
    """, name: "p.verdict")

  static let footer = "\n\"Confidential Information - Do Not Distribute\"\n\"Copyright (c) 2000-2026 salesforce.com\"\n"

  @Test func textAfterABlankLineAtTheEndIsLeftOutWithANote() throws {
    let run = try CSVFileRun(policy, csv: "id,visits\nC1,7\nC2,3\n" + Self.footer)
    #expect(run.rows == ["C1 fire -", "C2 keep -"])
    #expect(run.status == .success)
    #expect(
      run.messages.contains(
        "note: clients.csv:5: the file ends with 2 lines of text after a blank line, not records "
          + "(\"Confidential Information - Do Not Distri…\"): left out"))
  }

  /// A footer of one line, in a file whose rows end with a delimiter its header lacks: the footer
  /// took part in finding that layout, and every row was an error.
  @Test func aFooterOfOneLineUnderRowsThatEndWithADelimiter() throws {
    let run = try CSVFileRun(policy, csv: "id,visits\nC1,7,\nC2,3,\n\nConfidential Information\n")
    #expect(run.rows == ["C1 fire -", "C2 keep -"])
    #expect(run.status == .success)
    #expect(
      run.messages.contains(
        "note: clients.csv:5: the file ends with a line of text after a blank line, not records (\"Confidential Information\")"
      ))
  }

  /// A record after the text: the text was no footer, and each line is an error row as before.
  @Test func textThatARecordFollowsIsAnErrorRow() throws {
    let run = try CSVFileRun(policy, csv: "id,visits\nC1,7\n\nRegion two\nC2,3\n")
    #expect(
      run.rows == [
        "C1 fire -", "clients.csv:3 error the line is blank; the header has 2 columns",
        "clients.csv:4 error the row has 1 cell, the header has 2", "C2 keep -",
      ])
    #expect(!run.messages.contains("note:"))
  }

  /// In a file none of whose rows fit the header (rows separated by `;` under a header of `,`,
  /// each one cell), the last row after a blank line is a row like the others, no footer: the
  /// pollution test's oracle found it left out.
  @Test func aLineLikeTheFilesOtherRowsIsNoFooter() throws {
    let run = try CSVFileRun(policy, csv: "id,visits\nC1;7\nC2;3\n\nC3;1\n")
    #expect(run.rows.count == 4)
    #expect(run.rows.last == "C3;1 error the row has 1 cell, the header has 2")
    #expect(!run.messages.contains("note:"))
  }

  /// Lines that are records, not text: a second export joined on with `;`, and a last row whose
  /// empty columns were left off (`C9`). They stay error rows, where they were left out as a
  /// footer (a review found it).
  @Test(arguments: ["id;visits\nC3;9\nC4;1\n", "C9\n"])
  func recordsAfterABlankLineAreNoFooter(_ tail: String) throws {
    let run = try CSVFileRun(policy, csv: "id,visits,note\nC1,7,a\nC2,3,b\n\n" + tail)
    #expect(run.status == .rowErrors)
    #expect(!run.messages.contains("note:"))
  }

  /// Without a blank line before it a one-cell line is a ragged row, and under a header of one
  /// column it is a record.
  @Test func textWithoutABlankLineOrUnderOneColumnIsNoFooter() throws {
    let ragged = try CSVFileRun(policy, csv: "id,visits\nC1,7\nThe end\n")
    #expect(ragged.rows == ["C1 fire -", "The end error the row has 1 cell, the header has 2"])
    let names = try Policy(
      """
      field id: text
      rule "acme" when id == "Acme" then recommend fire
      otherwise recommend keep
      """, name: "p.verdict")
    let single = try CSVFileRun(names, csv: "id\nAcme\n\nBeta\n")
    #expect(single.rows.last == "Beta keep -")
  }

  /// Alipay's statement ends with a line of dashes and its summary, lines with separators but
  /// short of the header's columns: a footer too. A record after them makes them error rows.
  @Test func aLineOfDashesAndTheLinesAfterItAtTheEndAreLeftOut() throws {
    let summary = "-----------------------------\n共2条记录\n已收入:2笔,10.00元\n导出时间:[2024-04-01 10:00:00]\n"
    let run = try CSVFileRun(policy, csv: "id,visits,note\nC1,7,a\nC2,3,b\n" + summary)
    #expect(run.rows == ["C1 fire -", "C2 keep -"])
    #expect(run.status == .success)
    #expect(
      run.messages.contains(
        "note: clients.csv:4: the file ends with a line of dashes and 3 lines after it, not records: left out"),
      "\(run.messages)")
    // In a file of one column, a line of dashes is a record like the others.
    let names = try Policy(
      "field id: text\nrule \"r\" when id == \"b\" then recommend review\notherwise recommend keep\n")
    let oneColumn = try CSVFileRun(names, csv: "id\na\n---\nb\n")
    #expect(oneColumn.rows == ["a keep -", "--- keep -", "b review -"], "\(oneColumn.rows)")
    let followed = try CSVFileRun(policy, csv: "id,visits,note\nC1,7,a\n=====\nshort,1\nC3,2,c\n")
    #expect(followed.status != .success)
    #expect(followed.rows.contains("C3 keep -"), "\(followed.rows)")
    #expect(!followed.messages.contains("left out"), "\(followed.messages)")
  }

  /// Text after a blank line, then a line of dashes: the note was "a line of dashes and a line
  /// after it", at the dashes, of the text before them.
  @Test func aLineOfDashesAfterTextIsPartOfItsFooter() throws {
    let run = try CSVFileRun(policy, csv: "id,visits\nC1,7\n\nConfidential Information - x\n-----\n")
    #expect(run.rows == ["C1 fire -"])
    #expect(run.status == .success)
    #expect(
      run.messages.contains(
        "note: clients.csv:4: the file ends with 2 lines of text after a blank line, not records "
          + "(\"Confidential Information - x\"): left out"), "\(run.messages)")
  }
}
