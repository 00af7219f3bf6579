/// The fuzzer's bytes read as a stream of choices, for targets that build their input (a policy,
/// a client, options) rather than take the bytes as they are. Reading past the end gives zeros,
/// so every input, however short, makes a complete case.
struct FuzzInput {
  let bytes: [UInt8]
  var offset = 0

  init(_ data: UnsafePointer<UInt8>, _ size: Int) {
    bytes = Array(UnsafeBufferPointer(start: data, count: size))
  }

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  var isExhausted: Bool { offset >= bytes.count }

  mutating func byte() -> UInt8 {
    guard offset < bytes.count else { return 0 }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// A number in `0..<count` (`count` at most 65,536).
  mutating func below(_ count: Int) -> Int {
    guard count > 1 else { return 0 }
    let raw = count <= 256 ? Int(byte()) : Int(byte()) << 8 | Int(byte())
    return raw % count
  }

  /// True about `percent` times in a hundred.
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

  /// Eight bytes as a whole number.
  mutating func int64() -> Int64 {
    var value: UInt64 = 0
    for _ in 0..<8 { value = value << 8 | UInt64(byte()) }
    return Int64(bitPattern: value)
  }

  /// The bytes not read yet.
  mutating func rest() -> [UInt8] {
    defer { offset = bytes.count }
    return offset < bytes.count ? Array(bytes[offset...]) : []
  }
}

/// Stops the process when a property that must hold does not: the one way a target reports a
/// finding besides a crash or a sanitizer report.
func invariant(_ holds: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !holds() {
    fatalError("invariant failed: \(message())")
  }
}
