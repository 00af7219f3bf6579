/// What a C entry point returns: `verdict_status` in `include/verdict.h`.
enum CallStatus: CInt {
  case ok = 0
  /// A NULL argument, a string that is not UTF-8, a date that is not a date, an unknown format, a
  /// handle freed already or of the other kind.
  case argument = 1
  /// The policy text does not compile.
  case policy = 2
  /// The client JSON is not an object of known fields with values that fit them.
  case client = 3
  /// The evaluation failed (an overflow, a division by zero).
  case evaluation = 4
}

/// Why a C entry point failed: the status it returns and the message it hands the caller.
struct CallFailure: Error {
  var status: CallStatus
  var message: String

  static func argument(_ message: String) -> CallFailure { CallFailure(status: .argument, message: message) }
  static func client(_ message: String) -> CallFailure { CallFailure(status: .client, message: message) }
}

/// Runs the body of an entry point: clears `*error`, and turns a failure into its status with the
/// message stored in `*message` (the `error` out-parameter) (when the caller gave somewhere to store it). Nothing thrown
/// reaches the C caller.
func entryPoint(
  _ message: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: () throws(CallFailure) -> Void
) -> CInt {
  message?.pointee = nil
  do throws(CallFailure) {
    try body()
    return CallStatus.ok.rawValue
  } catch {
    message?.pointee = CString.copy(error.message)
    return error.status.rawValue
  }
}
