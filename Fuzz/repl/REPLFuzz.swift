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
  var compiled: CompiledDraft?
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    complete(String(line), in: session, pending: buffer.pending)
    guard case .complete(let entry) = buffer.add(String(line)) else { continue }
    if handle(entry, in: &session, compiled: &compiled) { return 0 }
  }
  if let rest = buffer.finish() { _ = handle(rest, in: &session, compiled: &compiled) }
  return 0
}

/// A session's policy text and what compiling it declared. Compiling is deterministic, so a text
/// is compiled once: most entries (expressions, meta-commands, refused statements) leave the text
/// as it was, and compiling it again took a quarter of the target's time.
struct CompiledDraft {
  var text: String
  var shape: PolicyShape
}

/// What the session's policy must agree on with its text compiled: the rules' verdicts, the
/// fields, and the tables with their fields.
struct PolicyShape: Equatable {
  var verdicts: [String]
  var fields: [String]
  var tables: [String]

  init(_ policy: Policy) {
    verdicts = policy.rules.map(\.verdict)
    fields = policy.fields.map(\.name)
    tables = policy.tables.map { "\($0.name): \($0.fields.map(\.name))" }
  }
}

/// Handles one entry and checks the session after it; returns whether the session ended.
func handle(_ entry: String, in session: inout Session, compiled: inout CompiledDraft?) -> Bool {
  let reply = session.handle(Workspace.confined(entry))
  _ = session.prompt + session.continuationPrompt + session.banner(version: "fuzz")
  let draft = session.draft
  if compiled?.text != draft.text {
    let result = Policy.compile(SourceFile(name: PolicyDraft.sourceName, text: draft.text))
    invariant(
      result.policy != nil,
      "the session's policy does not compile after \(entry):\n\(draft.text)\n"
        + DiagnosticRenderer().render(result.diagnostics, in: SourceFile(name: "", text: draft.text)))
    compiled = result.policy.map { CompiledDraft(text: draft.text, shape: PolicyShape($0)) }
  }
  invariant(
    compiled?.shape == PolicyShape(draft.policy), "the session's text and policy differ after \(entry):\n\(draft.text)")
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
