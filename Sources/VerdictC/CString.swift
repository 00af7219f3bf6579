#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// NUL-terminated UTF-8 strings crossing the C boundary.
enum CString {
  /// The text of a C string argument; NULL and ill-formed UTF-8 are refused, naming the argument.
  static func read(_ pointer: UnsafePointer<CChar>?, _ argument: String, of function: String) throws(CallFailure)
    -> String
  {
    guard let pointer else { throw .argument("\(function): \(argument) is NULL") }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .argument("\(function): \(argument) is not valid UTF-8")
    }
    return text
  }

  /// A copy of `text` in memory from `malloc`, NUL-terminated, for the caller to free with
  /// `verdict_string_free`; `nil` only if memory ran out. A NUL inside `text` (JSON escapes it;
  /// text output cannot) ends the C string there.
  static func copy(_ text: String) -> UnsafeMutablePointer<CChar>? {
    var text = text
    return text.withUTF8 { bytes in
      guard let memory = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
      if let base = bytes.baseAddress { memcpy(memory, base, bytes.count) }
      memory[bytes.count] = 0
      return memory
    }
  }

  /// Frees a string ``copy(_:)`` made; NULL does nothing.
  static func release(_ string: UnsafeMutablePointer<CChar>?) {
    free(string)
  }

  /// Stores a copy of `text` in the caller's out-parameter, refusing to lose it when memory ran out.
  static func store(
    _ text: String, in out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, of function: String
  ) throws(CallFailure) {
    guard let copy = copy(text) else {
      throw .argument("\(function): out of memory for a \(text.utf8.count)-byte result")
    }
    out.pointee = copy
  }
}
