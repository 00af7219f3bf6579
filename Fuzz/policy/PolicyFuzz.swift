@testable import Verdict

/// Source text → `Policy.compile` (as `verdict check`), evaluation, and `PolicyFormatter` (as
/// `verdict fmt`).
///
/// The input is a policy's text, also tried as a bare expression (as the REPL takes one).
/// Checked, beyond not trapping: the diagnostics render; a policy that compiles gives the same
/// outcome through `evaluate`, `report`, `trace` and `explain`; a text that `fmt` refuses does
/// not compile either; formatted text parses, formatting it again changes nothing, it has the
/// same tokens and comments, the same diagnostics (by code), the same fields, verdicts and rules,
/// and the same outcome for the sample clients.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = SourceFile(name: "fuzz.verdict", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
  let compiled = Policy.compile(source)
  _ = DiagnosticRenderer().render(compiled.diagnostics, in: source)
  _ = DiagnosticRenderer(usesColor: true).render(compiled.diagnostics, in: source)
  _ = Policy.isIncomplete(source.text)
  _ = Policy.startsWithStatement(source.text)
  if let policy = compiled.policy {
    for client in SampleClients.clients(for: policy) {
      _ = Outcome.checked(policy, client)
    }
    _ = DiagnosticRenderer().render(policy.exampleDiagnostics, in: source)
  }
  tryAsExpression(source.text)

  switch PolicyFormatter.format(source) {
  case .failure:
    invariant(compiled.policy == nil, "fmt refuses a policy that compiles")
  case .success(let formatted):
    checkFormatted(source, compiled, formatted)
  }
  return 0
}

/// The text as the REPL's bare expression, against an empty policy.
func tryAsExpression(_ text: String) {
  guard let empty = try? Policy(""), let expression = try? empty.compileExpression(text) else { return }
  for client in SampleClients.clients(for: expression.policy) {
    do {
      _ = try expression.evaluate(client, in: SampleClients.context).description
    } catch {
      _ = DiagnosticRenderer().render(error.diagnostic, in: expression.source)
    }
  }
}

/// What `fmt` must keep.
func checkFormatted(_ source: SourceFile, _ compiled: (policy: Policy?, diagnostics: [Diagnostic]), _ text: String) {
  let formatted = SourceFile(name: source.name, text: text)
  guard case .success(let again) = PolicyFormatter.format(formatted) else {
    invariant(false, "formatted text does not parse:\n\(text)")
    return
  }
  invariant(again == text, "formatting twice changes the text:\n\(text)\n---\n\(again)")
  // One tokenization of each text for both comparisons.
  let (sourceTokens, formattedTokens) = (Lexer.tokenize(source), Lexer.tokenize(formatted))
  let (meaning, formattedMeaning) = (Tokens.meaning(sourceTokens.tokens), Tokens.meaning(formattedTokens.tokens))
  invariant(
    meaning == formattedMeaning, "formatting changes the tokens:\n\(meaning)\n\(formattedMeaning)\n---\n\(text)")
  invariant(
    Tokens.comments(sourceTokens.comments) == Tokens.comments(formattedTokens.comments),
    "formatting changes the comments:\n\(text)")
  let recompiled = Policy.compile(formatted)
  let codes = { (diagnostics: [Diagnostic]) in diagnostics.map { "\($0.severity) \($0.code)" }.sorted() }
  invariant(
    codes(compiled.diagnostics) == codes(recompiled.diagnostics),
    "formatting changes the diagnostics: \(codes(compiled.diagnostics)) \(codes(recompiled.diagnostics))\n\(text)")
  guard let policy = compiled.policy, let reformatted = recompiled.policy else {
    invariant(compiled.policy == nil && recompiled.policy == nil, "formatting changes whether it compiles:\n\(text)")
    return
  }
  invariant(Shape(policy) == Shape(reformatted), "formatting changes the policy:\n\(text)")
  for client in SampleClients.clients(for: policy) {
    let before = Outcome.checked(policy, client)
    let after = Outcome.checked(reformatted, client)
    invariant(before == after, "formatting changes the outcome: \(before) \(after)\n\(text)")
  }
}

/// A policy's fields, verdicts and rules, without source positions.
struct Shape: Equatable {
  var fields: [String]
  var verdicts: [String]
  var rules: [String]
  var strategy: String
  var examples: Int

  init(_ policy: Policy) {
    fields = policy.fields.map { field in
      "\(field.name) \(field.column ?? "") \(field.type.map(\.rawValue) ?? "") \(field.durationUnit.map(\.rawValue) ?? "") "
        + "\(field.currency?.code ?? "") \(field.dateFormat.map { "\($0)" } ?? "") \(field.isDeclared)"
    }
    verdicts = policy.verdicts + [policy.otherwiseVerdict]
    rules = policy.rules.map { "\($0.name ?? "") \($0.verdict)" }
    strategy = "\(policy.strategy)"
    examples = policy.examples.count
  }
}
