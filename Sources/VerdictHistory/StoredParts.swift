import GRDB

/// Writing the packed parts of a run: its changes, the clients it kept without judging them, and
/// the keys of the clients it saw first.
enum StoredParts {
  /// At most this many changes or keys go in one part, to keep memory flat and blobs small.
  static let size = 65_536

  /// Writes a part of the changes of the run on `day`: `count` changes packed in `data`, each
  /// the step from the previous change's client id (signed; the first from 0) and the outcome id
  /// + 1 (0: the client left the data).
  static func insertChanges(_ db: Database, day: Int64, part: Int, count: Int, data: [UInt8]) throws {
    try insertPart(into: "changes", db, day: day, part: part, count: count, data: data)
  }

  /// Writes a part of the clients the run on `day` kept without judging them: `count` client ids
  /// packed in `data`, each the step from the previous one (signed; the first from 0).
  static func insertCarried(_ db: Database, day: Int64, part: Int, count: Int, data: [UInt8]) throws {
    try insertPart(into: "carried", db, day: day, part: part, count: count, data: data)
  }

  /// Writes a row of `table`, `changes` or `carried`, which share their columns.
  private static func insertPart(
    into table: StaticString, _ db: Database, day: Int64, part: Int, count: Int, data: [UInt8]
  ) throws {
    let insert = try DirectStatement(db, "INSERT INTO \(table) (day, part, count, data) VALUES (?, ?, ?, ?)")
    insert.bind(day, at: 1)
    insert.bind(Int64(part), at: 2)
    insert.bind(Int64(count), at: 3)
    insert.bind(blob: data[...], at: 4)
    try insert.execute()
  }

  /// Writes the keys of `table` with the ids in `ids` as the clients with ids from `first` on,
  /// first seen at the run on `day`, packed (``KeyTable/pack(_:)``).
  static func insertKeys(_ db: Database, day: Int64, first: Int, from table: KeyTable, _ ids: Range<Int>) throws {
    guard !ids.isEmpty else { return }
    let (suffixes, lengths) = table.pack(ids)
    let insert = try DirectStatement(db, "INSERT INTO keys (first, day, count, bytes, lengths) VALUES (?, ?, ?, ?, ?)")
    insert.bind(Int64(first), at: 1)
    insert.bind(day, at: 2)
    insert.bind(Int64(ids.count), at: 3)
    insert.bind(blob: suffixes[...], at: 4)
    insert.bind(blob: lengths[...], at: 5)
    try insert.execute()
  }
}
