#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Memory for values of a trivial type, every byte zero, from `calloc(3)`: a large block is
/// fresh pages the system already zeroed, so nothing writes them again and a page no value
/// reaches is never touched.
///
/// Why not `allocate` and `initialize(repeating:)`: a run sets up its batches, their cells and
/// lines, and the duplicate keys' table before it reads a row, and zeroing them was about 1,300
/// of the 2,935 page faults of a run over one client (`perf stat -e page-faults`), each fault a
/// few microseconds on the machines measured, whatever the file's size.
enum ZeroedMemory {
  /// `count` values whose bytes are zero (for ``Batch`` cells and lines: empty spans and line
  /// 0), to be released with ``free(_:)``.
  static func allocate<Element: BitwiseCopyable>(_ type: Element.Type, count: Int) -> UnsafeMutablePointer<Element> {
    let count = max(count, 1)
    // `calloc` returns nil only when out of memory, where Swift's own allocation stops the
    // process anyway: the memory is then the one it makes (released with `free` alike, as
    // Swift's allocations come from `malloc` on Linux and Darwin).
    guard let memory = calloc(count, MemoryLayout<Element>.stride) else {
      let values = UnsafeMutableRawPointer.allocate(
        byteCount: count * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
      values.initializeMemory(as: UInt8.self, repeating: 0, count: count * MemoryLayout<Element>.stride)
      return values.bindMemory(to: Element.self, capacity: count)
    }
    return memory.bindMemory(to: Element.self, capacity: count)
  }

  /// Releases memory from ``allocate(_:count:)``.
  static func free<Element>(_ values: UnsafeMutablePointer<Element>) {
    #if canImport(Glibc)
      Glibc.free(values)
    #else
      Darwin.free(values)
    #endif
  }
}
