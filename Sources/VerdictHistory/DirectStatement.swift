import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the loops that touch every client:
/// binding and reading columns directly avoids GRDB's per-row argument arrays and row values,
/// which would otherwise cost more than SQLite itself.
///
/// Use it inside one database access, and bind every parameter before each `execute` or `step`.
struct DirectStatement {
  private let statement: Statement
  private let db: Database
  private var handle: SQLiteStatement { statement.sqliteStatement }

  /// Prepares `sql`, or takes it from the connection's cache.
  init(_ db: Database, _ sql: String) throws {
    self.db = db
    statement = try db.cachedStatement(sql: sql)
    sqlite3_reset(statement.sqliteStatement)
  }

  /// Binds parameter `index` (from 1).
  func bind(_ value: Int64, at index: Int32) {
    sqlite3_bind_int64(handle, index, value)
  }

  /// Binds parameter `index` (from 1), NULL for `nil`.
  func bind(_ value: Int?, at index: Int32) {
    if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
  }

  /// Binds parameter `index` (from 1) to a copy of the text, NULL for `nil`.
  func bind(_ value: String?, at index: Int32) {
    guard var text = value else {
      sqlite3_bind_null(handle, index)
      return
    }
    text.withUTF8 { bytes in
      _ = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), transient)
    }
  }

  /// Binds parameter `index` (from 1) to a copy of the bytes, as a blob.
  func bind(blob bytes: ArraySlice<UInt8>, at index: Int32) {
    bytes.withUnsafeBytes { raw in
      // A zero-length blob needs a non-null pointer to be a blob rather than NULL.
      let empty: UInt8 = 0
      withUnsafePointer(to: empty) { fallback in
        _ = sqlite3_bind_blob(
          handle, index, raw.baseAddress ?? UnsafeRawPointer(fallback), Int32(raw.count), transient)
      }
    }
  }

  /// Runs a statement that returns no rows.
  func execute() throws {
    defer { sqlite3_reset(handle) }
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else { throw failure(code) }
  }

  /// Moves to the next row; `false` (and the statement is reset) after the last.
  func step() throws -> Bool {
    let code = sqlite3_step(handle)
    if code == SQLITE_ROW { return true }
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else { throw failure(code) }
    return false
  }

  /// Column `index` (from 0) of the current row, an integer.
  /// - Throws: a `DatabaseError` of `SQLITE_CORRUPT` when it holds another type or NULL: the
  ///   tables are STRICT and their columns NOT NULL, so only a damaged file holds such a value.
  func integer(_ index: Int32) throws -> Int64 {
    try expect(index, SQLITE_INTEGER)
    return sqlite3_column_int64(handle, index)
  }

  /// Column `index` (from 0) of the current row, a number (`REAL`, or an integer).
  /// - Throws: as ``integer(_:)`` does, for another type or NULL.
  func real(_ index: Int32) throws -> Double {
    if sqlite3_column_type(handle, index) != SQLITE_INTEGER { try expect(index, SQLITE_FLOAT) }
    return sqlite3_column_double(handle, index)
  }

  /// Column `index` (from 0) of the current row as bytes, valid until the next step.
  /// - Throws: as ``integer(_:)`` does, for another type or NULL.
  func blob(_ index: Int32) throws -> UnsafeRawBufferPointer {
    try expect(index, SQLITE_BLOB)
    let start = sqlite3_column_blob(handle, index)
    let count = Int(sqlite3_column_bytes(handle, index))
    return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
  }

  /// Column `index` (from 0) of the current row, a text.
  /// - Throws: as ``integer(_:)`` does, for another type or NULL.
  func text(_ index: Int32) throws -> String {
    try expect(index, SQLITE_TEXT)
    return columnText(index)
  }

  /// Column `index` (from 0) of the current row, a text or NULL (`nil`).
  /// - Throws: as ``integer(_:)`` does, for another type.
  func optionalText(_ index: Int32) throws -> String? {
    if sqlite3_column_type(handle, index) == SQLITE_NULL { return nil }
    return try text(index)
  }

  /// Column `index` (from 0) of the current row, an integer or NULL (`nil`).
  /// - Throws: as ``integer(_:)`` does, for another type.
  func optionalInteger(_ index: Int32) throws -> Int64? {
    if sqlite3_column_type(handle, index) == SQLITE_NULL { return nil }
    return try integer(index)
  }

  private func columnText(_ index: Int32) -> String {
    guard let text = sqlite3_column_text(handle, index) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// Throws unless column `index` of the current row holds a value of `type`.
  private func expect(_ index: Int32, _ type: Int32) throws {
    let found = sqlite3_column_type(handle, index)
    guard found != type else { return }
    let column = sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "column \(index)"
    throw DatabaseError(
      resultCode: .SQLITE_CORRUPT,
      message: "a row holds \(Self.typeName(found)) in \(column), where \(Self.typeName(type)) belongs",
      sql: statement.sql)
  }

  /// What a value of SQLite's fundamental `type` is, as a message says it.
  private static func typeName(_ type: Int32) -> String {
    switch type {
    case SQLITE_INTEGER: "an integer"
    case SQLITE_FLOAT: "a number"
    case SQLITE_TEXT: "a text"
    case SQLITE_BLOB: "bytes"
    default: "NULL"
    }
  }

  private func failure(_ code: Int32) -> DatabaseError {
    let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
  }
}

/// SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
