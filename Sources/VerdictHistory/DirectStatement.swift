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

  /// Column `index` (from 0) of the current row as an integer (0 for NULL).
  func int64(_ index: Int32) -> Int64 {
    sqlite3_column_int64(handle, index)
  }

  /// Column `index` (from 0) of the current row as a floating-point number (0 for NULL).
  func double(_ index: Int32) -> Double {
    sqlite3_column_double(handle, index)
  }

  /// Column `index` (from 0) of the current row as bytes, valid until the next step (empty for
  /// NULL).
  func blob(_ index: Int32) -> UnsafeRawBufferPointer {
    let start = sqlite3_column_blob(handle, index)
    let count = Int(sqlite3_column_bytes(handle, index))
    return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
  }

  /// Whether column `index` (from 0) of the current row is NULL.
  func isNull(_ index: Int32) -> Bool {
    sqlite3_column_type(handle, index) == SQLITE_NULL
  }

  /// Column `index` (from 0) of the current row as text; `nil` for NULL.
  func string(_ index: Int32) -> String? {
    guard let text = sqlite3_column_text(handle, index) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  private func failure(_ code: Int32) -> DatabaseError {
    let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
  }
}

/// SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
