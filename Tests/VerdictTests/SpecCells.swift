import Foundation

@testable import Verdict

/// The client column: records separated by `|`, fields by `;`, each `name=cell`. A cell in double
/// quotes may hold `;`, `|` and the escapes `\"`, `\\`, `\n`, `\t`. White space around an unquoted cell
/// is not part of it (`kind=late | kind=rude` is `late`, not `late `). Empty cells are left out
/// (missing).
enum ClientSyntax {
  struct Failure: Error {
    var message: String
  }

  static func parse(_ text: String) throws(Failure) -> [[String: String]] {
    var records: [[String: String]] = [[:]]
    var name = ""
    var value = ""
    var inValue = false
    var quoted = false
    var wasQuoted = false
    var escaped = false
    func commit() throws(Failure) {
      defer { (name, value, inValue, wasQuoted) = ("", "", false, false) }
      if !wasQuoted {
        while value.last?.isWhitespace == true { value.removeLast() }
      }
      let field = name.trimmingCharacters(in: .whitespaces)
      if field.isEmpty, !inValue { return }
      guard !field.isEmpty, inValue else { throw Failure(message: "expected name=value, found '\(name)'") }
      guard records[records.count - 1][field] == nil else { throw Failure(message: "'\(field)' is given twice") }
      if !value.isEmpty { records[records.count - 1][field] = value }
    }
    for scalar in text.unicodeScalars {
      if escaped {
        value.unicodeScalars.append(scalar == "n" ? "\n" : scalar == "t" ? "\t" : scalar)
        escaped = false
      } else if quoted {
        if scalar == "\\" {
          escaped = true
        } else if scalar == "\"" {
          quoted = false
        } else {
          value.unicodeScalars.append(scalar)
        }
      } else if scalar == "=", !inValue {
        inValue = true
      } else if scalar == "\"", inValue, value.trimmingCharacters(in: .whitespaces).isEmpty {
        quoted = true
        wasQuoted = true
        value = ""
      } else if scalar == ";" || scalar == "|" {
        try commit()
        if scalar == "|" { records.append([:]) }
      } else if inValue {
        if !(scalar == " " && value.isEmpty) { value.unicodeScalars.append(scalar) }
      } else {
        name.unicodeScalars.append(scalar)
      }
    }
    guard !quoted else { throw Failure(message: "a quoted cell is not closed") }
    try commit()
    return records
  }
}

/// The records column: one line per table and client, `TABLE: RECORD | RECORD …` for the first
/// client and `TABLE[N]: …` for client N (from 1), each record written as a client is in the
/// client column. A table with no line has no records for that client; `TABLE:` alone is one
/// record whose cells are all empty. Several lines for the same table and client add up.
enum RecordsSyntax {
  /// The records of one table for one client.
  struct Line: Equatable {
    var table: String
    /// The client's index in the client column, from 0.
    var client: Int
    var records: [[String: String]]
  }

  static func parse(_ text: String) throws(ClientSyntax.Failure) -> [Line] {
    var lines: [Line] = []
    for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
      guard let colon = line.firstIndex(of: ":") else {
        throw ClientSyntax.Failure(message: "expected TABLE: RECORD | RECORD, found '\(line)'")
      }
      var head = line[..<colon].trimmingCharacters(in: .whitespaces)
      var client = 0
      if head.hasSuffix("]"), let open = head.firstIndex(of: "[") {
        guard let number = Int(head[head.index(after: open)..<head.index(before: head.endIndex)]), number >= 1 else {
          throw ClientSyntax.Failure(message: "expected a client number from 1 in '\(head)'")
        }
        client = number - 1
        head = String(head[..<open])
      }
      guard let first = head.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first),
        head.unicodeScalars.allSatisfy({ $0 == "_" || CharacterSet.alphanumerics.contains($0) })
      else { throw ClientSyntax.Failure(message: "expected a table's name before ':', found '\(head)'") }
      let records = try ClientSyntax.parse(String(line[line.index(after: colon)...]))
      lines.append(Line(table: head, client: client, records: records))
    }
    return lines
  }
}

/// Folds a case's records into its clients' aggregates, as `verdict run` does with table files:
/// every client's records, table by table in the policy's order, then the aggregates' values
/// into the client's slots after its fields.
enum SpecRecords {
  /// What went wrong, already in the suite's notation.
  struct Failure: Error {
    var outcome: String
  }

  /// `clients` with their aggregates set; clients the records name beyond the client column are
  /// added with no cells.
  static func fold(
    _ lines: [RecordsSyntax.Line], into clients: [Client], of policy: Policy, in context: EvaluationContext,
    position: (SourceRange) -> String
  ) throws(Failure) -> [Client] {
    guard !policy.tables.isEmpty else {
      guard let line = lines.first else { return clients }
      throw Failure(outcome: "bad records column: the policy has no table '\(line.table)'")
    }
    let names = policy.tables.map(\.name)
    if let stray = lines.first(where: { !names.contains($0.table) }) {
      throw Failure(outcome: "bad records column: the policy has no table '\(stray.table)'")
    }
    var clients = clients
    while clients.count <= lines.map(\.client).max() ?? -1 {
      clients.append(Client(values: Array(repeating: .missing, count: policy.fields.count)))
    }
    for index in clients.indices {
      var accumulators = Array(repeating: AggregateAccumulator(), count: max(1, policy.aggregateCount))
      for table in policy.tables {
        for line in lines where line.table == table.name && line.client == index {
          for cells in line.records {
            let record: Client
            do throws(ClientError) {
              record = try table.policy.client(cells.mapValues { Value.text($0) }, options: .absentIsMissing)
            } catch {
              throw Failure(outcome: "record-error \(table.name) \(error.description)")
            }
            let failure = accumulators.withUnsafeMutableBufferPointer {
              table.fold(record, in: context, into: $0.baseAddress!)
            }
            if let failure {
              throw Failure(outcome: "evaluation-error at \(position(failure.range)): \(failure.message)")
            }
          }
        }
      }
      accumulators.withUnsafeBufferPointer { policy.setAggregates(of: &clients[index], from: $0.baseAddress!) }
    }
    return clients
  }
}
