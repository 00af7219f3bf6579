import Foundation
import GRDB
import Verdict

/// A row of the `runs` table: lists and counts are stored as JSON text.
struct RunRow {
  var info: RunInfo
  var counts: [String: Int]
  var errors: Int
  var clients: Int
  var changes: Int

  /// Writes the row.
  func insert(_ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO runs (day, startedAt, policyPath, policyHash, dataFiles, verdicts, otherwise, counts, errors,
          clients, changes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        info.today.daysSinceEpoch, info.startedAt.timeIntervalSince1970, info.policyPath, info.policyHash,
        try StoredJSON.text(info.dataFiles), try StoredJSON.text(info.verdicts), info.otherwiseIndex,
        try StoredJSON.text(counts),
        errors, clients, changes,
      ])
  }

  /// Every run, oldest first.
  /// - Throws: ``HistoryError`` of kind ``HistoryError/Kind/corrupt`` for a row that holds a
  ///   value of another type than its column's, NULL, or a list that cannot be read: only a
  ///   damaged file holds one.
  /// `before`: only the latest run before that day (one JSON list each to decode, not a year's).
  static func all(_ db: Database, path: String, before: Int64? = nil) throws -> [RecordedRun] {
    let rows = try DirectStatement(
      db,
      """
      SELECT day, startedAt, policyPath, policyHash, dataFiles, verdicts, otherwise, counts, errors, clients, changes
      FROM runs \(before == nil ? "ORDER BY day" : "WHERE day < ?1 ORDER BY day DESC LIMIT 1")
      """)
    if let before { rows.bind(before, at: 1) }
    var runs: [RecordedRun] = []
    while try rows.step() {
      let day = CalendarDate(daysSinceEpoch: try rows.integer(0))
      func decoded<T: Decodable>(_ column: Int32, _ name: String, as: T.Type) throws -> T {
        let text = try rows.text(column)
        guard let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
          throw ChangeLog.corrupt(path, "the run of \(day) has an unreadable list of \(name)")
        }
        return value
      }
      let info = RunInfo(
        today: day, startedAt: Date(timeIntervalSince1970: try rows.real(1)), policyPath: try rows.text(2),
        policyHash: try rows.text(3), dataFiles: try decoded(4, "data files", as: [String].self),
        verdicts: try decoded(5, "verdicts", as: [String].self), otherwiseIndex: Int(clamping: try rows.integer(6)))
      runs.append(
        RecordedRun(
          info: info, counts: try decoded(7, "counts", as: [String: Int].self),
          errors: Int(clamping: try rows.integer(8)), clients: Int(clamping: try rows.integer(9)),
          changes: Int(clamping: try rows.integer(10))))
    }
    return runs
  }

}

/// How lists, counts and clauses are stored as text: compact JSON with sorted keys, so that equal
/// values are equal text.
enum StoredJSON {
  static func text<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// How a verdict's clauses are stored: one JSON object with its keys sorted (so equal clauses are
/// equal text), or NULL when there are none.
enum ClauseText {
  /// The stored text of `clauses`; `nil` when there are none.
  static func encode(_ clauses: [String: String]) -> String? {
    if clauses.isEmpty { return nil }
    return plainText(clauses) ?? (try? StoredJSON.text(clauses))
  }

  /// The text ``StoredJSON/text(_:)`` makes of `clauses` when it needs no escape: each name of
  /// lowercase ASCII letters (sorted alike by any order), each value of printable ASCII without
  /// a quote or backslash. `nil` for anything else, which the encoder then writes. A first run
  /// records a few thousand outcomes, and encoding each through `Codable` cost it tens of ms.
  static func plainText(_ clauses: [String: String]) -> String? {
    var text: [UInt8] = [UInt8(ascii: "{")]
    for name in clauses.keys.sorted() {
      guard let value = clauses[name], !name.isEmpty, name.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7a }),
        value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
      else { return nil }
      if text.count > 1 { text.append(UInt8(ascii: ",")) }
      text.append(UInt8(ascii: "\""))
      text.append(contentsOf: name.utf8)
      text.append(contentsOf: "\":\"".utf8)
      text.append(contentsOf: value.utf8)
      text.append(UInt8(ascii: "\""))
    }
    text.append(UInt8(ascii: "}"))
    return String(decoding: text, as: UTF8.self)
  }

  /// The clauses stored as `text` (`nil`: none); `nil` when the text is not such an object.
  static func decode(_ text: String?) -> [String: String]? {
    guard let text else { return [:] }
    if let clauses = plainObject(text) { return clauses }
    return try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
  }

  /// The object in `text` when it is written as ``encode(_:)`` writes clauses without escapes:
  /// `{"name":"value",…}` with no space, backslash or control character, each name once. `nil`
  /// for anything else, which the full decoder then reads (or refuses). A history holds a few
  /// thousand outcomes at most, but decoding each through `Codable` costs a run tens of ms.
  static func plainObject(_ text: String) -> [String: String]? {
    var text = text
    return text.withUTF8 { bytes -> [String: String]? in
      var at = 0
      /// The string opening at `at` (a quote), moving past it.
      func string() -> String? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        let start = at + 1
        at = start
        while at < bytes.count, bytes[at] != UInt8(ascii: "\"") {
          guard bytes[at] >= 0x20, bytes[at] != UInt8(ascii: "\\") else { return nil }
          at += 1
        }
        guard at < bytes.count else { return nil }
        at += 1
        return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at - 1]), as: UTF8.self)
      }
      guard bytes.count >= 2, bytes[0] == UInt8(ascii: "{") else { return nil }
      at = 1
      // Room for the six clauses a verdict can have, so that the dictionary never grows.
      var object: [String: String] = [:]
      object.reserveCapacity(6)
      if bytes[at] == UInt8(ascii: "}") { return at + 1 == bytes.count ? object : nil }
      while true {
        guard let name = string(), at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
        at += 1
        guard let value = string(), at < bytes.count, object.updateValue(value, forKey: name) == nil else { return nil }
        at += 1
        switch bytes[at - 1] {
        case UInt8(ascii: ","): continue
        case UInt8(ascii: "}"): return at == bytes.count ? object : nil
        default: return nil
        }
      }
    }
  }
}
