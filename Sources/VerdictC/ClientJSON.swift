import Verdict
import VerdictData

/// A client given to the C interface as a JSON object from field name to value, read as
/// `verdict run` reads a record of a JSON data file: strings are data cells (`"45d"`,
/// `"1200 EUR"`), numbers are their literal text, `true` and `false` are booleans, `null` is
/// missing, and so is a field not given. A key that repeats is refused, as `verdict run` refuses
/// such a record: which value is meant is not known. The values then go through ``Policy/client(_:options:)``, which converts each to its
/// field's type and refuses a key the policy has no field for, with a did-you-mean.
enum ClientJSON {
  /// The client `text` describes for `policy`; a syntax error, a key the policy has no field
  /// for, a nested value or a value that does not fit its field is a `client` failure.
  static func client(_ text: String, for policy: Policy) throws(CallFailure) -> Client {
    let document: JSONValue
    do throws(DataReadError) {
      document = try JSONParser.parse(Array(text.utf8))
    } catch {
      throw .client("client JSON: \(error)")
    }
    guard case .object(let members) = document else {
      throw .client("client JSON: expected an object of field names and values, found \(kind(of: document))")
    }
    var values: [String: Value] = [:]
    for member in members {
      // As `verdict run` refuses a record giving a key twice: which value is meant is not known.
      guard values[member.key] == nil else {
        throw .client(
          "client JSON: field '\(Policy.shown(member.key))' is given more than once; which value is meant cannot be known"
        )
      }
      switch member.value {
      case .string(let text): values[member.key] = .text(text)
      case .number(let text):
        // As `verdict run` reads a JSON number: its exponent written out (`1e2` is 100), and
        // written for a reader that takes each cell's mark from the cell (`1.250` as `1.2500`),
        // but a text field's as written (`1.250` stays the text "1.250").
        let isText = policy.fields.contains { $0.name == member.key && $0.type == .text }
        values[member.key] = .text(JSONNumberText.cell(text, notation: isText ? .point : .unambiguous))
      case .bool(let flag): values[member.key] = .text(flag ? "true" : "false")
      case .null: values[member.key] = .missing
      case .array, .object:
        throw .client(
          "client JSON: field '\(Policy.shown(member.key))' holds \(kind(of: member.value)); a field's value is a string, a number, true, false or null"
        )
      }
    }
    do throws(ClientError) {
      // As `verdict run` reads a JSON record's strings: "1,250" has two readings, and is refused;
      // and its numbers: `1e400` is too large, not a number whose exponent is not read.
      return try policy.client(values, options: .absentIsMissing, reader: .jsonValues)
    } catch {
      let what = error.kind == .unknownKey ? error.message : error.description
      throw .client("client JSON: \(what)\(error.hint.map { " (\($0))" } ?? "")")
    }
  }

  private static func kind(of value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
