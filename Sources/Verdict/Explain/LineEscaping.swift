/// How the bytes of an explanation line are written: as they read, or already escaped as the
/// inside of a JSON string, which a JSON report then copies as they are.
package enum LineEscaping: Sendable {
  /// The line as it reads.
  case none
  /// The line escaped as ``JSONStringEscape`` escapes it.
  case json
}
