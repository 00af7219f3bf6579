import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// Keys that a spreadsheet rounded and wrote in exponent notation (`7.01235E+18`, as Excel writes
/// a 19-digit customer ID): two customers became one client, their records summed together,
/// without a word. Such a row names no client now, and says why.
struct ExponentKeyTests {
  let policy = try! Policy(
    """
    field visits: number
    rule "busy" when visits > 5 then recommend fire
    otherwise recommend keep
    """, name: "p.verdict")

  @Test(arguments: ["7.01235E+18", "1.23457E+11", "1.2e+10", "5.00001E+100"])
  func aKeyInExponentNotationIsARowErrorOfNoClient(_ key: String) throws {
    let run = try CSVFileRun(policy, csv: "id,visits\nC1,7\n\(key),3\n")
    #expect(
      run.rows == [
        "C1 fire -",
        "clients.csv:3 error the key \"\(key)\" is a number a spreadsheet rounded and wrote in exponent notation: "
          + "clients whose keys it rounded alike cannot be told apart (format the column as text before exporting)",
      ])
  }

  /// Keys that only look alike: a product code, a plus in a name, digits alone.
  @Test(arguments: ["SKU-E+12", "7012345678901234567", "A1E+5", "1E5", "12+34", "9.5E-3"])
  func otherKeysAreClients(_ key: String) throws {
    let run = try CSVFileRun(policy, csv: "id,visits\n\(key),3\n")
    #expect(run.rows == ["\(key) keep -"])
  }
}
