/// What an API's list wrapper holds, for the hint of a JSON file that starts with an object
/// (`{"object":"list","data":[…],"has_more":true}`): where its records are, whether they hold
/// numbers jq before 1.7 rounds, and whether more pages follow.
extension JSONRecordReader {
  /// The list of records under a key of `members`, the records objects (or none yet), or under a
  /// key of an object there (QuickBooks Online's `{"QueryResponse":{"Invoice":[…]}}`), up to
  /// three keys deep: the keys from the outside in, and the records.
  static func records(in members: [JSONMember]) -> (keys: [String], records: [JSONValue])? {
    // A list with records first, at any depth (`"warnings": []` beside `QueryResponse.Invoice`).
    records(in: members, depth: 3, empty: false) ?? records(in: members, depth: 3, empty: true)
  }

  /// ``records(in:)``'s search, for lists with records, or (`empty`) for empty ones too.
  private static func records(in members: [JSONMember], depth: Int, empty: Bool) -> (
    keys: [String], records: [JSONValue]
  )? {
    for member in members {
      guard case .array(let elements) = member.value, empty || !elements.isEmpty,
        elements.allSatisfy({ if case .object = $0 { true } else { false } })
      else { continue }
      return ([member.key], elements)
    }
    guard depth > 1 else { return nil }
    for member in members {
      guard case .object(let inner) = member.value, let found = records(in: inner, depth: depth - 1, empty: empty)
      else { continue }
      return ([member.key] + found.keys, found.records)
    }
    return nil
  }

  /// Whether `values` hold a number of 16 digits or more, which a double does not keep exactly.
  static func hasLongNumber(_ values: [JSONValue]) -> Bool {
    values.contains { value in
      switch value {
      case .number(let text): text.count(where: \.isNumber) >= 16
      case .array(let elements): hasLongNumber(elements)
      case .object(let members): hasLongNumber(members.map(\.value))
      case .null, .bool, .string: false
      }
    }
  }

  /// The member of an API's list wrapper that says the list goes on past this page, as written
  /// (Stripe's `"has_more": true`, Pipedrive's `more_items_in_collection`, HubSpot's
  /// `paging.next`, Harvest's `next_page`, Square's `cursor`, PayPal's `links` with `"rel":
  /// "next"` or its `page` and `total_pages`: a flag, or a link, token or number of the next
  /// page), if any: the records taken out of one page alone would leave clients' invoices out
  /// without a word.
  static func nextPage(in members: [JSONMember], under path: String = "") -> String? {
    if path.isEmpty, let pages = pagesLeft(in: members) { return pages }
    for member in members {
      let key = "\"" + MessageText.escaped(path + member.key) + "\""
      switch (member.key.lowercased().filter { $0.isLetter }, member.value) {
      case ("hasmore", .bool(true)), ("moreitemsincollection", .bool(true)):
        return key + ": true"
      case ("nextpage", .number):
        return key
      case ("next", .object(let link)):
        guard !link.isEmpty else { continue }
        return key
      case ("next", .string(let link)), ("nextpage", .string(let link)), ("nextpageurl", .string(let link)),
        ("nextpagetoken", .string(let link)), ("nextcursor", .string(let link)), ("nextlink", .string(let link)),
        ("odatanextlink", .string(let link)):
        guard !link.isEmpty else { continue }
        return key
      case ("offset", .string(let token)), ("cursor", .string(let token)):
        // Airtable's and Square's token of the next page (a number is where this page starts,
        // elsewhere).
        guard !token.isEmpty else { continue }
        return key
      case ("links", .array(let links)):
        // Links as REST APIs list them (PayPal): `{"href": …, "rel": "next"}`.
        let next = links.contains { link in
          guard case .object(let members) = link else { return false }
          return members.contains { $0.key == "rel" && $0.value == .string("next") }
        }
        guard next else { continue }
        return key + " with \"rel\": \"next\""
      case ("paging", .object(let inner)), ("links", .object(let inner)), ("pagination", .object(let inner)),
        ("additionaldata", .object(let inner)), ("meta", .object(let inner)):
        if let inside = nextPage(in: inner, under: path + member.key + ".") { return inside }
        if let pages = pagesLeft(in: inner) { return key + ": " + pages }
      default:
        continue
      }
    }
    return nil
  }

  /// `page 1 of 4`, when `members` count pages (Xero's `pagination`: `page` and `pageCount`) and
  /// this is not the last; `nil` otherwise.
  static func pagesLeft(in members: [JSONMember]) -> String? {
    func number(_ name: String) -> Int? {
      guard let member = members.first(where: { $0.key.lowercased().filter(\.isLetter) == name }),
        case .number(let text) = member.value
      else { return nil }
      return Int(text)
    }
    guard let page = number("page"), let count = number("pagecount") ?? number("totalpages"), page < count else {
      return nil
    }
    return "page \(page) of \(count)"
  }
}
