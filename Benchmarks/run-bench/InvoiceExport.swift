// The invoice export for Benchmarks/aggregate-bench.sh, shaped like an accounts-receivable
// tool's: a header with spaces and capitals, US dates (M/D/YYYY), amounts with thousands
// separators in quotes, an empty settled date while an invoice is unpaid, and rows in invoice
// order, so that a customer's invoices are scattered over the whole file.
import BenchmarkSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes invoices of the clients `run-bench CLIENTS PATH` writes (keys `C1000000` on).
struct InvoiceExport {
  static let header = "Customer,Invoice No,Invoice Date,Due Date,Settled Date,Invoice Amount,Disputed\n"
  /// The day the export is taken, as days since 1970-01-01 (2026-11-29, the benchmarks' today).
  static let exportDay = InvoiceExport.days(year: 2026, month: 11, day: 29)
  /// The first invoice's day (2024-01-02): the invoices span the three years before the export.
  static let firstDay = InvoiceExport.days(year: 2024, month: 1, day: 2)

  var random: SplitMix64
  let rows: Int
  let clients: Int

  /// Appends invoice `number` (0-based) to `out`.
  mutating func append(_ number: Int, to out: inout [UInt8]) {
    // A tenth of the customers get almost half the invoices.
    let customer = random.chance(40) ? random.below(max(1, clients / 10)) : random.below(clients)
    let issued = InvoiceExport.firstDay + (InvoiceExport.exportDay - InvoiceExport.firstDay) * number / max(1, rows)
    let terms = [14, 30, 30, 45][random.below(4)]
    let due = issued + terms
    // Customers settle from a week early to three months late; the ones settling after the
    // export day have not paid yet.
    let settled = random.chance(5) ? Int.max : due - 7 + (random.chance(70) ? random.below(21) : random.below(100))
    let cents = random.chance(80) ? 5_000 + random.below(300_000) : 300_000 + random.below(2_500_000)
    out.append(UInt8(ascii: "C"))
    appendNumber(1_000_000 + customer, to: &out)
    out.append(contentsOf: ",INV-".utf8)
    appendNumber(100_000 + number, to: &out)
    out.append(UInt8(ascii: ","))
    appendDate(issued, to: &out)
    out.append(UInt8(ascii: ","))
    appendDate(due, to: &out)
    out.append(UInt8(ascii: ","))
    if settled <= InvoiceExport.exportDay { appendDate(settled, to: &out) }
    out.append(UInt8(ascii: ","))
    appendMoney(cents, to: &out)
    out.append(contentsOf: (random.chance(3) ? ",Yes\n" : ",No\n").utf8)
  }

  /// `1,234.50`, quoted when it has a thousands separator, as spreadsheets write it.
  private func appendMoney(_ cents: Int, to out: inout [UInt8]) {
    let units = cents / 100
    if units >= 1000 {
      out.append(UInt8(ascii: "\""))
      appendNumber(units / 1000, to: &out)
      out.append(UInt8(ascii: ","))
      appendDigits(units % 1000, width: 3, to: &out)
    } else {
      appendNumber(units, to: &out)
    }
    out.append(UInt8(ascii: "."))
    appendDigits(cents % 100, width: 2, to: &out)
    if units >= 1000 { out.append(UInt8(ascii: "\"")) }
  }

  /// `3/7/2026`: month and day without leading zeros.
  private func appendDate(_ days: Int, to out: inout [UInt8]) {
    let (year, month, day) = InvoiceExport.civil(days)
    appendNumber(month, to: &out)
    out.append(UInt8(ascii: "/"))
    appendNumber(day, to: &out)
    out.append(UInt8(ascii: "/"))
    appendNumber(year, to: &out)
  }

  private func appendNumber(_ value: Int, to out: inout [UInt8]) {
    var width = 1
    var limit = 10
    while value >= limit {
      width += 1
      limit *= 10
    }
    appendDigits(value, width: width, to: &out)
  }

  private func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<max(1, width) { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01.
  static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Writes `rows` invoices of `clients` clients to `path`, seeded by `seed`.
  static func write(rows: Int, clients: Int, to path: String, seed: UInt64) -> Bool {
    guard let file = fopen(path, "wb") else { return false }
    defer { fclose(file) }
    var export = InvoiceExport(random: SplitMix64(state: seed), rows: rows, clients: max(1, clients))
    var out: [UInt8] = Array(header.utf8)
    out.reserveCapacity(1 << 21)
    for number in 0..<rows {
      export.append(number, to: &out)
      if out.count >= 1 << 20 {
        guard fwrite(out, 1, out.count, file) == out.count else { return false }
        out.removeAll(keepingCapacity: true)
      }
    }
    return fwrite(out, 1, out.count, file) == out.count
  }
}
