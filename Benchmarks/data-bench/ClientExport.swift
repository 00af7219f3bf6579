import BenchmarkSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a synthetic client export: 11 columns, quoted names with commas, some empty cells.
enum ClientExport {
  static let header =
    "id,name,payment_delay,revisions,hours,revenue,after_hours_messages,disrespectful,"
    + "outstanding,project_end,notes\n"

  static let companies = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Soylent",
  ]
  static let forms = ["GmbH", "Inc.", "Ltd", "AG", "LLC"]
  static let notes = ["", "", "", "late again", "\"\"urgent\"\" per mail", "call, not mail"]

  /// Writes `rows` data rows to `path`, seeded by `seed`; returns the file size in bytes.
  static func write(rows: Int, to path: String, seed: UInt64) -> Int? {
    guard let file = fopen(path, "wb") else {
      return nil
    }
    defer { fclose(file) }
    var random = SplitMix64(state: seed)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    buffer.append(contentsOf: header.utf8)
    var total = 0
    for id in 1...max(1, rows) {
      appendRow(id: id, to: &buffer, random: &random)
      if buffer.count >= 1 << 20 {
        total += fwrite(buffer, 1, buffer.count, file)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    total += fwrite(buffer, 1, buffer.count, file)
    return total
  }

  private static func appendRow(id: Int, to out: inout [UInt8], random: inout SplitMix64) {
    let company = companies[Int.random(in: 0..<companies.count, using: &random)]
    let form = forms[Int.random(in: 0..<forms.count, using: &random)]
    let note = notes[Int.random(in: 0..<notes.count, using: &random)]
    var row = "\(id),\"\(company) \(id % 97), \(form)\","
    row += "\(Int.random(in: 0...120, using: &random)),"
    row += "\(Int.random(in: 0...12, using: &random)),"
    row += "\(Int.random(in: 1...400, using: &random)).\(Int.random(in: 0...9, using: &random)),"
    row += money(Int.random(in: 10_000...9_999_999, using: &random)) + ","
    row += "\(Int.random(in: 0...40, using: &random)),"
    row += Bool.random(using: &random) ? "true," : "false,"
    row +=
      Int.random(in: 0..<4, using: &random) == 0
      ? "," : money(Int.random(in: 0...500_000, using: &random)) + ","
    row +=
      Int.random(in: 0..<5, using: &random) == 0
      ? ","
      : "202\(Int.random(in: 5...8, using: &random))-\(twoDigits(Int.random(in: 1...12, using: &random)))-\(twoDigits(Int.random(in: 1...28, using: &random))),"
    row += note.contains("\"") || note.contains(",") ? "\"\(note)\"\n" : "\(note)\n"
    out.append(contentsOf: row.utf8)
  }

  private static func money(_ cents: Int) -> String {
    "\(cents / 100).\(twoDigits(cents % 100))"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
