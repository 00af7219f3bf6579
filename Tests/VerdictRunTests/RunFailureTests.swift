import Testing

@testable import VerdictRun

/// `RunFailure`: what went wrong, kept apart from how it is printed, and the one way it is
/// printed (`verdict: MESSAGE`, then `  hint: HINT`; a located message as it is).
struct RunFailureTests {
  @Test func aMessageIsPrintedAfterTheProgramsNameWithItsHintBelow() {
    let failure = RunFailure(.history, "cannot open the history", hint: "check the folder exists")
    #expect(failure.kind == .history)
    #expect(failure.exitStatus == 2)
    #expect(failure.problems.map(\.message) == ["cannot open the history"])
    #expect(failure.message == "verdict: cannot open the history\n  hint: check the folder exists")
    #expect(RunFailure(.usage, "no data file given").message == "verdict: no data file given")
  }

  @Test func aLocatedMessageIsPrintedAsItIs() {
    let failure = RunFailure(.data, located: "clients.csv:3: unterminated quoted field")
    #expect(failure.message == "clients.csv:3: unterminated quoted field")
    #expect(
      failure.hinting("quote the whole cell").message
        == "clients.csv:3: unterminated quoted field\n  hint: quote the whole cell")
  }

  @Test func gatheredFailuresPrintEachProblemOnItsLinesInOrder() {
    let gathered = RunFailure(gathering: [
      RunFailure(.usage, "table 'invoices' has no file"),
      RunFailure(.data, located: "a.csv: ambiguous dates"),
    ])
    #expect(gathered.kind == .usage)
    #expect(gathered.problems.count == 2)
    #expect(gathered.message == "verdict: table 'invoices' has no file\na.csv: ambiguous dates")
    // A hint goes on the last problem only.
    #expect(
      gathered.hinting("say --decimal .").message
        == "verdict: table 'invoices' has no file\na.csv: ambiguous dates\n  hint: say --decimal .")
  }

  @Test func theLibraryNoLongerWritesTheProgramsNameIntoMessages() {
    let failure = RunFailure(.usage, "the batch size must be positive")
    #expect(!failure.problems[0].message.hasPrefix("verdict:"))
    #expect(RunFailure.Problem.render("x", hint: nil) == "verdict: x")
  }
}
