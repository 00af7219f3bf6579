import Foundation
import GRDB

/// The client keys of the runs before a day as the `keys` table stores them, in parts: read in
/// the transaction that reads the rest of the history, then unpacked into a ``KeyTable`` on
/// another thread while the changes are read, since a million keys take as long to unpack as
/// their changes take to sort.
final class KeyParts: @unchecked Sendable {
  /// Each part: the id of its first key, how many keys it holds, and its packed bytes (see
  /// ``KeyTable/pack(_:)``).
  private var parts: [(first: Int64, count: Int64, suffixes: [UInt8], lengths: [UInt8])] = []
  /// How many keys the parts say they hold, and the bytes of their suffixes.
  let count: Int
  private let suffixBytes: Int
  private var table = KeyTable()
  /// The first key of the first part that could not be unpacked, if one could not.
  private var unreadable: Int64?
  private let done = DispatchGroup()
  /// Fewer keys than this are unpacked on the calling thread: another would cost more than it saves.
  private static let backgroundMinimum = 50_000

  /// Reads the parts of the keys first seen before `day`.
  init(_ db: Database, before day: Int64) throws {
    let sizes = try DirectStatement(
      db, "SELECT coalesce(sum(count), 0), coalesce(sum(length(bytes)), 0) FROM keys WHERE day < ?")
    sizes.bind(day, at: 1)
    var count = 0
    var suffixBytes = 0
    if try sizes.step() {
      count = Int(clamping: try sizes.integer(0))
      suffixBytes = Int(clamping: try sizes.integer(1))
    }
    while try sizes.step() {}
    self.count = count
    self.suffixBytes = suffixBytes
    let rows = try DirectStatement(db, "SELECT first, count, bytes, lengths FROM keys WHERE day < ? ORDER BY first")
    rows.bind(day, at: 1)
    while try rows.step() {
      parts.append((try rows.integer(0), try rows.integer(1), Array(try rows.blob(2)), Array(try rows.blob(3))))
    }
  }

  /// Unpacks the keys, on another thread when there are many; ``keys(path:)`` waits for them.
  func unpack() {
    guard count >= Self.backgroundMinimum else { return unpackNow() }
    done.enter()
    DispatchQueue.global().async {
      self.unpackNow()
      self.done.leave()
    }
  }

  /// The keys, once unpacked, their index being built on another thread (see
  /// ``KeyTable/indexInBackground()``).
  /// - Throws: ``HistoryError`` for a part that cannot be unpacked or keys not numbered one
  ///   after the other.
  func keys(path: String) throws -> KeyTable {
    done.wait()
    if let unreadable {
      throw ChangeLog.corrupt(path, "its client keys from number \(unreadable) on are unreadable")
    }
    return table
  }

  private func unpackNow() {
    table.reserve(keys: count, bytes: suffixBytes)
    for part in parts {
      let fits = part.suffixes.withUnsafeBytes { suffixes in
        part.lengths.withUnsafeBytes { lengths in
          part.first == table.count && part.count >= 0
            && table.append(packed: suffixes, lengths: lengths, count: Int(part.count))
        }
      }
      guard fits else {
        unreadable = part.first
        return
      }
    }
    parts = []
    // The index is built on yet another thread while the changes are read and the run goes on.
    table.indexInBackground()
  }
}
