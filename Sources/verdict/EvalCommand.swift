import ArgumentParser
import Verdict

/// `verdict eval POLICY --set field=value...`: evaluate a policy on one client given on the command line.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate a policy on one client given with --set.",
    discussion: """
      Values are written as in a data file: 45d, 7, 1200 EUR, 2026-11-28, true, or any \
      text. Fields not set are missing.

      Exit status: 0 evaluated, 1 the evaluation failed (overflow, division by zero), \
      2 the policy has errors, a field is unknown, a value does not fit its field or \
      --today is not a date.
      """
  )

  @Argument(help: "The policy file.")
  var policy: String

  @Option(name: .customLong("set"), help: ArgumentHelp("A field's value.", valueName: "field=value"))
  var assignments: [String] = []

  @Option(help: ArgumentHelp("The date that 'today' means (default: the local date).", valueName: "YYYY-MM-DD"))
  var today: String?

  func run() throws {
    let policy = try PolicyFile.compile(policy)
    let client = try makeClient(for: policy)
    var context = EvaluationContext()
    if let today { context.today = try TodayOption.parse(today) }
    do throws(EvaluationError) {
      let evaluation = try policy.evaluate(client, in: context, allowingMissingPopulation: true)
      Terminal.show(EvaluationText.render(evaluation, policy: policy))
    } catch {
      Terminal.error(Terminal.diagnosticRenderer.render(error.diagnostic, in: policy.source))
      throw CommandFailure(message: "evaluation failed", exitCode: 1)
    }
  }

  private func makeClient(for policy: Policy) throws(CommandFailure) -> Client {
    let values = try SetOption.cells(assignments, for: policy).mapValues(Value.text)
    do throws(ClientError) {
      return try policy.client(values, options: .absentIsMissing, reader: .typedValues)
    } catch {
      throw CommandFailure(
        message: "--set \(error.description)\(error.hint.map { " (\($0))" } ?? "")", exitCode: 2)
    }
  }
}
