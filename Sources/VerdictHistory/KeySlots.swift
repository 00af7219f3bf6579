import Foundation

/// The slots of a key index, in memory of their own: a large index asks the kernel for huge
/// pages, since its lookups land on pages at random and, in a virtual machine above all, a TLB
/// miss costs more than the lookup. Zeroed when made.
final class KeySlots: @unchecked Sendable {
  /// The slots.
  let buffer: UnsafeMutableBufferPointer<UInt64>
  /// The mapping that holds them (when mapped), to unmap.
  private let mapping: UnsafeMutableRawBufferPointer?
  private static let hugePage = 1 << 21

  init(count: Int) {
    let size = count * MemoryLayout<UInt64>.stride
    if size >= Self.hugePage,
      let start = mmap(nil, size + Self.hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      start != UnsafeMutableRawPointer(bitPattern: -1)
    {
      mapping = UnsafeMutableRawBufferPointer(start: start, count: size + Self.hugePage)
      let aligned = start.alignedUp(toMultipleOf: Self.hugePage)
      _ = madvise(aligned, size, MADV_HUGEPAGE)
      buffer = UnsafeMutableBufferPointer(start: aligned.bindMemory(to: UInt64.self, capacity: count), count: count)
    } else {
      mapping = nil
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: 0)
    }
  }

  deinit {
    if let mapping { munmap(mapping.baseAddress, mapping.count) } else { buffer.deallocate() }
  }

  /// A copy, for a table about to change while another holds these slots.
  func copy() -> KeySlots {
    let copy = KeySlots(count: buffer.count)
    _ = copy.buffer.update(fromContentsOf: buffer)
    return copy
  }
}

/// A key index being built on another thread; waiting on the group orders the build before
/// the slots are read.
final class IndexBuild: @unchecked Sendable {
  private let bytes: [UInt8]
  private let ends: [Int]
  private var built = KeySlots(count: 0)
  private let done = DispatchGroup()

  init(bytes: [UInt8], ends: [Int]) {
    self.bytes = bytes
    self.ends = ends
    done.enter()
  }

  func run() {
    built = KeyTable.slots(bytes: bytes, ends: ends, minimum: ends.count * 2)
    done.leave()
  }

  /// The index, once built.
  func slots() -> KeySlots {
    done.wait()
    return built
  }
}
