import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// The hints a run writes on standard error for cells that do not fit their field: one of each
/// kind a field, true for the row it is attached to.
struct CellHintTests {
  /// Runs `policy` over `csv` (keyed by its `id` column); returns what the run wrote on standard
  /// error, with the file's folder left out.
  static func messages(policy: String, csv: String) throws -> String {
    try CSVFileRun(try Policy(policy, name: "p.verdict"), csv: csv).messages
  }

  /// The hint lines of `messages`, each after the place of the message it belongs to
  /// (`clients.csv:2 hint: …`).
  static func hintedLines(_ messages: String) -> [String] {
    var place = ""
    var hinted: [String] = []
    for line in messages.split(separator: "\n") {
      if line.hasPrefix("  hint: ") {
        hinted.append(place + line.dropFirst(2))
      } else {
        place = line.split(separator: ":").prefix(2).joined(separator: ":") + " "
      }
    }
    return hinted
  }

  /// A column of amounts an accounting tool wrote in parentheses: each cell's hint quotes it, so
  /// the first three used up the field's hints and a later `.5` got none. A hint is shown once a
  /// kind: the first cell in parentheses gets one, the first with a minus after it another, the
  /// bare point its own.
  @Test func aColumnOfNearMissesGetsOneHintOfEachKind() throws {
    let rows = (1...8).map { "C\($0),\"(\($0),234.00)\"" } + ["C9,100-", "C10,(7.00)", "C11,.5", "C12,200-"]
    let messages = try Self.messages(
      policy: "field amount: money in EUR\nwhen amount < 0 EUR then recommend fire\n",
      csv: "id,amount\n" + rows.joined(separator: "\n") + "\n")
    #expect(messages.contains("clients.csv:3: amount: \"(2,234.00)\" is not money\n"))
    #expect(
      Self.hintedLines(messages) == [
        "clients.csv:2 hint: if it is negative, write it with the minus before the amount: -1,234.00",
        "clients.csv:10 hint: if it is negative, write it with the minus before the amount: -100",
        "clients.csv:12 hint: write a digit on each side of the decimal mark: 0.5",
      ])
  }

  /// Hints that quote a cell otherwise: a bare number for a duration or for money without a
  /// currency, a number in exponent notation.
  @Test func hintsQuotingTheirCellAreShownOnceAKind() throws {
    let rows = (1...5).map { "C\($0),\($0)0,\($0)5,\($0)E2" } + ["C6,3w,1 EUR,7x"]
    let messages = try Self.messages(
      policy: "field delay: duration\nfield paid: money\nfield visits: number\n"
        + "when delay > 1d and paid is present and visits > 1 then recommend fire\n",
      csv: "id,delay,paid,visits\n" + rows.joined(separator: "\n") + "\n")
    #expect(
      Self.hintedLines(messages) == [
        "clients.csv:2 hint: a bare number is not a duration: write 10d, or declare the field 'in days'",
        "clients.csv:2 hint: give the currency (15 EUR), or declare the field 'in EUR'",
        "clients.csv:2 hint: exponent notation is not read in CSV cells: write the number out in full, as 100",
      ])
  }
}
