/// Renders diagnostics as text: `file:line:col: error: message`, the source line, a caret line
/// under the range, the hint and the notes.
///
/// ```
/// firing.verdict:3:6: error: unknown field 'payment_dela'
///     3 | when payment_dela > 30d
///       |      ^~~~~~~~~~~~
///       = hint: did you mean 'payment_delay'?
/// ```
public struct DiagnosticRenderer: Sendable {
  /// Whether to colour the output with ANSI escapes.
  package var usesColor: Bool
  /// The most source columns shown around a caret; longer lines are cut with `…`.
  package var maximumLineWidth = 100

  /// Creates a renderer.
  public init(usesColor: Bool = false) {
    self.usesColor = usesColor
  }

  /// Whether colour suits an output: only on a terminal, and never when `NO_COLOR` is set
  /// (see no-color.org).
  package static func colorSuits(isTerminal: Bool, environment: [String: String]) -> Bool {
    guard isTerminal else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// A source's name as a message shows it: the scalars that drive a terminal
  /// (``Value/drivesTerminal(_:)``: an escape, a line break, U+202E) as `\u{…}`, as quoted text
  /// shows them. A library's caller names its policies, and a file's name may hold anything.
  static func shown(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: { Value.drivesTerminal($0.value) }) else { return name }
    var shown = ""
    for scalar in name.unicodeScalars {
      if Value.drivesTerminal(scalar.value) {
        shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }

  /// Renders one diagnostic with the source line it points into; ends with a newline.
  package func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    let location = source.location(of: diagnostic.range.start)
    let name = Self.shown(source.name)
    var output = paint("\(name):\(location): ", .bold)
    output += paint("\(diagnostic.severity.rawValue):", color(for: diagnostic.severity))
    output += paint(" \(diagnostic.message)", .bold) + "\n"
    if diagnostic.quotesSource { output += excerpt(diagnostic.range, in: source) }
    if let hint = diagnostic.hint {
      output += "      = " + paint("hint:", .cyan) + " \(hint)\n"
    }
    for note in diagnostic.notes {
      if let range = note.range {
        output += "\(name):\(source.location(of: range.start)): "
        output += paint("note:", .cyan) + " \(note.message)\n"
        output += excerpt(range, in: source)
      } else {
        output += "      = " + paint("note:", .cyan) + " \(note.message)\n"
      }
    }
    return output
  }

  /// Renders a finding about a line of a file other than a policy (a data file's row):
  /// `file:line: warning: message`, without an excerpt; ends with a newline.
  package func render(_ severity: Diagnostic.Severity, _ message: String, file: String, line: Int) -> String {
    paint("\(file):\(line): ", .bold) + paint("\(severity.rawValue):", color(for: severity))
      + paint(" \(message)", .bold) + "\n"
  }

  /// Renders several diagnostics, one after another.
  public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
    diagnostics.map { render($0, in: source) }.joined()
  }

  /// The numbered source line and the caret line under `range` (only its first line, if it spans several).
  func excerpt(_ range: SourceRange, in source: SourceFile) -> String {
    guard !source.bytes.isEmpty || range.start == 0 else { return "" }
    let lineIndex = source.lineIndex(of: min(range.start, source.bytes.count))
    let line = source.lineRange(lineIndex)
    let caretStart = min(max(range.start, line.lowerBound), line.upperBound)
    let caretEnd = min(max(range.end, caretStart), line.upperBound)
    let startColumn = source.columns(from: line.lowerBound, to: caretStart)
    let width = max(1, source.columns(from: caretStart, to: caretEnd))
    let lineColumns = source.columns(from: line.lowerBound, to: line.upperBound)

    // Show a window of the line around the caret when the line is too long.
    var first = 0
    if lineColumns > maximumLineWidth {
      first = max(0, min(startColumn - maximumLineWidth / 3, lineColumns - maximumLineWidth))
    }
    let shown = characters(of: source, in: line, skipping: first, taking: maximumLineWidth)
    let prefix = first > 0 ? "…" : ""
    let suffix = first + maximumLineWidth < lineColumns ? "…" : ""
    let number = String(lineIndex + 1)
    let gutter = String(repeating: " ", count: max(0, 5 - number.count))
    let caretPad = String(repeating: " ", count: prefix.count + max(0, startColumn - first))
    let caretWidth = max(1, min(width, maximumLineWidth - max(0, startColumn - first)))
    let carets = "^" + String(repeating: "~", count: caretWidth - 1)
    return gutter + paint(number + " |", .blue) + " " + prefix + shown + suffix + "\n"
      + "      " + paint("|", .blue) + " " + caretPad + paint(carets, .green) + "\n"
  }

  /// Up to `count` characters of a line after skipping `skip`; tabs become one space so carets line up,
  /// and control characters are shown as `?`.
  ///
  /// Only the window is decoded, found from the source's character checkpoints, not the line from
  /// its start for every excerpt (a generated policy can be one line of megabytes with a
  /// diagnostic every few bytes). Invalid UTF-8 becomes U+FFFD as `String(decoding:as:)` makes it.
  func characters(of source: SourceFile, in line: Range<Int>, skipping skip: Int, taking count: Int)
    -> String
  {
    let first = min(source.offset(ofCharacter: skip, after: line.lowerBound), line.upperBound)
    var scalars = String.UnicodeScalarView()
    var bytes = source.bytes[first..<line.upperBound].makeIterator()
    var decoder = UTF8()
    for _ in 0..<count {
      let scalar: Unicode.Scalar
      switch decoder.decode(&bytes) {
      case .scalarValue(let decoded): scalar = decoded
      case .error: scalar = "\u{FFFD}"
      case .emptyInput: return String(scalars)
      }
      if scalar == "\t" {
        scalars.append(" ")
      } else if scalar.value < 0x20 || scalar.value == 0x7F {
        scalars.append("?")
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  private enum Style: String {
    case bold = "1"
    case red = "1;31"
    case yellow = "1;33"
    case cyan = "1;36"
    case blue = "34"
    case green = "32"
  }

  private func color(for severity: Diagnostic.Severity) -> Style {
    switch severity {
    case .error: .red
    case .warning: .yellow
    case .note: .cyan
    }
  }

  private func paint(_ text: String, _ style: Style) -> String {
    usesColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}
