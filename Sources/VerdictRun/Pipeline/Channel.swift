import Foundation

/// A blocking first-in-first-out queue between threads; closing it wakes every receiver.
final class Channel<Element>: @unchecked Sendable {
  private var items: [Element] = []
  private var head = 0
  private var closed = false
  private let condition = NSCondition()

  /// Adds an item; ignored once the channel is closed.
  func send(_ item: Element) {
    condition.lock()
    defer { condition.unlock() }
    guard !closed else { return }
    items.append(item)
    condition.signal()
  }

  /// The next item, waiting for one; `nil` once the channel is closed and empty.
  func receive() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !closed { condition.wait() }
    guard head < items.count else { return nil }
    let item = items[head]
    head += 1
    if head == items.count {
      items.removeAll(keepingCapacity: true)
      head = 0
    }
    return item
  }

  /// Closes the channel: receivers get what is left, then `nil`.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// Whether the channel was closed.
  var isClosed: Bool {
    condition.lock()
    defer { condition.unlock() }
    return closed
  }
}

/// A value set once by one thread and read by others after a channel hand-over.
final class SharedBox<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }

  /// Changes the value under the lock.
  func update(_ change: (inout Value) -> Void) {
    lock.withLock { change(&stored) }
  }
}
