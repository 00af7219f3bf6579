import Foundation
import Verdict
import VerdictREPL
import XCTest

/// Every `:` command, through `Session.handle` as the REPL calls it.
final class MetaCommandTests: SessionTestCase {
  func testParsing() {
    XCTAssertEqual(try MetaCommand.parse(":client \"Acme GmbH\"").get(), .client("Acme GmbH"))
    XCTAssertEqual(try MetaCommand.parse("  :client Acme GmbH  ").get(), .client("Acme GmbH"))
    XCTAssertEqual(try MetaCommand.parse(":client").get(), .client(nil))
    XCTAssertEqual(try MetaCommand.parse(":set revisions = 7").get(), .set(field: "revisions", value: "7"))
    XCTAssertEqual(try MetaCommand.parse(":set note = a b ").get(), .set(field: "note", value: "a b"))
    XCTAssertEqual(try MetaCommand.parse(":set note = \"a b\"").get(), .set(field: "note", value: "\"a b\""))
    XCTAssertEqual(try MetaCommand.parse(":set revisions =").get(), .set(field: "revisions", value: ""))
    XCTAssertEqual(
      try MetaCommand.parse(":set amount = \u{A0}300,00\u{A0}").get(),
      .set(field: "amount", value: "\u{A0}300,00\u{A0}"))
    XCTAssertEqual(try MetaCommand.parse(":type 1 + 2").get(), .type("1 + 2"))
    XCTAssertEqual(try MetaCommand.parse(":q").get(), .quit)
    XCTAssertEqual(MetaCommand.parse(":set revisions"), .failure(.malformedSet))
    XCTAssertEqual(MetaCommand.parse(":load"), .failure(.missingArgument(usage: ":load FILE")))
    XCTAssertEqual(MetaCommand.parse(":run now"), .failure(.unexpectedArgument(":run")))
    XCTAssertEqual(MetaCommand.parse(":rnu"), .failure(.unknown(":rnu", suggestion: ":run")))
  }

  func testUnknownCommandsSayWhatExists() {
    var session = makeSession()
    expect(
      &session, ":explian",
      fails: "unknown command ':explian'; did you mean ':explain'? the commands are :help :load :data :records "
        + ":clients :client :set :run :explain :tree :rules :drop :type :save :reset :quit\n")
  }

  func testHelpListsEveryCommand() {
    var session = makeSession()
    let reply = session.handle(":help")
    for name in MetaCommand.names {
      XCTAssertTrue(reply.output.contains("  \(name)"), name)
    }
  }

  func testLoad() {
    var session = makeSession()
    let path = fixture("firing.verdict")
    expect(&session, ":load \(path)", prints: "loaded \(path): 2 rules, 3 fields\n")
    expect(
      &session, ":load /nonexistent/p.verdict", fails: "cannot read policy '/nonexistent/p.verdict': no such file\n")
    let broken = fixture("broken.verdict")
    let reply = session.handle(":load \(broken)")
    XCTAssertTrue(reply.failed)
    XCTAssertTrue(reply.errors.hasPrefix("\(broken):2:"), reply.errors)
    XCTAssertEqual(session.draft.policy.rules.count, 2, "a policy with errors changes nothing")
  }

  /// A policy whose lines end in lone carriage returns (old Mac files) loads as the same policy
  /// with line feeds does: a statement a line, each keeping the comment after it.
  func testLoadKeepsTheLinesOfAPolicyWithCarriageReturns() throws {
    let lines = [
      "field revisions: number # rounds", "table inv keyed by client", "  field amount: number",
      "field credit: number", "let owed = sum(inv.amount) # all of it", "when owed > credit then recommend fire # z",
    ]
    var drafts: [String] = []
    for end in ["\n", "\r", "\r\n"] {
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-\(UUID().uuidString).verdict")
      defer { try? FileManager.default.removeItem(at: file) }
      try Data((lines.joined(separator: end) + end).utf8).write(to: file)
      var session = makeSession()
      expect(&session, ":load \(file.path)", prints: "loaded \(file.path): 1 rule, 2 fields\n")
      drafts.append(session.draft.text)
    }
    XCTAssertEqual(drafts[0], lines.joined(separator: "\n") + "\n")
    // A statement of several lines (the table) keeps its own line ends as they were written.
    for draft in drafts.dropFirst() {
      XCTAssertEqual(
        draft.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), drafts[0])
    }
  }

  func testLoadRefusesAPolicyOverTheSizeLimit() throws {
    var session = makeSession()
    let big = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-big-\(UUID().uuidString).verdict")
    defer { try? FileManager.default.removeItem(at: big) }
    try Data(repeating: UInt8(ascii: "#"), count: SourceSizeLimit.maximumBytes + 1).write(to: big)
    expect(
      &session, ":load \(big.path)",
      fails: "cannot read policy '\(big.path)': it is 10,485,761 bytes, more than the 10,485,760 (10 MiB) a policy "
        + "may have (checking takes about 50 times a policy's size in memory; split it into smaller policies)\n")
  }

  func testData() {
    var session = makeSession()
    let path = fixture("clients.csv")
    expect(&session, ":data \(path)", prints: "loaded 3 clients from \(path)\n")
    XCTAssertTrue(session.handle(":data /nonexistent.csv").failed)
    XCTAssertEqual(session.book.entries.count, 3)
  }

  /// A file that breaks off loads the clients before the break and says the rest was not read,
  /// as `verdict run` does (a JSON array of fewer than 1,000 records was refused outright).
  func testDataThatBreaksOffLoadsTheClientsBeforeTheBreak() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("clients.json")
    try Data("[\n{\"id\":\"a\",\"amount\":1},\n{\"id\":\"b\",\"amount\":7},\n]\n".utf8).write(to: data)
    var session = makeSession()
    let reply = session.handle(":data \(data.path)")
    XCTAssertFalse(reply.failed, reply.errors)
    XCTAssertEqual(reply.output, "loaded 2 clients from \(data.path)\n")
    XCTAssertEqual(
      reply.errors,
      "\(data.path):4: column 1: unexpected ']' after ','; trailing commas are not allowed; "
        + "the rest of the file was not read\n")
  }

  func testClients() {
    var session = makeSession()
    expect(
      &session, ":clients", prints: "no clients loaded; :data FILE loads some, :set FIELD = VALUE builds one by hand\n")
    session = loadedSession()
    expect(&session, ":client C2", prints: "Blue Fern Yoga\n")
    expect(&session, ":clients", prints: "  C1  Acme GmbH\n* C2  Blue Fern Yoga\n  C3  Acme Labs\n")
  }

  func testClientByNamePrefixAndKey() {
    var session = loadedSession()
    expect(&session, ":client \"Acme GmbH\"", prints: "Acme GmbH\n")
    XCTAssertEqual(session.prompt, "Acme GmbH> ")
    XCTAssertEqual(session.continuationPrompt, "      ...> ")
    expect(&session, ":client blue", prints: "Blue Fern Yoga\n")
    expect(&session, ":client acme", fails: "'acme' could be Acme GmbH, Acme Labs\n")
    expect(&session, ":client Acme Lbas", fails: "no client is called 'Acme Lbas'; did you mean 'Acme Labs'?\n")
    // Keys are prefixes as names are, and a misspelt start of a name is suggested.
    expect(&session, ":client c", fails: "'c' could be C1, C2, C3\n")
    expect(&session, ":client Blue Fenr", fails: "no client is called 'Blue Fenr'; did you mean 'Blue Fern Yoga'?\n")
    expect(
      &session, ":client", prints: "Blue Fern Yoga\n  payment_delay = 5d\n  revisions = 2\n  project_end = missing\n")
  }

  func testSetBuildsAClientByHand() {
    var session = makeSession()
    expect(&session, "field payment_delay: duration in days", prints: "added field payment_delay\n")
    expect(&session, ":set payment_delay = 45", prints: "payment_delay = 45d\n")
    expect(&session, "payment_delay > 30d", prints: "true\n")
    expect(
      &session, ":set paymnet_delay = 3",
      fails:
        "the policy has no field 'paymnet_delay'; did you mean 'payment_delay'? or declare it: field paymnet_delay: TYPE\n"
    )
    let reply = session.handle(":set payment_delay = soon")
    XCTAssertTrue(reply.failed)
    XCTAssertTrue(reply.errors.hasPrefix("the client: payment_delay: "), reply.errors)
    expect(&session, "payment_delay", prints: "45d\n")
    expect(&session, ":set payment_delay =", prints: "payment_delay = missing\n")
  }

  /// A value set by hand is a data cell's text, as `eval --set` takes it: its quotes are part
  /// of it (a CSV file's quotes are the file's syntax, not its cells'), not taken off.
  func testSetKeepsAQuotedValuesQuotes() {
    var session = makeSession()
    for entry in [
      "field tag: text", "when tag == \"x\" then recommend talk", "when len(tag) > 0 then recommend watch",
      "otherwise recommend keep",
    ] {
      XCTAssertFalse(session.handle(entry).failed, entry)
    }
    expect(&session, ":set tag = \"x\"", prints: "tag = \"\\\"x\\\"\"\n")
    expect(&session, "len(tag)", prints: "3\n")
    expect(&session, ":run", prints: "client     verdict  rule    notice  reason\n(by hand)  watch    rule 2  -\n")
    expect(&session, ":set tag = x", prints: "tag = \"x\"\n")
    expect(&session, "tag == \"x\"", prints: "true\n")
  }

  func testRun() {
    var session = loadedSession()
    expect(
      &session, ":run",
      prints: """
        client          verdict  rule                 notice  reason
        Acme GmbH       fire     rule 1 "slow payer"  30d
        Blue Fern Yoga  keep     -                    -
        Acme Labs       watch    rule 2 "ends soon"   -

        """)
  }

  func testExplain() {
    var session = loadedSession()
    expect(&session, ":client Acme GmbH", prints: "Acme GmbH\n")
    expect(
      &session, ":explain",
      prints: """
        Acme GmbH: fire, by rule 1 "slow payer"
          notice 30d
          why: the only matching rule
          ✓ rule 1 "slow payer" → fire: won
              payment_delay 45d > 30d (by 15d)
              revisions 7 > 5 (by 2)
          ✗ rule 2 "ends soon" → watch: not matched
              nearest miss: days_until(project_end) (9w), needs < 14d

        """)
    expect(
      &session, ":explain Blue Fern Yoga",
      prints: """
        Blue Fern Yoga: keep
          why: no rule matched, so otherwise decides
          ✗ rule 1 "slow payer" → fire: not matched
              nearest miss: payment_delay 5d, needs > 30d
              and revisions 2, needs > 5
          ? rule 2 "ends soon" → watch: unknown
              project_end missing

        """)
    expect(&session, "when revisions > 1 then recommend talk", prints: "added rule 3\n")
    expect(
      &session, ":tree",
      prints: """
        Acme GmbH: fire, by rule 1 "slow payer"
          notice 30d
          why: the most severe of 2 matching rules (strategy most-severe)
          ✓ rule 1 "slow payer" → fire: won
              ✓ all of
                ✓ payment_delay 45d > 30d (by 15d)
                ✓ revisions 7 > 5 (by 2)
          ✗ rule 2 "ends soon" → watch: not matched
              ✗ days_until(project_end) (9w) < 14d
          ✓ rule 3 → talk: outranked
              ✓ revisions 7 > 1 (by 6)

        """)
    expect(&session, ":explain nobody", fails: "no client is called 'nobody' (see :clients)\n")
  }

  func testRulesAndDrop() {
    var session = loadedSession()
    expect(&session, "when revisions > 1 then recommend talk", prints: "added rule 3\n")
    expect(
      &session, ":rules",
      prints: """
          1  fire   rule "slow payer" when payment_delay > 30d and revisions > 5 then recommend fire notice 30d
          2  watch  rule "ends soon" when days_until(project_end) < 14d then recommend watch
          3  talk   when revisions > 1 then recommend talk

        """)
    expect(&session, ":drop ends soon", prints: "dropped rule 2 \"ends soon\"\n")
    expect(&session, ":drop 2", prints: "dropped rule 2\n")
    expect(&session, ":drop 5", fails: "there is no rule 5; the rules are numbered 1 to 1 (see :rules)\n")
    expect(
      &session, ":drop slow payr", fails: "no rule is called \"slow payr\"; did you mean \"slow payer\"? (see :rules)\n"
    )
    XCTAssertEqual(session.draft.policy.rules.map(\.name), ["slow payer"])
  }

  func testType() {
    var session = loadedSession()
    expect(&session, ":type payment_delay * 2", prints: "duration\n")
    expect(&session, ":type revisions > 5", prints: "bool\n")
    XCTAssertTrue(session.handle(":type revisions >").failed)
  }

  func testSaveWritesAPolicyThatCompilesAndKeepsTheFilesComments() throws {
    var session = loadedSession()
    expect(&session, "field after_hours_messages: number", prints: "added field after_hours_messages\n")
    expect(&session, "when after_hours_messages > 10\n  then recommend talk", prints: "added rule 3\n")
    expect(&session, ":drop 2", prints: "dropped rule 2 \"ends soon\"\n")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repl-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("saved.verdict").path
    expect(&session, ":save \(path)", prints: "saved 8 statements to \(path)\n")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertEqual(
      text,
      """
      # A small firing policy for the REPL tests.
      field payment_delay: duration in days   # average delay, last three invoices
      field revisions: number
      field project_end: date

      verdicts keep < watch < talk < fire

      rule "slow payer" when payment_delay > 30d and revisions > 5 then recommend fire notice 30d
      otherwise recommend keep
      field after_hours_messages: number
      when after_hours_messages > 10
        then recommend talk

      """)
    XCTAssertNotNil(Policy.compile(SourceFile(name: path, text: text)).policy)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["saved.verdict"])
    XCTAssertTrue(session.handle(":save /nonexistent/folder/x.verdict").failed)
  }

  func testSaveRefusesTheDataFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repl-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("clients.csv")
    try FileManager.default.copyItem(atPath: fixture("clients.csv"), toPath: data.path)
    let link = folder.appendingPathComponent("link.csv")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: data)
    let before = try Data(contentsOf: data)
    var session = makeSession()
    XCTAssertFalse(session.handle(":data \(data.path)").failed)
    expect(
      &session, ":save \(link.path)",
      fails: "cannot save to '\(link.path)': it is the file the clients were loaded from; choose another file\n")
    XCTAssertEqual(try Data(contentsOf: data), before)
  }

  func testResetAndQuit() {
    var session = loadedSession()
    expect(&session, ":reset", prints: "the policy is empty again; values set by hand are gone\n")
    XCTAssertEqual(session.draft.policy.rules.count, 0)
    XCTAssertEqual(session.book.entries.count, 3, "the clients stay")
    let quit = session.handle(":quit")
    XCTAssertTrue(quit.quits)
    XCTAssertFalse(quit.failed)
  }

  func testBanner() {
    let session = loadedSession()
    XCTAssertEqual(session.banner(version: "0.1.0"), "Verdict 0.1.0 — 2 rules, 3 fields, 3 clients. :help for help.")
  }
}
