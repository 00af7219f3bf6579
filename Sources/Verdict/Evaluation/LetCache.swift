/// Room on the stack for the values of a policy's lets during one evaluation, so that setting up
/// an evaluation allocates nothing for policies of up to ``capacity`` lets; more are kept on the
/// heap.
///
/// Not `withUnsafeTemporaryAllocation`: its generic result copied each outcome through the
/// closure (`Policy.evaluate` on `verdict-bench eval`: 1,560 instructions an evaluation with this
/// cache, 1,665 with the temporary allocation, measured with callgrind).
struct LetCache {
  /// The lets that fit on the stack: 15, as the last slot of the tuple is not padded to a whole
  /// stride.
  @inline(__always)
  static var capacity: Int { MemoryLayout<LetCache>.size / MemoryLayout<Scalar?>.stride }

  private var slots:
    (
      Scalar?, Scalar?, Scalar?, Scalar?, Scalar?, Scalar?, Scalar?, Scalar?,
      Scalar?, Scalar?, Scalar?, Scalar?, Scalar?, Scalar?, Scalar?, Scalar?
    ) = (nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)

  /// `count` empty slots: in `bytes` (a cache's own) when they fit, else newly allocated.
  @inline(__always)
  static func buffer(in bytes: UnsafeMutableRawBufferPointer, count: Int) -> UnsafeMutableBufferPointer<Scalar?> {
    let stack = bytes.bindMemory(to: Scalar?.self)
    guard count > stack.count else { return UnsafeMutableBufferPointer(rebasing: stack[0..<count]) }
    let slots = UnsafeMutableBufferPointer<Scalar?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    return slots
  }

  /// Frees slots that ``buffer(in:count:)`` allocated. Scalars are trivial: no deinitialising.
  @inline(__always)
  static func release(_ slots: UnsafeMutableBufferPointer<Scalar?>) {
    if slots.count > capacity { slots.deallocate() }
  }
}
