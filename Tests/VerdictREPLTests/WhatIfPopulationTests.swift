import Foundation
import Verdict
import VerdictREPL
import XCTest

/// A what-if (`:set`) measures the client with the values it is given against a population
/// that holds them: a client of the data in place of its own values, a client built by hand as
/// one more. Measured against the data as it was, C's `h = 30` had a share of 150%.
final class WhatIfPopulationTests: SessionTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-what-if-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(
      "field h: number\nrule \"top\" when percentile(h) == 100% then recommend fire\notherwise recommend keep\n".utf8
    ).write(to: folder.appendingPathComponent("pop.verdict"))
    try Data("id,h\nA,10\nB,5\nC,5\n".utf8).write(to: folder.appendingPathComponent("pop.csv"))
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private func session() -> Session {
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(folder.appendingPathComponent("pop.verdict").path)").failed)
    XCTAssertFalse(session.handle(":data \(folder.appendingPathComponent("pop.csv").path)").failed)
    return session
  }

  func testAClientOfTheDataIsMeasuredWithItsNewValuesInPlaceOfItsOwn() {
    var session = session()
    XCTAssertFalse(session.handle(":client C").failed)
    XCTAssertFalse(session.handle(":set h = 30").failed)
    // 30 of 10 + 5 + 30; the largest of three; first of three.
    expect(&session, "share(h)", prints: "66.66666666666666666666666667%\n")
    expect(&session, "percentile(h)", prints: "100%\n")
    expect(&session, "rank(h)", prints: "1\n")
    // Every other client is measured against the what-if too: A is now the middle one.
    let run = session.handle(":run")
    XCTAssertTrue(run.output.contains("C       fire"), run.output)
    XCTAssertTrue(run.output.contains("A       keep"), run.output)
    // And a value lowered below the others.
    XCTAssertFalse(session.handle(":set h = 1").failed)
    expect(&session, "share(h)", prints: "6.25%\n")
    expect(&session, "percentile(h)", prints: "0%\n")
    expect(&session, "rank(h)", prints: "3\n")
  }

  /// A population measured over a table's total (its slot past the fields) is not changed by a
  /// value set by hand on a field; asking whether it was read past the fields (a trap).
  func testAMeasuredTotalIsLeftAsItIs() throws {
    try Data(
      """
      table entries keyed by client
        field hours: number

      field bonus: number
      let hours = sum(entries.hours)
      rule "time sink" when share(hours) > 50% then recommend fire
      rule "b" when bonus > 5 then recommend review
      otherwise recommend keep

      """.utf8
    ).write(to: folder.appendingPathComponent("agg.verdict"))
    try Data("id,bonus\nA,1\nB,2\nC,3\n".utf8).write(to: folder.appendingPathComponent("clients.csv"))
    try Data("client,hours\nA,40\nB,40\nC,40\n".utf8).write(to: folder.appendingPathComponent("entries.csv"))
    var session = makeSession()
    XCTAssertFalse(session.handle(":load \(folder.appendingPathComponent("agg.verdict").path)").failed)
    XCTAssertFalse(session.handle(":data \(folder.appendingPathComponent("clients.csv").path)").failed)
    XCTAssertFalse(session.handle(":data entries=\(folder.appendingPathComponent("entries.csv").path)").failed)
    XCTAssertFalse(session.handle(":client A").failed)
    XCTAssertFalse(session.handle(":set bonus = 9").failed)
    expect(&session, "share(hours)", prints: "33.33333333333333333333333333%\n")
  }

  func testAClientBuiltByHandIsOneMore() {
    var session = session()
    XCTAssertFalse(session.handle(":set h = 30").failed)
    expect(&session, "share(h)", prints: "60%\n")
    expect(&session, "percentile(h)", prints: "100%\n")
    expect(&session, "rank(h)", prints: "1\n")
  }
}
