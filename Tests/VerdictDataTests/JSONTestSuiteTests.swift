import Foundation
import XCTest

@testable import VerdictData

/// nst/JSONTestSuite `test_parsing`: `y_` files must parse, `n_` files must be rejected with a
/// `DataReadError`, `i_` files may go either way but must not crash.
final class JSONTestSuiteTests: XCTestCase {
  func testParsingSuite() throws {
    let folder = try ConformanceData.directory("JSONTestSuite/test_parsing")
    let files = try ConformanceData.files(in: folder, withExtension: "json")
    XCTAssertGreaterThan(files.count, 300, "test_parsing looks incomplete")
    var wronglyRejected: [String] = []
    var wronglyAccepted: [String] = []
    var counts: [Character: Int] = [:]
    for file in files {
      let name = file.lastPathComponent
      let bytes = [UInt8](try Data(contentsOf: file))
      let outcome = Result { () throws(DataReadError) in try JSONParser.parse(bytes) }
      guard let kind = name.first else {
        continue
      }
      counts[kind, default: 0] += 1
      switch (kind, outcome) {
      case ("y", .failure(let error)):
        wronglyRejected.append("\(name): \(error)")
      case ("n", .success):
        wronglyAccepted.append(name)
      case ("n", .failure(let error)):
        XCTAssertGreaterThan(error.line, 0, "\(name) error has no position: \(error)")
        XCTAssertFalse(error.message.isEmpty, name)
      default:
        break
      }
    }
    XCTAssertEqual(wronglyRejected, [], "y_ files rejected")
    XCTAssertEqual(wronglyAccepted, [], "n_ files accepted")
    XCTAssertGreaterThan(counts["y", default: 0], 90)
    XCTAssertGreaterThan(counts["n", default: 0], 180)
    XCTAssertGreaterThan(counts["i", default: 0], 30)
  }

  /// The accepted `y_` documents agree with Foundation's parser on their structure.
  func testAcceptedDocumentsMatchFoundation() throws {
    let folder = try ConformanceData.directory("JSONTestSuite/test_parsing")
    var compared = 0
    for file in try ConformanceData.files(in: folder, withExtension: "json")
    where file.lastPathComponent.hasPrefix("y_") {
      let data = try Data(contentsOf: file)
      guard
        let reference = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
      else {
        continue
      }
      let value = try JSONParser.parse([UInt8](data))
      XCTAssertEqual(Self.shape(of: value), Self.shape(of: reference), file.lastPathComponent)
      compared += 1
    }
    print("compared \(compared) y_ documents with Foundation")
    XCTAssertGreaterThan(compared, 80, "Foundation parsed too few y_ files to compare")
  }

  /// A structural summary that both trees can be reduced to: kinds, counts, strings and keys.
  static func shape(of value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number: return "number"
    case .string(let text): return "s:\(text.unicodeScalars.map { $0.value })"
    case .array(let items): return "[" + items.map { shape(of: $0) }.joined(separator: ",") + "]"
    case .object(let members):
      var lastByKey: [String: JSONValue] = [:]
      for member in members {
        lastByKey[member.key] = member.value
      }
      return "{"
        + lastByKey.keys.sorted().map { "\($0):" + shape(of: lastByKey[$0] ?? .null) }
        .joined(separator: ",") + "}"
    }
  }

  static func shape(of object: Any) -> String {
    switch object {
    case is NSNull: return "null"
    case let number as NSNumber where String(cString: number.objCType) == "c":
      return number.boolValue ? "true" : "false"
    case is NSNumber: return "number"
    case let text as String: return "s:\(text.unicodeScalars.map { $0.value })"
    case let items as [Any]: return "[" + items.map { shape(of: $0) }.joined(separator: ",") + "]"
    case let members as [String: Any]:
      return "{"
        + members.keys.sorted().map { "\($0):" + shape(of: members[$0] ?? NSNull()) }
        .joined(separator: ",") + "}"
    default: return "?"
    }
  }
}
