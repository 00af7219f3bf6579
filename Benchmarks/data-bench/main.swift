import VerdictData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// data-bench ROWS [--keep] [--reuse] [--path PATH]
///
/// Writes a seeded synthetic client export of ROWS rows (11 columns), then reads it five times
/// with `CSVReader`, touching every field, and prints the median throughput.
let arguments = Array(CommandLine.arguments.dropFirst())
let rows = arguments.first.flatMap { Int($0) } ?? 1_000_000
let keep = arguments.contains("--keep")
let path =
  arguments.firstIndex(of: "--path").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
  ?? "/tmp/verdict-data-bench-\(rows).csv"

let size: Int
var status = stat()
if arguments.contains("--reuse") && stat(path, &status) == 0 {
  size = Int(status.st_size)
  print("reusing \(path), \(size) bytes")
} else if let written = ClientExport.write(rows: rows, to: path, seed: 42) {
  size = written
  print("wrote \(rows) rows, \(size) bytes to \(path)")
} else {
  print("cannot write \(path)")
  exit(1)
}

/// One full read: returns (records, fields, total field bytes, byte checksum).
func readOnce() throws -> (records: Int, fields: Int, bytes: Int, checksum: UInt64) {
  let reader = try CSVReader(source: ByteSource(path: path))
  var records = 0
  var fields = 0
  var bytes = 0
  var checksum: UInt64 = 0
  try reader.forEachRecord { record in
    records += 1
    fields += record.count
    for index in 0..<record.count {
      let field = record[index]
      bytes += field.count
      if let last = field.last {
        checksum = checksum &* 31 &+ UInt64(last)
      }
    }
  }
  return (records, fields, bytes, checksum)
}

/// Peak resident memory of this process in KiB: `VmHWM` from /proc on Linux (which, unlike
/// `ru_maxrss`, is not inherited across `exec` from `swift run`), else `getrusage`.
func peakResidentKilobytes() -> Int {
  if let status = fopen("/proc/self/status", "r") {
    defer { fclose(status) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), status) != nil {
      let text = String(
        decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmHWM:") {
        return Int(text.dropFirst(6).filter(\.isNumber)) ?? 0
      }
    }
  }
  var usage = rusage()
  #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  return usage.ru_maxrss
}

var seconds: [Double] = []
var summary = (records: 0, fields: 0, bytes: 0, checksum: UInt64(0))
for _ in 0..<5 {
  let clock = ContinuousClock()
  let start = clock.now
  summary = try readOnce()
  let elapsed = clock.now - start
  seconds.append(
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
seconds.sort()
let median = seconds[seconds.count / 2]
let megabytes = Double(size) / 1_000_000

print(
  "records \(summary.records), fields \(summary.fields), field bytes \(summary.bytes), checksum \(summary.checksum)"
)
print("runs (s): " + seconds.map { String(Int($0 * 1000)) + " ms" }.joined(separator: ", "))
print(
  "median \(Int(median * 1000)) ms: \(Int(megabytes / median)) MB/s, \(Int(Double(summary.records) / median)) rows/s"
)
print("peak RSS \(peakResidentKilobytes() / 1024) MiB")
if !keep {
  unlink(path)
}
