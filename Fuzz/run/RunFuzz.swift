import Synchronization

@testable import Verdict
@testable import VerdictData
@testable import VerdictREPL
@testable import VerdictRun

#if canImport(Glibc)
  import Glibc
#endif

/// Bytes → a data file → `verdict run` (`Runner`: layout detection, column binding, cell
/// reading, population pass, batches, the JSON Lines report), and the same file through the
/// path of `check --data` and the REPL (`ClientTable`, `ClientBook`).
///
/// The first two bytes choose the format, the read options, the policy and the batch size; the
/// rest is the file. Checked, beyond not trapping: a run that succeeds writes a report that
/// parses, one line per record it read; the run and the REPL's path see the same records and
/// give each the same verdict and rule, or both an error, and with `--explain` each evaluated
/// client the line of its whole explanation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var input = FuzzInput(data, size)
  let mode = input.byte()
  let more = input.byte()
  let format = [InputFormat.csv, .csv, .json, .jsonl][Int(mode & 3)]
  var options = DataReadOptions()
  options.inputFormat = format
  if mode & 4 != 0 { options.delimiter = UInt8(ascii: ";") }
  if mode & 8 != 0 { options.decimalMark = mode & 16 != 0 ? .comma : .point }
  if mode & 32 != 0 { options.skipLines = 1 }
  if mode & 64 != 0 { options.encoding = [.utf8, .windows1252, .latin1, .utf16][Int(more >> 6)] }
  if more & 1 != 0 { options.keyColumn = "id" }
  // The policy from two bits of the second byte and the first's top bit (past the four the
  // second's bits name, `policy` takes the index modulo the count).
  let policy = RunPolicies.policy(Int(more >> 1 & 3) | Int(mode >> 7) << 2)
  let path = Scratch.path("data." + format.rawValue)
  Scratch.write(path, input.rest())

  var configuration = RunConfiguration(inputs: [path], today: SampleClients.context.today)
  configuration.reading = options
  configuration.format = .jsonl
  configuration.outputPath = Scratch.report
  configuration.jobs = 1 + Int(more >> 3 & 1)
  configuration.batchSize = 1 + Int(more >> 4 & 3)
  // Every client explained: the line writer's fast path (truths, remembered facts) against each
  // client's whole explanation.
  configuration.explain = more & 0x40 != 0
  unlink(Scratch.report)
  let errors = Mutex("")
  let result = Runner(policy: policy, configuration: configuration) { text in errors.withLock { $0 += text } }
    .run()
  let report = result.status == .usage ? nil : ReportLine.read(Scratch.report)
  compare(
    report, result, explained: configuration.explain, with: policy, path: path, options: options,
    errors.withLock { $0 })
  return 0
}

/// The run's report against the REPL's reading of the same file.
func compare(
  _ report: [ReportLine]?, _ result: RunResult, explained: Bool, with policy: Policy, path: String,
  options: DataReadOptions, _ errors: String
) {
  guard let table = try? ClientTable.read(path, options: options) else {
    invariant(report == nil, "run reads a file that check --data cannot open: \(errors)")
    return
  }
  // Run refuses the file (a column a field needs, or how its numbers or dates are written,
  // cannot be decided), or the file has no good JSON record, so that `check --data` and the
  // REPL load no client while run reports each bad record as an error row.
  guard let report, !table.columns.isEmpty else { return }
  invariant(report.count == result.tally.read, "\(report.count) report lines for \(result.tally.read) records")
  var book = ClientBook()
  book.load(table)
  let context = EvaluationContext(today: SampleClients.context.today, population: book.population(for: policy))
  let expected = book.entries.indices.map { index -> ReportLine in
    let name = book.entries[index].reportName
    guard let client = try? book.client(at: index, for: policy, overrides: [:]),
      book.problem(at: index, for: policy) == nil,
      let evaluation = try? policy.evaluate(client, in: context, allowingMissingPopulation: true)
    else { return ReportLine(client: name, verdict: "error", rule: nil) }
    return ReportLine(
      client: name, verdict: evaluation.verdict, rule: evaluation.winningRule.map { policy.rules[$0].name ?? "" },
      explain: explained ? ExplanationText.line(policy.explain(client, in: context)) : nil)
  }
  invariant(report == expected, "run and the REPL differ:\n\(report)\n\(expected)\n\(errors)")
}

/// What the comparison looks at in one line of a JSON Lines report.
struct ReportLine: Equatable, CustomStringConvertible {
  var client: String
  var verdict: String
  var rule: String?
  /// The line's explanation, when the run explained its clients (an error row's is not compared).
  var explain: String? = nil

  var description: String { "\(client): \(verdict) \(rule ?? "")" + (explain.map { " (\($0))" } ?? "") }

  /// The report's lines, or `nil` when there is no report; every line must be a JSON object.
  static func read(_ path: String) -> [ReportLine]? {
    guard let file = fopen(path, "r") else { return nil }
    fclose(file)
    let bytes = Scratch.read(path)
    return bytes.split(separator: 0x0A).map { line in
      guard case .object(let members) = try? JSONParser.parse(Array(line)) else {
        invariant(false, "a report line is not a JSON object: \(String(decoding: line, as: UTF8.self))")
        return ReportLine(client: "", verdict: "", rule: nil)
      }
      var parsed = ReportLine(client: "", verdict: "", rule: nil)
      for member in members {
        switch (member.key, member.value) {
        case ("client", .string(let name)): parsed.client = name
        case ("verdict", .string(let verdict)): parsed.verdict = verdict
        case ("rule", .string(let rule)): parsed.rule = rule
        case ("explain", .string(let explain)): parsed.explain = explain
        default: continue
        }
      }
      return parsed
    }
  }
}
