/// How a CSV file is laid out: which byte separates fields, and how its numbers are written.
package struct CSVDialect: Sendable, Equatable, Hashable {
  /// The field separator: `,`, `;` or a tab.
  package var separator: UInt8
  /// True when numbers use a decimal comma (`12345,67`), as in German spreadsheet exports.
  ///
  /// The reader itself never interprets numbers; this flag tells the code that converts
  /// field bytes to numbers how to read them.
  package var decimalComma: Bool

  /// Creates a dialect from its parts.
  package init(separator: UInt8, decimalComma: Bool) {
    self.separator = separator
    self.decimalComma = decimalComma
  }

  /// Comma-separated fields with decimal points: `1,"Acme, Inc.",12345.67`.
  package static let standard = CSVDialect(separator: UInt8(ascii: ","), decimalComma: false)

  /// Semicolon-separated fields with decimal commas, as Excel writes in German locales:
  /// `1;"Acme; Inc.";12345,67`.
  package static let german = CSVDialect(separator: UInt8(ascii: ";"), decimalComma: true)

  /// Tab-separated fields with decimal points.
  package static let tabSeparated = CSVDialect(separator: UInt8(ascii: "\t"), decimalComma: false)

  /// The dialect of a file whose fields `separator` separates (named by Excel's `sep=;` line, or
  /// the header's most frequent, ``detect(headerLine:)``): `;` with decimal commas, any other
  /// with decimal points.
  package static func separated(by separator: UInt8) -> CSVDialect {
    switch separator {
    case UInt8(ascii: ";"): .german
    case UInt8(ascii: "\t"): .tabSeparated
    case UInt8(ascii: ","): .standard
    default: CSVDialect(separator: separator, decimalComma: false)
    }
  }

  /// Detects the dialect from a header line.
  ///
  /// Counts `,`, `;`, tab and `|` bytes outside double quotes and picks the most frequent:
  /// `;` gives `german`, a tab gives `tabSeparated`, `|` a pipe-separated dialect, and `,` (also
  /// on ties and when none occurs, as in a one-column file) gives `standard`.
  package static func detect(headerLine: some Collection<UInt8>) -> CSVDialect {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var pipes = 0
    var quoted = false
    for byte in headerLine {
      switch byte {
      case UInt8(ascii: "\""):
        quoted.toggle()
      case UInt8(ascii: ",") where !quoted:
        commas += 1
      case UInt8(ascii: ";") where !quoted:
        semicolons += 1
      case UInt8(ascii: "\t") where !quoted:
        tabs += 1
      case UInt8(ascii: "|") where !quoted:
        pipes += 1
      default:
        break
      }
    }
    if pipes > max(commas, semicolons, tabs) {
      return separated(by: UInt8(ascii: "|"))
    }
    if semicolons > commas && semicolons >= tabs {
      return separated(by: UInt8(ascii: ";"))
    }
    if tabs > commas && tabs > semicolons {
      return separated(by: UInt8(ascii: "\t"))
    }
    return .standard
  }
}
