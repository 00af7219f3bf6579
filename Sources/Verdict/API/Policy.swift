/// A compiled policy: parsed, checked and ready to evaluate on any number of clients.
///
/// Compile once, evaluate many times. A `Policy` is an immutable value, so evaluating it from
/// several threads at once is safe.
///
/// ```swift
/// let policy = try Policy("when payment_delay > 30d and revisions > 5 then recommend fire notice 30d")
/// let client = try policy.client(["payment_delay": "45d", "revisions": 7])
/// let outcome = try policy.evaluate(client, in: EvaluationContext(today: try CalendarDate("2026-12-05")))
/// print(outcome)  // fire by rule 1: notice 30d
/// ```
public struct Policy: Sendable {
  /// The policy's text.
  public let source: SourceFile
  /// The parsed statements and comments, for tools such as a formatter.
  package let syntax: PolicySyntax
  /// The warnings, with the mistakes in the policy's own examples (the policy has no errors, or it
  /// would not have compiled).
  public let warnings: [Diagnostic]
  /// The policy's own `example` statements, for `verdict test`; those with mistakes are left out.
  public let examples: [PolicyExample]
  /// The mistakes in the policy's own examples, as errors. ``compile(_:)`` reports them as
  /// warnings, so that a broken example does not stop the policy from running; `verdict test`
  /// treats them as errors, as it does those of a test file.
  package let exampleDiagnostics: [Diagnostic]
  let program: Program
  let runtime: Runtime
  /// The record tables the policy declares, in file order.
  package let tables: [RecordTable]
  /// Whether the policy's rules compare a client with all the others (`share`, `rank`,
  /// `percentile`), so that evaluating one client needs the population it belongs to. Stored, not
  /// computed: every single evaluation checks it.
  public let needsPopulation: Bool
  /// The aggregates `share`, `rank` and `percentile` measure, by index among the policy's: stored,
  /// since every client of a population pass asks which of them its records leave unknown.
  package let measuredAggregates: [Int]
  /// Which value each slot of the clients this policy makes holds.
  package let clientLayout: ClientLayout
  /// The money fields whose bare amounts are in the currency their row names, which every
  /// reader of a row settles once its cells are read.
  package let rowCurrencies: RowCurrencies

  /// Compiles a policy's text; `name` labels its diagnostics (a file path, or `<repl>`).
  public init(_ text: String, name: String = "<policy>") throws(PolicyError) {
    try self.init(source: SourceFile(name: name, text: text))
  }

  /// Compiles a policy from a source file.
  package init(source: SourceFile) throws(PolicyError) {
    let compilation = Policy.compile(source)
    guard let policy = compilation.policy else {
      throw PolicyError(source: source, diagnostics: compilation.diagnostics)
    }
    self = policy
  }

  init(
    source: SourceFile, syntax: PolicySyntax, program: Program, warnings: [Diagnostic],
    examples: [PolicyExample] = [], exampleDiagnostics: [Diagnostic] = []
  ) {
    self.source = source
    self.syntax = syntax
    self.program = program
    self.runtime = Runtime(program)
    self.clientLayout = ClientLayout(program)
    self.rowCurrencies = RowCurrencies(program.fields)
    self.needsPopulation = !program.populationNeeds.isEmpty
    self.measuredAggregates = program.populationNeeds.map(\.field).filter { $0 >= program.fields.count }
      .map { $0 - program.fields.count }
    self.tables = program.tables.map { table in
      RecordTable(table, aggregates: program.aggregates, source: source, syntax: syntax)
    }
    self.warnings = warnings
    self.examples = examples
    self.exampleDiagnostics = exampleDiagnostics
  }

  /// Compiles a policy and returns every diagnostic, errors and warnings, with the policy if there
  /// were no errors. `verdict check` uses this to report everything at once.
  ///
  /// Mistakes in the policy's own examples are warnings here (with their codes, and in
  /// ``exampleDiagnostics`` as errors): a broken test must not stop a run.
  package static func compile(_ source: SourceFile) -> (policy: Policy?, diagnostics: [Diagnostic]) {
    let parsed = Parser.parse(source)
    if parsed.diagnostics.containsErrors {
      return (nil, parsed.diagnostics)
    }
    // One "did you mean" budget for the rules and the examples.
    let surroundings = Checker.Surroundings()
    let checked = Checker.check(parsed.syntax, surroundings: surroundings)
    var diagnostics = parsed.diagnostics + checked.diagnostics
    guard let program = checked.program else { return (nil, diagnostics) }
    var examples = ExampleChecker(
      program: program, policyText: source.bytes, source: source, suggestions: surroundings.suggestions)
    let checkedExamples = examples.check(parsed.syntax.statements, onlyExamples: false)
    diagnostics += examples.diagnostics.map { diagnostic in
      var warning = diagnostic
      warning.severity = .warning
      return warning
    }
    guard !diagnostics.containsErrors else { return (nil, diagnostics) }
    let policy = Policy(
      source: source, syntax: parsed.syntax, program: program, warnings: diagnostics.filter { $0.severity == .warning },
      examples: checkedExamples, exampleDiagnostics: examples.diagnostics)
    return (policy, diagnostics)
  }

  // MARK: - What the policy holds

  /// The fields the policy reads, in slot order: declared ones and those it uses undeclared.
  public var fields: [FieldInfo] { program.fields }

  /// The slot of the field called `name`.
  package func slot(ofField name: String) -> Int? {
    program.fields.firstIndex { $0.name == name }
  }

  /// The rules in file order. The array is made on each use: keep it in a constant rather
  /// than indexing `policy.rules[i]` in a loop, which would take time quadratic in the rules.
  public var rules: [RuleSummary] {
    program.rules.indices.map { rule(at: $0)! }
  }

  /// The rules in file order as the run's reports name them, and the history records them: by
  /// name, or `line 3` for an unnamed rule (the line where it starts). Unnamed rules that start
  /// on the same line (`when a then recommend fire when b then recommend talk`) are told apart by
  /// their column too, `line 3:1` and `line 3:28`, so that the history sees one take the other's
  /// place; a rule alone on its line keeps `line 3`, the label histories already hold.
  package var ruleLabels: [String] {
    let rules = rules
    let starts = rules.map { source.location(of: $0.range.start) }
    var unnamedOnLine: [Int: Int] = [:]
    for (rule, start) in zip(rules, starts) where rule.name == nil { unnamedOnLine[start.line, default: 0] += 1 }
    return zip(rules, starts).map { rule, start in
      if let name = rule.name { return name }
      return unnamedOnLine[start.line, default: 0] > 1 ? "line \(start.line):\(start.column)" : "line \(start.line)"
    }
  }

  /// The rule at `index` in file order (`nil` past the last), made alone: for a loop over some
  /// of the rules, where ``rules`` would make them all each time.
  package func rule(at index: Int) -> RuleSummary? {
    guard program.rules.indices.contains(index) else { return nil }
    let rule = program.rules[index]
    return RuleSummary(name: rule.name, verdict: program.verdicts[rule.action.verdict], range: rule.range)
  }

  /// The names of the record tables the policy declares (`table invoices keyed by client`), whose
  /// records ``client(_:records:today:options:)`` takes.
  public var tableNames: [String] { tables.map(\.name) }

  /// The verdicts, least severe first.
  public var verdicts: [String] { program.verdicts }

  /// The verdict given when no rule matches.
  public var otherwiseVerdict: String { program.verdicts[program.otherwise.verdict] }

  /// How the winning rule is chosen.
  package var strategy: Strategy { program.strategy }

  /// The population figures the policy uses; empty when it needs no first pass over the data.
  package var populationNeeds: [PopulationNeed] { program.populationNeeds }

  // MARK: - Evaluating

  /// Evaluates the policy on one client held in a record type of your own.
  package func evaluate<Record: ClientRecord>(_ client: Record, in context: EvaluationContext) throws(EvaluationError)
    -> Evaluation
  {
    var observer = NoObserver()
    return try run(client, context, &observer)
  }

  /// Evaluates the policy on one client and records the value of every expression it computed.
  package func trace<Record: ClientRecord>(_ client: Record, in context: EvaluationContext) -> Trace {
    let values = TraceValues(count: program.nodeCount)
    return Trace(outcome: trace(client, in: context, into: values), values: values)
  }

  /// Evaluates the policy on one client, recording the value of every expression it computed
  /// into `values` (which should be empty).
  func trace<Record: ClientRecord>(_ client: Record, in context: EvaluationContext, into values: TraceValues)
    -> Result<Evaluation, EvaluationError>
  {
    var recorder = TraceRecorder(values: values)
    do throws(EvaluationError) {
      return .success(try run(client, context, &recorder))
    } catch {
      return .failure(error)
    }
  }

  @inline(__always)
  func run<Record: ClientRecord, Observer: EvaluationObserver>(
    _ client: Record, _ context: EvaluationContext, _ observer: inout Observer
  ) throws(EvaluationError) -> Evaluation {
    try withInterpreter(client, context, &observer) { (interpreter) throws(Interrupt) in try interpreter.run() }
  }

  /// Sets up an interpreter for one client (its lets' cache, the borrowed client and context), runs
  /// `body` with it, and turns an interruption into the error it recorded.
  @inline(__always)
  func withInterpreter<Record: ClientRecord, Observer: EvaluationObserver, Result>(
    _ client: Record, _ context: EvaluationContext, _ observer: inout Observer,
    _ body: (inout Interpreter<Record, Observer>) throws(Interrupt) -> Result
  ) throws(EvaluationError) -> Result {
    try withUnsafePointer(to: client) { (record) throws(EvaluationError) -> Result in
      try withUnsafePointer(to: context) { (context) throws(EvaluationError) -> Result in
        try withInterpreter(recordAt: record, contextAt: context, &observer, body)
      }
    }
  }

  /// ``withInterpreter(_:_:_:_:)`` for a client and a context already at addresses of their own,
  /// which the evaluation borrows: a caller that keeps them so (``report(clientAt:in:)``) passes
  /// no copy of them.
  ///
  /// The lets' cache is a ``LetCache`` on the stack.
  @inline(__always)
  func withInterpreter<Record: ClientRecord, Observer: EvaluationObserver, Result>(
    recordAt record: UnsafePointer<Record>, contextAt context: UnsafePointer<EvaluationContext>,
    _ observer: inout Observer, _ body: (inout Interpreter<Record, Observer>) throws(Interrupt) -> Result
  ) throws(EvaluationError) -> Result {
    let letCount = program.lets.count
    var stackLets = LetCache()
    return try withUnsafeMutableBytes(of: &stackLets) { (bytes) throws(EvaluationError) -> Result in
      let lets = LetCache.buffer(in: bytes, count: letCount)
      defer { LetCache.release(lets) }
      return try withInterpreter(recordAt: record, contextAt: context, emptyLets: lets, &observer, body)
    }
  }

  /// ``withInterpreter(recordAt:contextAt:_:_:)`` with room for the lets' values that the caller
  /// keeps: `emptyLets` has a slot for each of the program's lets, every one empty. For a caller
  /// that evaluates a client several times (an explanation's truths and sides): setting up a
  /// ``LetCache`` empties its sixteen slots, about 33 instructions each time.
  @inline(__always)
  func withInterpreter<Record: ClientRecord, Observer: EvaluationObserver, Result>(
    recordAt record: UnsafePointer<Record>, contextAt context: UnsafePointer<EvaluationContext>,
    emptyLets lets: UnsafeMutableBufferPointer<Scalar?>, _ observer: inout Observer,
    _ body: (inout Interpreter<Record, Observer>) throws(Interrupt) -> Result
  ) throws(EvaluationError) -> Result {
    var interpreter = Interpreter(
      runtime: runtime, record: record, context: context, lets: lets, observer: observer)
    defer {
      observer = interpreter.observer
      interpreter.releaseScratch()
    }
    do throws(Interrupt) {
      return try body(&interpreter)
    } catch {
      throw interpreter.failure ?? EvaluationError(message: "evaluation stopped", range: .at(0))
    }
  }
}

/// A rule as the library describes it.
public struct RuleSummary: Sendable, Hashable {
  /// The rule's name, if it has one.
  public var name: String?
  /// The verdict it recommends.
  public var verdict: String
  /// Where it is in the source.
  package var range: SourceRange

  /// `rule 3 "slow payer"`, or `rule 3` for an unnamed rule: how messages name the rule at
  /// `index` in ``Policy/rules``.
  package func title(index: Int) -> String {
    RuleSummary.title(index: index, name: name)
  }

  static func title(index: Int, name: String?) -> String {
    // Quoted as the policy writes it: a name's line break or escape sequence is shown, not obeyed.
    "rule \(index + 1)" + (name.map { " " + Value.quote($0) } ?? "")
  }
}

/// A policy that did not compile, with every diagnostic found.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
  /// The policy's text.
  public var source: SourceFile
  /// Every diagnostic, errors first in source order.
  public var diagnostics: [Diagnostic]

  /// Creates a policy error, for tools that report their own problems with a policy's source.
  package init(source: SourceFile, diagnostics: [Diagnostic]) {
    self.source = source
    self.diagnostics = diagnostics
  }

  /// The diagnostics rendered without colour.
  public var description: String {
    DiagnosticRenderer().render(diagnostics, in: source)
  }
}
