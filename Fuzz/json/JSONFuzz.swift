@testable import VerdictData

/// Bytes → `JSONParser` and `JSONRecordReader` (array and JSON Lines layouts).
///
/// The first byte chooses a chunk size; the rest is the file. Checked: a parsed document written
/// back out parses to the same value; the streaming reader gives the same records and errors
/// whatever the chunk size; and it agrees with the whole-document parser: each array element
/// or line that the parser reads as an object is that record (duplicate keys merged, nested
/// values as their text), every other one is an error, and a file the parser rejects never
/// reads without an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var input = FuzzInput(data, size)
  let chunkSize = 1 + Int(input.byte() % 19)
  let file = input.rest()

  let document = try? JSONParser.parse(file)
  if let document {
    let written = JSONText.write(document)
    let again = try? JSONParser.parse(Array(written.utf8))
    invariant(again == document, "\(written) reads back as \(String(describing: again)), not \(document)")
  }

  for layout in [JSONRecordReader.Layout.array, .lines] {
    let whole = stream(file, layout: layout, chunkSize: file.count + 1)
    let chunked = stream(file, layout: layout, chunkSize: chunkSize)
    invariant(whole == chunked, "\(layout) with chunk size \(chunkSize) reads otherwise:\n\(whole)\n\(chunked)")
    let expected: [JSONEvent]
    switch layout {
    case .array:
      guard case .array(let elements)? = document else {
        invariant(whole.contains(where: \.isError), "a file that is no JSON array read without an error: \(whole)")
        continue
      }
      expected = elements.map(JSONEvent.expected)
    case .lines:
      expected = jsonLines(file).compactMap { line, bytes in
        guard bytes.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { return nil }
        guard let value = try? JSONParser.parse(bytes) else { return .error(line: line) }
        return JSONEvent.expected(value).at(line: line)
      }
    }
    checkCells(file, layout: layout, chunkSize: chunkSize)
    let found = layout == .array ? whole.map { $0.at(line: 0) } : whole
    invariant(
      found.map(\.withoutErrorLine) == expected.map(\.withoutErrorLine) && (layout == .array || found == expected),
      "\(layout): the reader gives\n\(found)\nthe parser\n\(expected)")
  }
  return 0
}

/// Reading each record straight into cells gives what its members give: for every key of the
/// record (and one it lacks) the member's value as bytes, and for a malformed record the same
/// error.
func checkCells(_ file: [UInt8], layout: JSONRecordReader.Layout, chunkSize: Int) {
  let reader = JSONRecordReader(
    source: ByteSource(bytes: file, chunkSize: chunkSize), layout: layout,
    maxRecordBytes: JSONRecordReader.maxRecordBytes)
  try? reader.forEachRecordText { record in
    let members = Result { () throws(DataReadError) in try record.members() }
    let keys = ((try? members.get()) ?? []).map(\.key) + ["\u{1}absent"]
    let cells = JSONRecordCells(slots: keys.count)
    let read = Result { () throws(DataReadError) in try record.cells(JSONKeyTable(keys: keys), into: cells) }
    switch (members, read) {
    case (.success(let members), .success):
      for (slot, key) in keys.enumerated() {
        let expected: [UInt8] =
          switch members.first(where: { $0.key == key })?.value {
          case .string(let text), .nested(let text): Array(text.utf8)
          case .number(let text): Array(JSONNumberText.plain(text).utf8)
          case .bool(let flag): Array((flag ? "true" : "false").utf8)
          case .null, nil: []
          }
        invariant(
          Array(cells.cells[slot]) == expected, "cell \(key) reads \(Array(cells.cells[slot])), not \(expected)")
      }
    case (.failure(let left), .failure(let right)):
      invariant(left == right, "cells fail with \(right), members with \(left)")
    case (.success, .failure(let error)), (.failure(let error), .success):
      invariant(false, "one reading of a record fails (\(error)) and the other does not")
    }
  } onError: { _ in
  }
}

/// The lines of a JSON Lines file with their numbers (split at LF only, as the reader does).
func jsonLines(_ file: [UInt8]) -> [(Int, [UInt8])] {
  file.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { ($0 + 1, Array($1)) }
}

/// Everything a streaming reader reports, in order.
func stream(_ file: [UInt8], layout: JSONRecordReader.Layout, chunkSize: Int) -> [JSONEvent] {
  var events: [JSONEvent] = []
  let reader = JSONRecordReader(
    source: ByteSource(bytes: file, chunkSize: chunkSize), layout: layout,
    maxRecordBytes: JSONRecordReader.maxRecordBytes)
  do {
    try reader.forEachRecord { position, members in
      events.append(.record(line: position.line, members.map { JSONEvent.Member(key: $0.key, value: $0.value) }))
    } onError: { error in
      events.append(.error(line: error.line))
    }
  } catch let error as DataReadError {
    events.append(.error(line: error.line))
  } catch {
    invariant(false, "forEachRecord threw \(error)")
  }
  return events
}

/// A record or an error, as the reader reports them and as the parser predicts them.
enum JSONEvent: Equatable {
  struct Member: Equatable {
    var key: String
    var value: JSONScalar
  }

  case record(line: Int, [Member])
  case error(line: Int)

  var isError: Bool {
    if case .error = self { return true }
    return false
  }

  /// The same event, with errors at line 0: the parser's messages place some errors elsewhere.
  var withoutErrorLine: JSONEvent { isError ? .error(line: 0) : self }

  func at(line: Int) -> JSONEvent {
    switch self {
    case .record(_, let members): .record(line: line, members)
    case .error: .error(line: line)
    }
  }

  /// What the reader should make of an element or line that the parser reads as `value`: a
  /// record for an object, with repeated keys merged (the last value, at the first key's place),
  /// nested values as their text (checked separately: it must parse to the same value), and an
  /// object's members after it under their paths, up to `JSONCursor.deepestPath` objects deep and
  /// `JSONCursor.longestPath` bytes long.
  static func expected(_ value: JSONValue) -> JSONEvent {
    guard case .object(let members) = value else { return .error(line: 0) }
    var merged: [Member] = []
    for member in members {
      for (key, cell) in flattened(member.key, member.value, depth: 1) {
        if let index = merged.firstIndex(where: { $0.key == key }) {
          merged[index].value = cell
        } else {
          merged.append(Member(key: key, value: cell))
        }
      }
    }
    return .record(line: 0, merged)
  }

  /// The member `key` of a value `depth` objects inside the record, and, for an object no deeper
  /// than paths go, each of its members under its path, in order.
  static func flattened(_ key: String, _ value: JSONValue, depth: Int) -> [(String, JSONScalar)] {
    switch value {
    case .null: return [(key, .null)]
    case .bool(let flag): return [(key, .bool(flag))]
    case .number(let text): return [(key, .number(text))]
    case .string(let text): return [(key, .string(text))]
    case .array: return [(key, .nested(JSONText.write(value)))]
    case .object(let members):
      var result = [(key, JSONScalar.nested(JSONText.write(value)))]
      guard depth <= JSONCursor.deepestPath else { return result }
      for member in members {
        let path = key + "." + member.key
        guard path.utf8.count <= JSONCursor.longestPath else { continue }
        result += flattened(path, member.value, depth: depth + 1)
      }
      return result
    }
  }

  static func == (left: JSONEvent, right: JSONEvent) -> Bool {
    switch (left, right) {
    case (.error(let a), .error(let b)): return a == b
    case (.record(let a, let x), .record(let b, let y)):
      return a == b && x.count == y.count && zip(x, y).allSatisfy(Member.same)
    default: return false
    }
  }
}

extension JSONEvent.Member {
  /// Equal, with nested values compared by what they parse to rather than by their spacing.
  static func same(_ a: Self, _ b: Self) -> Bool {
    guard a.key == b.key else { return false }
    if case .nested(let x) = a.value, case .nested(let y) = b.value {
      guard let first = try? JSONParser.parse(Array(x.utf8)), let second = try? JSONParser.parse(Array(y.utf8)) else {
        return false
      }
      return first == second
    }
    return a.value == b.value
  }
}

/// JSON text for a value: compact, strings escaped as RFC 8259 requires.
enum JSONText {
  static func write(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let text): return text
    case .string(let text): return quoted(text)
    case .array(let items): return "[" + items.map(write).joined(separator: ",") + "]"
    case .object(let members):
      return "{" + members.map { quoted($0.key) + ":" + write($0.value) }.joined(separator: ",") + "}"
    }
  }

  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
