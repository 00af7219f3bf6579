@testable import Verdict
@testable import VerdictREPL

/// Lines → a REPL session (`InputBuffer`, `Session.handle`, `Completer`), as `verdict repl` feeds
/// them from a pipe.
///
/// `:load`, `:data` and `:save` are pointed at files of the target's own scratch directory
/// (`Workspace`), so that no input reads or writes anything else. Checked, beyond not trapping:
/// after every entry the session's policy text compiles to a policy with the session's rules,
/// fields, and tables with their fields (what `:save` writes must pass `verdict check` and mean
/// the same); a `:save` writes exactly that text; completion gives candidates that start where
/// the word does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  var session = Session(today: CalendarDate(year: 2026, month: 11, day: 28)!)
  var buffer = InputBuffer()
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    complete(String(line), in: session, pending: buffer.pending)
    guard case .complete(let entry) = buffer.add(String(line)) else { continue }
    if handle(entry, in: &session) { return 0 }
  }
  if let rest = buffer.finish() { _ = handle(rest, in: &session) }
  return 0
}

/// Handles one entry and checks the session after it; returns whether the session ended.
func handle(_ entry: String, in session: inout Session) -> Bool {
  let reply = session.handle(Workspace.confined(entry))
  _ = session.prompt + session.continuationPrompt + session.banner(version: "fuzz")
  let draft = session.draft
  let compiled = Policy.compile(SourceFile(name: PolicyDraft.sourceName, text: draft.text))
  invariant(
    compiled.policy != nil,
    "the session's policy does not compile after \(entry):\n\(draft.text)\n"
      + DiagnosticRenderer().render(compiled.diagnostics, in: SourceFile(name: "", text: draft.text)))
  if let policy = compiled.policy {
    let tables = { (policy: Policy) in policy.tables.map { "\($0.name): \($0.fields.map(\.name))" } }
    invariant(
      policy.rules.map(\.verdict) == draft.policy.rules.map(\.verdict)
        && policy.fields.map(\.name) == draft.policy.fields.map(\.name) && tables(policy) == tables(draft.policy),
      "the session's text and policy differ after \(entry):\n\(draft.text)")
  }
  if !reply.failed, entry.trimmed.hasPrefix(":save") {
    let saved = Scratch.read(Workspace.saved)
    invariant(saved == Array(draft.text.utf8), ":save wrote something else than the policy:\n\(draft.text)")
  }
  return reply.quits
}

/// Asks for completions at a few places in `line`.
func complete(_ line: String, in session: Session, pending: String) {
  let completer = Completer(session: session)
  for cursor in Set([0, line.count / 2, line.count]) {
    let candidates = completer.complete(line: line, cursor: cursor, pending: pending)
    invariant(
      candidates.wordStart >= 0 && candidates.wordStart <= cursor,
      "completion at \(cursor) of \(line) starts at \(candidates.wordStart)")
  }
}
