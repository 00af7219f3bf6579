import Verdict

/// The session's policy as it is being written: one piece of text per statement, in order, and
/// the policy they compile to. Statements are added, replaced and dropped as whole pieces, so
/// the text can be saved as a policy file at any time.
package struct PolicyDraft: Sendable {
  /// One statement's text, with the comments that lead up to it when it came from a file.
  struct Segment: Sendable {
    /// The text, without trailing newlines.
    var text: String
    /// What kind of statement it is.
    var role: Role
  }

  /// What a segment's statement is, for numbering rules and replacing earlier statements.
  enum Role: Sendable, Equatable {
    /// A statement that defines something a later statement of the same key replaces:
    /// `field x`, `let x`, `verdicts`, `otherwise`, `strategy`.
    case definition(String)
    /// A rule; rules are numbered in order and never replaced.
    case rule
    /// An example, by name: a test of the policy, not a rule; a later example of the same
    /// name replaces it.
    case example(String)

    /// What a later statement replaces this one by: the definition's key, or
    /// `example "NAME"`; `nil` for rules.
    var key: String? {
      switch self {
      case .definition(let key): key
      case .example(let name): "example \"\(name)\""
      case .rule: nil
      }
    }
  }

  /// The name diagnostics about the whole draft use.
  package static let sourceName = "<session>"

  /// The draft's statements, one piece of text each, in order.
  var segments: [Segment] = []
  /// The compiled draft.
  package internal(set) var policy: Policy
  /// The bytes of text that adding statements has handed to `Policy.compile` so far. For tests
  /// that adding n statements costs about n times adding one, not n² (a paste compiles its
  /// statements together); nothing else reads it.
  package internal(set) var compiledBytes = 0

  /// An empty draft: no statements, the default verdicts.
  package init() {
    segments = []
    policy = PolicyDraft.compileOrEmpty("")
  }

  /// The draft as a policy file's text, ending with a newline unless empty.
  package var text: String {
    let body = segments.map(\.text).joined(separator: "\n")
    return body.isEmpty ? "" : body + "\n"
  }

  /// Number of statements.
  package var statementCount: Int { segments.count }

  /// What happened to a draft that accepted new text.
  package struct Change: Sendable {
    /// One line per statement: `added rule 7`, `replaced let slow`.
    package var messages: [String]
    /// Warnings about the new text, with ranges into it.
    package var warnings: [Diagnostic]
  }

  /// Adds the statements in `input`, replacing earlier definitions of the same names and
  /// earlier examples of the same names.
  ///
  /// On errors the draft is unchanged and the error's diagnostics point into `input`.
  package mutating func add(_ input: String) throws(PolicyError) -> Change {
    var replacing = PolicyDraft.definedKeys(in: input)
    var attempt = try combine(input, replacing: replacing, counting: &compiledBytes)
    // An example's name is text, which the word scan skips: an example typed again under a
    // name the draft holds is found once the input has compiled, and replaces the earlier one.
    let retyped = Set(attempt.added.compactMap(\.role.key)).intersection(segments.compactMap(\.role.key))
      .subtracting(replacing)
    if !retyped.isEmpty {
      replacing.formUnion(retyped)
      attempt = try combine(input, replacing: replacing, counting: &compiledBytes)
    }
    let replaced = Set(segments.compactMap(\.role.key)).intersection(replacing)
    let policy = attempt.policy
    segments = attempt.kept + attempt.added
    self.policy = policy
    var ruleNumber = policy.rules.count - attempt.added.filter { $0.role == .rule }.count
    let messages = attempt.added.map { segment -> String in
      guard let key = segment.role.key else {
        ruleNumber += 1
        let name = policy.rule(at: ruleNumber - 1)?.name
        return "added rule \(ruleNumber)" + (name.map { " " + Value.quote($0) } ?? "")
      }
      return (replaced.contains(key) ? "replaced " : "added ") + key
    }
    return Change(messages: messages, warnings: attempt.warnings)
  }

  /// The draft's statements that `input` leaves, followed by `input`, compiled.
  private struct Combination {
    /// The segments kept from the draft.
    var kept: [Segment]
    /// The segments of `input`.
    var added: [Segment]
    /// The compiled whole.
    var policy: Policy
    /// The warnings about `input`, pointing into it.
    var warnings: [Diagnostic]
  }

  /// Compiles the draft without the statements keyed `replacing`, followed by `input`.
  ///
  /// The input's first statement begins its line, as in the draft's text (see `segments`): typed
  /// indented after a table, a `field` would otherwise be read as the table's member, which no
  /// segment holds.
  private func combine(
    _ input: String, replacing: Set<String>, counting compiled: inout Int
  ) throws(PolicyError) -> Combination {
    let kept = segments.filter { $0.role.key.map { !replacing.contains($0) } ?? true }
    let prefix = kept.map(\.text).joined(separator: "\n")
    let offset = prefix.isEmpty ? 0 : prefix.utf8.count + 1
    let lineStart = PolicyDraft.lineStart(of: input)
    var body = Array(input.utf8)
    body.removeSubrange(lineStart)
    let combined = SourceFile(
      name: PolicyDraft.sourceName, bytes: prefix.isEmpty ? body : Array(prefix.utf8) + [UInt8(ascii: "\n")] + body)
    let inputSource = SourceFile(name: "<repl>", text: input)
    compiled += combined.bytes.count
    let (result, diagnostics) = Policy.compile(combined)
    let shifted = PolicyDraft.shift(diagnostics, from: offset, undoing: lineStart)
    guard let policy = result else {
      let own = shifted.filter { $0.severity == .error }
      if own.isEmpty { throw PolicyError(source: combined, diagnostics: diagnostics.filter { $0.severity == .error }) }
      // The input's own parse errors read better from a parse of the input alone: their
      // messages name lines of the input, not of the combined text.
      let alone = Policy.compile(inputSource).diagnostics
      let clearer = own.map { error in
        alone.first { $0.code == error.code && $0.range == error.range } ?? error
      }
      throw PolicyError(source: inputSource, diagnostics: clearer)
    }
    let added = PolicyDraft.segments(of: combined, statements: policy.syntax.statements, from: offset)
    let warnings = shifted.filter { $0.severity == .warning && !PolicyDraft.quietWarnings.contains($0.code) }
    return Combination(kept: kept, added: added, policy: policy, warnings: warnings)
  }

  /// Diagnostics that fall after `offset`, moved to point into the input, whose ``lineStart(of:)``
  /// white space the compiled text did not have; notes are dropped since they may point into the
  /// earlier text.
  static func shift(
    _ diagnostics: [Diagnostic], from offset: Int, undoing removed: Range<Int>
  ) -> [Diagnostic] {
    func moved(_ position: Int) -> Int {
      let local = position - offset
      return local >= removed.lowerBound ? local + removed.count : local
    }
    return diagnostics.compactMap { diagnostic -> Diagnostic? in
      guard diagnostic.range.start >= offset else { return nil }
      var shifted = diagnostic
      shifted.range = SourceRange(start: moved(diagnostic.range.start), end: moved(diagnostic.range.end))
      shifted.notes = []
      return shifted
    }
  }

  /// The white space to remove from `input` so that its first statement (after any blank and
  /// comment lines) begins its line, as the draft's segments have it. Otherwise the statement
  /// reads as indented, a member of a table before it. Lines end as ``SourceFile`` ends them,
  /// a lone carriage return included (found by the `repl` fuzz target: after
  /// `table n keyed by f`, the entry `#⏎let m = e` with a lone carriage return vanished into the
  /// table).
  static func lineStart(of input: String) -> Range<Int> {
    let bytes = Array(input.utf8)
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        index += 1
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        index += 1
        lineStart = index
      case UInt8(ascii: "#"):
        // A comment runs to the end of its line.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
          index += 1
        }
      default:
        return lineStart..<index
      }
    }
    return index..<index
  }

  /// Replaces the whole draft with a file's text; on errors the draft is unchanged.
  package mutating func load(_ source: SourceFile) throws(PolicyError) {
    let (compiled, diagnostics) = Policy.compile(source)
    guard let compiled else { throw PolicyError(source: source, diagnostics: diagnostics) }
    let loaded = PolicyDraft.segments(of: source, statements: compiled.syntax.statements, from: 0)
    let body = loaded.map(\.text).joined(separator: "\n")
    guard let policy = Policy.compile(SourceFile(name: PolicyDraft.sourceName, text: body)).policy else {
      throw PolicyError(source: source, diagnostics: diagnostics)
    }
    segments = loaded
    self.policy = policy
  }

  /// Removes the rule at `index` (0-based, in ``Policy/rules`` order).
  ///
  /// Returns false when the rest no longer compiles (nothing else refers to a rule, so this
  /// does not happen for policies the checker accepted).
  package mutating func dropRule(at index: Int) -> Bool {
    let ruleSegments = segments.indices.filter { segments[$0].role == .rule }
    guard ruleSegments.indices.contains(index) else { return false }
    var remaining = segments
    remaining.remove(at: ruleSegments[index])
    let body = remaining.map(\.text).joined(separator: "\n")
    guard let compiled = Policy.compile(SourceFile(name: PolicyDraft.sourceName, text: body)).policy else {
      return false
    }
    segments = remaining
    policy = compiled
    return true
  }

  /// The statement text of the rule at `index`, on one line.
  package func ruleText(at index: Int) -> String {
    guard let range = policy.rule(at: index)?.range else { return "" }
    let bytes = policy.source.bytes
    let text = String(decoding: bytes[min(range.start, bytes.count)..<min(range.end, bytes.count)], as: UTF8.self)
    return PolicyWords.onOneLine(text)
  }

  /// Warnings that only say a name is not used yet, which is the normal state of a draft.
  static let quietWarnings: Set<String> = ["unused-field", "unused-let", "unused-verdict"]

  private static func compileOrEmpty(_ text: String) -> Policy {
    if let policy = Policy.compile(SourceFile(name: sourceName, text: text)).policy { return policy }
    return PolicyDraft.empty
  }

  private static let empty: Policy = {
    guard let policy = Policy.compile(SourceFile(name: sourceName, text: "")).policy else {
      preconditionFailure("the empty policy compiles")
    }
    return policy
  }()
}
