import Verdict

/// What a `verdict_policy *` points to: a compiled policy, which is immutable, so the handle may
/// be read by any number of threads at once.
final class PolicyHandle: Sendable {
  let policy: Policy

  init(_ policy: Policy) {
    self.policy = policy
  }
}

/// What a `verdict_context *` points to: the evaluation context the caller configures. An
/// evaluation copies it once, under a lock, so `verdict_context_set_today` may run while other
/// threads evaluate with the context: each evaluation sees the date before or after, never half
/// of it.
final class ContextHandle: Sendable {
  private let stored = Locked(EvaluationContext())

  /// The context as it is now.
  var context: EvaluationContext { stored.withLock { $0 } }

  /// Sets the date `today` means for the evaluations that start from now on.
  func setToday(_ today: CalendarDate) {
    stored.withLock { $0.today = today }
  }
}

/// Handles as C sees them: an object retained once when handed out and released by its free
/// function.
///
/// Every handle not yet freed is in ``live``, with its class: a pointer that is not there (freed
/// already, a policy given as a context, a pointer the library never made) is refused with an
/// error instead of being followed into freed or foreign memory, and freeing it again does
/// nothing. Borrowing takes a reference of its own under the lock, so a handle freed by another
/// thread during a call stays alive until the call returns. A freed handle's address can be
/// reused by a new handle of the same class, which a stale pointer then reaches: the header says
/// not to use a handle after freeing it.
enum Handle {
  /// The handles handed out and not yet freed, by address, each with the class of its object.
  private static let live = Locked<[UInt: ObjectIdentifier]>([:])

  /// Hands `object` to C; the caller owns one reference to it.
  static func retained<Object: AnyObject>(_ object: Object) -> OpaquePointer {
    let pointer = Unmanaged.passRetained(object).toOpaque()
    let address = UInt(bitPattern: pointer)
    live.withLock { $0[address] = ObjectIdentifier(Object.self) }
    return OpaquePointer(pointer)
  }

  /// The object behind a handle, without taking the caller's reference; NULL, a freed handle and
  /// a handle of another class are refused, naming the argument.
  static func borrow<Object: AnyObject>(
    _ pointer: OpaquePointer?, as type: Object.Type, _ argument: String, of function: String
  ) throws(CallFailure) -> Object {
    guard let pointer else { throw .argument("\(function): \(argument) is NULL") }
    let raw = UnsafeMutableRawPointer(pointer)
    // Retained under the lock, so that a free on another thread cannot end the object's life
    // between the look-up and the call's own reference.
    let isLive = live.withLock { handles in
      guard handles[UInt(bitPattern: raw)] == ObjectIdentifier(Object.self) else { return false }
      _ = Unmanaged<Object>.fromOpaque(raw).retain()
      return true
    }
    guard isLive else {
      throw .argument(
        "\(function): \(argument) is not a live \(argument) handle: it was freed already, or did not come from this library"
      )
    }
    return Unmanaged<Object>.fromOpaque(raw).takeRetainedValue()
  }

  /// Gives back the reference the caller owned; NULL, a handle freed already and a handle of
  /// another class do nothing.
  static func release<Object: AnyObject>(_ pointer: OpaquePointer?, as type: Object.Type) {
    guard let pointer else { return }
    let raw = UnsafeMutableRawPointer(pointer)
    let owned = live.withLock { handles in
      guard handles[UInt(bitPattern: raw)] == ObjectIdentifier(Object.self) else { return false }
      handles[UInt(bitPattern: raw)] = nil
      return true
    }
    if owned { Unmanaged<Object>.fromOpaque(raw).release() }
  }
}
