import Verdict
import VerdictREPL
import XCTest

/// Entries waiting in the input together (a paste, a piped file) are added with one compile of
/// the draft, not one each, and say what typing them one at a time says.
final class PasteTests: SessionTestCase {
  /// `field revisions: number` and `count` rules, one entry each.
  private func rules(_ count: Int) -> [String] {
    ["field revisions: number"] + (1...count).map { "when revisions > \($0) then recommend fire" }
  }

  /// What typing `entries` one at a time says, and the draft's text after.
  private func typed(_ entries: [String]) -> (replies: [Reply], text: String) {
    var session = makeSession()
    let replies = entries.map { session.handle($0) }
    return (replies, session.draft.text)
  }

  /// The bytes `Policy.compile` was handed to add `entries` as a paste, checking that the paste
  /// said and left what typing them does.
  private func pastedBytes(_ entries: [String], file: StaticString = #filePath, line: UInt = #line) -> Int {
    var session = makeSession()
    let replies = session.handle(entries: entries)
    let (expected, text) = typed(entries)
    XCTAssertEqual(replies, expected, file: file, line: line)
    XCTAssertEqual(session.draft.text, text, file: file, line: line)
    return session.draft.compiledBytes
  }

  /// Compiling the whole draft for each statement made a paste quadratic (2,000 rules: 114 s):
  /// twice the statements must cost about twice the compiled text, not four times.
  func testTwiceTheStatementsCompileAboutTwiceTheText() {
    let once = pastedBytes(rules(200))
    let twice = pastedBytes(rules(400))
    XCTAssertLessThan(Double(twice) / Double(once), 2.5, "\(once) bytes for 200 rules, \(twice) for 400")
  }

  /// An entry with an error in the middle of a paste fails as typed, pointing into itself; the
  /// entries before and after it are added; and the paste still costs a few compiles, not one
  /// per entry.
  func testAnErrorInAPasteIsItsEntrysAndTheOthersAreAdded() {
    var entries = rules(200)
    entries[100] = "when revisions > \"many\" then recommend fire"
    let length = entries.joined(separator: "\n").utf8.count
    XCTAssertLessThan(pastedBytes(entries), 4 * length)
    var session = makeSession()
    let replies = session.handle(entries: entries)
    XCTAssertTrue(replies[100].failed)
    XCTAssertTrue(replies[100].errors.hasPrefix("<repl>:1:6: error: cannot compare a number with text\n"))
    XCTAssertEqual(replies.filter(\.failed).count, 1)
    XCTAssertEqual(replies[99].output, "added rule 99\n")
    XCTAssertEqual(replies[101].output, "added rule 100\n")
    XCTAssertEqual(session.draft.policy.rules.count, 199)
  }

  /// Each warning is printed once, with the entry it is about, as typed.
  func testEachWarningIsPrintedOnceForItsEntry() {
    var entries = rules(200)
    entries[50] = "when revisions > 10 and revisions < 5 then recommend fire"
    entries[150] = "when revisions > 3 then recommend fire"
    let length = entries.joined(separator: "\n").utf8.count
    XCTAssertLessThan(pastedBytes(entries), 6 * length)
    var session = makeSession()
    let replies = session.handle(entries: entries)
    XCTAssertEqual(replies.indices.filter { replies[$0].errors.contains("can never match") }, [50])
    XCTAssertEqual(replies.indices.filter { replies[$0].errors.contains("can never win") }, [150])
    XCTAssertEqual(replies.filter { !$0.errors.isEmpty }.count, 2)
  }

  /// A name defined again in a paste replaces the earlier definition where it is typed: the
  /// entries before it were checked with the earlier one.
  func testARedefinitionInAPasteReplacesAsTyped() {
    let entries = [
      "field revisions: number", "let limit = 3", "when revisions > limit then recommend fire", "let limit = 4",
      "field revisions: text", "when revisions > 5 then recommend talk",
    ]
    _ = pastedBytes(entries)
  }

  /// A paste is read as a policy file is: an entry may use a name a later entry of the paste
  /// defines (typed alone, it is an unknown name).
  func testAPasteMayUseANameALaterEntryDefines() {
    let entries = ["field revisions: number", "when revisions > limit then recommend fire", "let limit = 3"]
    XCTAssertTrue(typed(entries).replies[1].failed)
    var session = makeSession()
    let replies = session.handle(entries: entries)
    XCTAssertEqual(replies.map(\.output), ["added field revisions\n", "added rule 1\n", "added let limit\n"])
    XCTAssertFalse(replies.contains(where: \.failed))
  }

  /// Commands and expressions among the entries are answered in order, with the statements
  /// before them added, and `:quit` ends the paste.
  func testCommandsAndExpressionsInAPasteSeeTheStatementsBeforeThem() {
    let entries = rules(3) + [":type revisions", "revisions > 2", "let high = revisions > 5", ":quit", "let x = 1"]
    var session = makeSession()
    let replies = session.handle(entries: entries)
    XCTAssertEqual(replies.count, 8)
    XCTAssertEqual(replies[4].output, "number\n")
    XCTAssertTrue(replies[7].quits)
    XCTAssertEqual(session.draft.statementCount, 5)
  }
}
