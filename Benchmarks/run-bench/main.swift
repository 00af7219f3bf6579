// Seeded client-data generator for the `verdict run` benchmark (see ../run-bench.sh).
//
//   run-bench CLIENTS PATH [--seed N] [--german] [--format csv|jsonl]
//   run-bench read PATH        reads a CSV with VerdictData, every field, and prints MB/s
//   run-bench invoices ROWS CLIENTS PATH [--seed N]
//                              writes ROWS invoices of those CLIENTS (see InvoiceExport.swift)
//
// Writes CLIENTS realistic clients with the columns of rules/clients.csv: quoted names with
// commas, some empty cells. The same seed always writes the same bytes.
import BenchmarkSupport
import VerdictData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let words = [
  "Nordlicht", "Hartmann", "Blue Fern", "Kranich", "Pixelwerk", "Sommer", "Okafor", "Bergmann", "Lindqvist",
  "Café Marlene", "Novak", "Green Tide", "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell",
]
let kinds = [
  "Bakery", "Logistics", "Yoga", "Architects", "Media", "Legal", "Consulting", "Fitness", "Design", "Events",
]
let forms = ["GmbH", "Inc.", "Ltd", "AG", "LLC", "& Co. KG"]

/// Writes one client per call, in CSV or JSON Lines.
struct Generator {
  static let columns = [
    "id", "name", "payment_delay", "outstanding", "revisions", "included_revisions", "time_spent", "revenue",
    "after_hours_messages", "talked_about_hours", "incidents", "disrespectful", "project_end",
  ]
  var random: SplitMix64
  let german: Bool
  let jsonLines: Bool
  var separator: String { german ? ";" : "," }

  var header: String { jsonLines ? "" : Generator.columns.joined(separator: separator) + "\n" }

  mutating func money(_ cents: Int) -> String {
    let units = cents / 100
    let fraction = cents % 100
    let pad = fraction < 10 ? "0" : ""
    if !german { return "\(units).\(pad)\(fraction)" }
    let grouped = units >= 1000 ? "\(units / 1000).\(String(1000 + units % 1000).dropFirst())" : "\(units)"
    return "\(grouped),\(pad)\(fraction)"
  }

  mutating func date() -> String {
    let month = 1 + random.below(12)
    let day = 1 + random.below(28)
    let year = 2026 + random.below(2)
    let mm = (month < 10 ? "0" : "") + String(month)
    let dd = (day < 10 ? "0" : "") + String(day)
    return german ? "\(dd).\(mm).\(year)" : "\(year)-\(mm)-\(dd)"
  }

  mutating func maybe(_ percentEmpty: Int, _ make: (inout Generator) -> String) -> String {
    random.chance(percentEmpty) ? "" : make(&self)
  }

  mutating func client(_ number: Int) -> String {
    let id = "C\(1_000_000 + number)"
    var name = "\(words[random.below(words.count)]) \(kinds[random.below(kinds.count)])"
    if random.chance(30) { name += ", \(forms[random.below(forms.count)])" }
    let zero = german ? "0,00" : "0.00"
    let cells: [String] = [
      id,
      name,
      maybe(5) { String($0.random.below(90)) },
      maybe(10) { $0.random.chance(70) ? zero : $0.money($0.random.below(500_000)) },
      String(random.below(12)),
      maybe(20) { String(2 + $0.random.below(3)) },
      String(1 + random.below(400)),
      money(100_000 + random.below(2_000_000)),
      String(random.chance(80) ? random.below(8) : random.below(40)),
      maybe(30) { $0.random.chance(20) ? "true" : "false" },
      maybe(15) { String($0.random.below(6)) },
      maybe(10) { $0.random.chance(3) ? "true" : "false" },
      maybe(10) { $0.date() },
    ]
    var line = jsonLines ? "{" : ""
    for (index, cell) in cells.enumerated() {
      if jsonLines {
        if index > 0 { line += "," }
        line += "\"\(Generator.columns[index])\":" + (cell.isEmpty ? "null" : "\"\(cell)\"")
      } else {
        if index > 0 { line += separator }
        line += cell.contains(separator) || cell.contains("\"") ? "\"\(cell)\"" : cell
      }
    }
    return line + (jsonLines ? "}\n" : "\n")
  }
}

/// Reads a CSV file with the runner's reader, touching every field, and prints the speed.
func readOnly(_ path: String) {
  var start = timespec()
  clock_gettime(CLOCK_MONOTONIC, &start)
  var records = 0
  var bytes = 0
  do {
    let reader = try CSVReader(source: try ByteSource(path: path))
    try reader.forEachRecord { record in
      records += 1
      for index in 0..<record.count { bytes &+= record[index].count }
    }
  } catch {
    print("run-bench: \(error)")
    exit(1)
  }
  var end = timespec()
  clock_gettime(CLOCK_MONOTONIC, &end)
  let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  var info = stat()
  stat(path, &info)
  let megabytes = Double(info.st_size) / 1e6
  print("read \(records) records (\(bytes) field bytes) in \(seconds) s: \(Int(megabytes / seconds)) MB/s")
}

func main() {
  var arguments = Array(CommandLine.arguments.dropFirst())
  if arguments.count == 2, arguments[0] == "read" {
    readOnly(arguments[1])
    return
  }
  func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
  }
  let seed = UInt64(option("--seed") ?? "42") ?? 42
  if arguments.first == "invoices" {
    guard arguments.count == 4, let rows = Int(arguments[1]), let clients = Int(arguments[2]), rows >= 0, clients > 0
    else {
      print("usage: run-bench invoices ROWS CLIENTS PATH [--seed N]")
      exit(2)
    }
    guard InvoiceExport.write(rows: rows, clients: clients, to: arguments[3], seed: seed) else {
      print("run-bench: cannot write \(arguments[3])")
      exit(1)
    }
    return
  }
  let format = option("--format") ?? "csv"
  let german = arguments.contains("--german")
  arguments.removeAll { $0 == "--german" }
  guard arguments.count == 2, let count = Int(arguments[0]), count >= 0, format == "csv" || format == "jsonl" else {
    print("usage: run-bench CLIENTS PATH [--seed N] [--german] [--format csv|jsonl]")
    exit(2)
  }
  guard let file = fopen(arguments[1], "wb") else {
    print("run-bench: cannot write \(arguments[1])")
    exit(1)
  }
  var generator = Generator(random: SplitMix64(state: seed), german: german, jsonLines: format == "jsonl")
  var out: [UInt8] = Array(generator.header.utf8)
  out.reserveCapacity(1 << 21)
  for number in 0..<count {
    out.append(contentsOf: generator.client(number).utf8)
    if out.count >= 1 << 20 {
      fwrite(out, 1, out.count, file)
      out.removeAll(keepingCapacity: true)
    }
  }
  fwrite(out, 1, out.count, file)
  fclose(file)
}

main()
