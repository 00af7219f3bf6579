/// The clean export the pollution test damages: 30 clients with a key and six typed fields, the
/// cells as a spreadsheet writes them in each CSV dialect, and a policy that keeps a client only
/// when every one of its values is exactly the clean value of that client's row.
enum CleanExport {
  /// The columns, in the clean file's order; every one is a field of the policy.
  static let columns = ["id", "name", "visits", "amount", "delay", "due", "active"]

  /// The layouts a file is written in: `,` with decimal points, `;` with decimal commas (as
  /// German spreadsheets export), `;` with decimal points and `'` between thousands (as Swiss
  /// exports write), tab with decimal points.
  enum Dialect: CaseIterable {
    case comma, semicolon, swiss, tab

    var separator: UInt8 {
      switch self {
      case .comma: UInt8(ascii: ",")
      case .semicolon, .swiss: UInt8(ascii: ";")
      case .tab: UInt8(ascii: "\t")
      }
    }

    /// The thousands separator of grouped amounts.
    var grouping: Character {
      switch self {
      case .comma, .tab: ","
      case .semicolon: "."
      case .swiss: "'"
      }
    }
  }

  /// One client: the text of each cell (money in cents, written per dialect).
  struct Client {
    var id: String
    var name: String
    var visits: Int?
    var cents: Int?
    var delay: String?
    var due: String?
    var active: String?
  }

  static let clients: [Client] = [
    Client(
      id: "C01", name: "Nordlicht Bakery", visits: 12, cents: 123_456, delay: "45", due: "2026-01-15", active: "true"),
    Client(
      id: "C02", name: "Hartmann Logistics, GmbH", visits: 3, cents: 0, delay: "0", due: "2027-03-31", active: "false"),
    Client(id: "C03", name: "Blue Fern Yoga", visits: 0, cents: 45_050, delay: "12d", due: "2026-12-18", active: "yes"),
    Client(
      id: "C04", name: "Kranich Architects; Berlin", visits: 45, cents: 315_000, delay: "3", due: "2027-01-31",
      active: "no"),
    Client(id: "C05", name: "Café Marlène", visits: 7, cents: nil, delay: nil, due: "2027-05-31", active: "true"),
    Client(
      id: "C06", name: "Acme \"Best\" Tools", visits: -2, cents: -5_000, delay: "61", due: "2026-02-28", active: "1"),
    Client(id: "C07", name: "Lindqvist Design", visits: 18, cents: 1_250, delay: "7", due: "2026-11-30", active: "0"),
    Client(
      id: "C08", name: "Studio Nord\nAnnex", visits: 150, cents: 10_000_000, delay: "90", due: "2028-02-29",
      active: "TRUE"),
    Client(id: "C09", name: "Müller, Hans", visits: 1, cents: 99, delay: "1", due: "2026-06-01", active: "false"),
    Client(id: "C10", name: "Øresund Shipping", visits: 9, cents: 2_500, delay: "30", due: "2026-09-09", active: nil),
    Client(id: "C11", name: "O'Brien & Sons", visits: 33, cents: 1, delay: "14", due: nil, active: "true"),
    Client(id: "C12", name: "Zhang Wei 张伟", visits: 0, cents: 77_700, delay: "2", due: "2027-07-07", active: "no"),
    Client(
      id: "C13", name: "Bäckerei Sonnenschein", visits: 5, cents: 100_000, delay: "21", due: "2026-03-01", active: "yes"
    ),
    Client(
      id: "C14", name: "Fischer; Fischer & Co", visits: nil, cents: 33_333, delay: "5", due: "2026-08-15",
      active: "false"),
    Client(id: "C15", name: "Rossi S.p.A.", visits: 21, cents: 8_000, delay: "40", due: "2027-12-31", active: "true"),
    Client(
      id: "C16", name: "Dupont, Durand et Fils", visits: 8, cents: 1_234_567, delay: "8", due: "2026-10-10", active: "1"
    ),
    Client(id: "C17", name: "Tanaka 田中", visits: 60, cents: 50, delay: "120", due: "2029-01-01", active: "0"),
    Client(
      id: "C18", name: "García y Asociados", visits: 2, cents: 60_000, delay: "0", due: "2026-04-30", active: "false"),
    Client(
      id: "C19", name: "Nakamura Studio", visits: 14, cents: 19_999, delay: "16", due: "2026-12-01", active: "true"),
    Client(
      id: "C20", name: "Smith \"Smithy\" Jones", visits: 4, cents: 400, delay: "4", due: "2026-05-05", active: "no"),
    Client(id: "C21", name: "Evergreen Ltd", visits: 27, cents: 270_000, delay: "27", due: "2027-02-27", active: "yes"),
    Client(
      id: "C22", name: "Kowalski, Jan", visits: 11, cents: 11_011, delay: "11", due: "2026-11-11", active: "false"),
    Client(id: "C23", name: "Data;Works", visits: 6, cents: 600, delay: "6", due: "2026-06-06", active: "true"),
    Client(
      id: "C24", name: "North\r\nSouth Trading", visits: 19, cents: 190_000, delay: "19", due: "2027-09-19", active: "1"
    ),
    Client(id: "C25", name: "Alpine Tours", visits: 90, cents: 900_090, delay: "9", due: "2026-09-30", active: "0"),
    Client(id: "C26", name: "Byte & Bit", visits: 3, cents: 300, delay: "33", due: "2026-03-03", active: "no"),
    Client(id: "C27", name: "Le Petit Café", visits: 15, cents: 15_050, delay: "15", due: "2026-01-01", active: "yes"),
    Client(
      id: "C28", name: "Svensson AB", visits: 40, cents: 4_000_000, delay: "4", due: "2028-04-04", active: "false"),
    Client(id: "C29", name: "Atlas, Inc.", visits: 10, cents: 1_000, delay: "10", due: "2026-10-01", active: "true"),
    Client(id: "C30", name: "Tab\tCo", visits: 1, cents: 101, delay: "1", due: "2026-12-31", active: "yes"),
  ]

  /// The cells of `client` in the clean file's column order, as written in `dialect`; the
  /// amount's form (plain, grouped, with a currency) varies from client to client.
  static func cells(of client: Client, index: Int, in dialect: Dialect) -> [String] {
    let german = dialect == .semicolon
    var due = client.due ?? ""
    if german && index % 3 == 0, let date = client.due {
      let parts = date.split(separator: "-")
      due = "\(parts[2]).\(parts[1]).\(parts[0])"
    } else if index == 16, let date = client.due {
      due = date + "T09:30"
    }
    return [
      client.id, client.name, client.visits.map(String.init) ?? "",
      client.cents.map { money($0, style: index, dialect) } ?? "",
      client.delay ?? "", due, client.active ?? "",
    ]
  }

  /// An amount in cents written as exports write it: `1234.56`, `1,234.56`, `1234.56 EUR`,
  /// `€1234.56`; with a decimal comma (`1.234,56`, `1.234,56 €`) for German files, with `'`
  /// between thousands (`1'234.56`) for Swiss ones.
  static func money(_ cents: Int, style: Int, _ dialect: Dialect) -> String {
    let german = dialect == .semicolon
    let sign = cents < 0 ? "-" : ""
    let whole = abs(cents) / 100
    let fraction = abs(cents) % 100
    let decimals = (fraction < 10 ? "0" : "") + String(fraction)
    var digits = String(whole)
    if style % 4 == 1 {
      var grouped = ""
      for (offset, digit) in digits.reversed().enumerated() {
        if offset > 0 && offset % 3 == 0 { grouped.append(dialect.grouping) }
        grouped.append(digit)
      }
      digits = String(grouped.reversed())
    }
    let amount = sign + digits + (german ? "," : ".") + decimals
    switch style % 4 {
    case 2: return german ? amount + " €" : amount + " EUR"
    case 3: return german ? amount : "€" + amount
    default: return amount
    }
  }

  /// The policy: a rule per client, which keeps it only when all seven cells read as that
  /// client's clean values; any other full row is fired. Every field decides the verdict.
  static let policy: String = {
    var text = """
      field id: text
      field name: text
      field visits: number
      field amount: money in EUR
      field delay: duration in days
      field due: date
      field active: bool

      """
    for client in clients {
      let visits = client.visits.map { "visits == \($0)" } ?? "visits is missing"
      let amount =
        client.cents.map { cents -> String in
          let text = "\(abs(cents) / 100).\(abs(cents) % 100 < 10 ? "0" : "")\(abs(cents) % 100)€"
          return "amount == " + (cents < 0 ? "-" : "") + text
        } ?? "amount is missing"
      let delay = client.delay.map { "delay == \($0.hasSuffix("d") ? $0 : $0 + "d")" } ?? "delay is missing"
      let due = client.due.map { "due == \($0)" } ?? "due is missing"
      let active =
        client.active.map { "active == \(["true", "yes", "1"].contains($0.lowercased()))" } ?? "active is missing"
      text += """
        rule "\(client.id)"
          when id == "\(client.id)" and name == \(literal(client.name)) and \(visits) and \(amount)
            and \(delay) and \(due) and \(active)
          then recommend keep reason name

        """
    }
    return text + "otherwise recommend fire\n"
  }()

  /// `text` as a Verdict text literal.
  static func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\u{D}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
