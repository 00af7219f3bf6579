import Verdict

/// What a `verdict_policy *` points to: a compiled policy, which is immutable, so the handle may
/// be read by any number of threads at once.
final class PolicyHandle: Sendable {
  let policy: Policy

  init(_ policy: Policy) {
    self.policy = policy
  }
}

/// What a `verdict_context *` points to: the evaluation context the caller configures. Entry
/// points read it and never change it, except `verdict_context_set_today`, which the header
/// says not to call while another thread evaluates with the context.
final class ContextHandle {
  var context = EvaluationContext()
}

/// Handles as C sees them: an object retained once when handed out and released by its free
/// function.
enum Handle {
  /// Hands `object` to C; the caller owns one reference to it.
  static func retained(_ object: AnyObject) -> OpaquePointer {
    OpaquePointer(Unmanaged.passRetained(object).toOpaque())
  }

  /// The object behind a handle, without taking ownership; NULL is refused, naming the argument.
  static func borrow<Object: AnyObject>(
    _ pointer: OpaquePointer?, as type: Object.Type, _ argument: String, of function: String
  ) throws(CallFailure) -> Object {
    guard let pointer else { throw .argument("\(function): \(argument) is NULL") }
    return Unmanaged<Object>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
  }

  /// Gives back the reference the caller owned; NULL does nothing.
  static func release<Object: AnyObject>(_ pointer: OpaquePointer?, as type: Object.Type) {
    guard let pointer else { return }
    Unmanaged<Object>.fromOpaque(UnsafeRawPointer(pointer)).release()
  }
}
