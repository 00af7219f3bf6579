import CEditLine
import Glibc

/// What one `LineEditor.readLine(prompt:)` call produced.
package enum LineEditorEvent: Equatable, Sendable {
  /// A finished line, without its newline.
  case line(String)
  /// Ctrl-C: the partial line was discarded; show a fresh prompt.
  case interrupted
  /// Ctrl-D on an empty line, or the input was closed.
  case endOfInput
}

/// One line of terminal input with editing, history and completion, backed by libedit.
///
/// Keys follow emacs bindings; Up and Down walk the history; Tab asks `completer`. Input is
/// read from standard input and echoed to standard output. When standard input is not a
/// terminal, libedit reads plain lines and shows no prompt.
///
/// Creating an editor sets the process's `LC_CTYPE` from the environment (falling back to
/// `C.UTF-8` when that is plain ASCII), because libedit decodes and displays multi-byte
/// characters through the C locale. Use one editor at a time, from one thread.
package final class LineEditor {
  /// Completion: given the whole line buffer and the cursor offset (in characters), returns
  /// the start of the word being completed and candidate replacements for it.
  ///
  /// With one candidate, Tab inserts the rest of it (plus a space unless
  /// `Completion.appendsSpace` is false). With several, Tab inserts their longest common
  /// prefix; when that adds nothing, it lists the candidates below the line instead.
  package var completer: ((_ line: String, _ cursor: Int) -> Completion)?

  /// The libedit `EditLine *`, or nil if libedit could not start.
  let editLine: OpaquePointer?
  private let history: EditHistory
  private let input: InputReader
  private var prompt: UnsafeMutablePointer<CChar>?

  /// The name libedit knows the completion command by, for `bind` lines in `~/.editrc`.
  static let completeCommand = "verdict-complete"

  /// Creates an editor.
  ///
  /// - Parameters:
  ///   - programName: Name libedit uses to pick program-specific settings.
  ///   - historyFile: File to load history from and save it to, or nil to keep history in
  ///     memory only. Missing parent directories are created when the first line is saved.
  ///   - historyLimit: Most entries kept; older ones are dropped.
  package init(programName: String, historyFile: String?, historyLimit: Int = 1000) {
    _ = verdict_adopt_utf8_ctype()
    history = EditHistory(limit: historyLimit, path: historyFile)
    input = InputReader(inputDescriptor: fileno(verdict_stdin()))
    editLine = el_init(programName, verdict_stdin(), verdict_stdout(), verdict_stderr())
    guard let editLine else { return }
    _ = verdict_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = verdict_el_set_editor(editLine, "emacs")
    _ = verdict_el_set_signal(editLine, 1)
    _ = verdict_el_set_prompt(editLine) { editLine in LineEditor.owner(of: editLine)?.prompt }
    _ = verdict_el_set_getcfn(editLine) { editLine, character in
      guard let editLine, let character, let editor = LineEditor.owner(of: editLine) else {
        return InputReader.Status.failure.rawValue
      }
      return editor.input.readCharacter(into: character, editLine: editLine).rawValue
    }
    if let handle = history.handle {
      _ = verdict_el_set_history(editLine, handle)
    }
    _ = verdict_el_set_addfn(editLine, Self.completeCommand, "Complete the word at the cursor") {
      editLine, _ in
      guard let editLine, let editor = LineEditor.owner(of: editLine) else {
        return UInt8(CC_ERROR)
      }
      return editor.complete(in: editLine)
    }
    _ = verdict_el_bind(editLine, "^I", Self.completeCommand)
  }

  deinit {
    if let editLine {
      el_end(editLine)
    }
    free(prompt)
  }

  /// Reads one line showing `prompt`.
  ///
  /// Returns `.line(text)` (without newline), `.interrupted` (Ctrl-C: the line is discarded,
  /// the caller shows a fresh prompt), or `.endOfInput` (Ctrl-D on an empty line, or closed
  /// input). While this runs, SIGINT, SIGWINCH and SIGCONT are handled here; the previous
  /// handlers are back in place when it returns, so outside `readLine` Ctrl-C behaves as
  /// the program arranged (by default it ends the process). Lines are not added to history
  /// automatically.
  package func readLine(prompt: String) -> LineEditorEvent {
    guard let editLine else { return readPlainLine(prompt: prompt) }
    setPrompt(prompt)
    input.beginLine()
    let signals = TerminalSignals(wakeWriteDescriptor: input.wakeWrite)
    defer { signals.restore() }
    // el_wgets prints the prompt before it leaves cooked mode, so keys typed right after
    // the prompt appears would be echoed by the terminal and Ctrl-D would be lost.
    _ = verdict_el_prep_term(editLine, 1)
    var count: Int32 = 0
    let characters = el_wgets(editLine, &count)
    if input.wasInterrupted {
      el_reset(editLine)
      writeNewlineToTerminal()
      return .interrupted
    }
    guard let characters, count > 0 else {
      writeNewlineToTerminal()
      return .endOfInput
    }
    var text = String.UnicodeScalarView()
    for offset in 0..<Int(count) {
      text.append(Self.scalar(characters[offset]))
    }
    if text.last == "\n" {
      text.removeLast()
    }
    return .line(String(text))
  }

  /// Whether more input can be read without waiting: the rest of a paste, not keys yet to be
  /// typed. (The reader takes one byte at a time from the descriptor, so nothing read waits in
  /// a buffer of ours or libedit's.)
  package var isInputWaiting: Bool {
    var descriptor = pollfd(fd: input.inputDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
  }

  /// Adds a line to history (skipping blank lines and immediate duplicates) and persists it
  /// to the history file.
  ///
  /// Returns false when the history file could not be written; the entry is still kept for
  /// this session.
  @discardableResult
  package func addHistory(_ line: String) -> Bool {
    history.add(line)
  }

  /// Number of entries in history, including those loaded from the file.
  package var historyCount: Int {
    history.count
  }

  /// The editor registered as `editLine`'s client data.
  static func owner(of editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = verdict_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  /// The Unicode scalar for a libedit wide character; U+FFFD for values that are not one.
  static func scalar(_ character: wchar_t) -> Unicode.Scalar {
    Unicode.Scalar(UInt32(bitPattern: character)) ?? "\u{FFFD}"
  }

  private func setPrompt(_ text: String) {
    free(prompt)
    prompt = strdup(text)
  }

  /// Ends the on-screen line after Ctrl-C or Ctrl-D, which libedit leaves open.
  private func writeNewlineToTerminal() {
    guard isatty(input.inputDescriptor) == 1 else { return }
    fputs("\n", verdict_stdout())
    fflush(verdict_stdout())
  }

  /// Used only if libedit failed to start: no editing, but still a usable prompt.
  private func readPlainLine(prompt: String) -> LineEditorEvent {
    fputs(prompt, verdict_stdout())
    fflush(verdict_stdout())
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line)
  }
}
