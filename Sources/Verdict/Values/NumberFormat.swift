/// How a column writes its numbers: which mark separates the fraction, and which separators may
/// group the thousands. Trivially copyable, so that readers converting millions of cells copy it
/// freely.
///
/// Exports write the same number many ways: `1234.56`, `1,234.56`, `1.234,56`, `1'234.56`,
/// `1 234,56`. A column is read with one decimal mark, decided from the data or chosen by the
/// user; when it is not decided, a cell is read only if it has one reading (`0.5` and `1,234.56`
/// do, `1.250` does not: one and a quarter, or twelve hundred and fifty?).
package struct NumberFormat: Sendable, Hashable {
  /// The mark between the whole part and the fraction.
  package enum DecimalMark: UInt8, Sendable, Hashable {
    /// `1234.56`
    case point
    /// `1234,56`
    case comma
    /// Not known: each cell must show its own mark. A cell whose only separator is one `.` or `,`
    /// followed by three digits (`1.250`) is refused as ambiguous.
    case undecided
  }

  /// Which separators may group thousands.
  package enum Grouping: UInt8, Sendable, Hashable {
    /// Any of `,` or `.` (whichever is not the decimal mark), `'`, a space, a no-break space
    /// (U+00A0), a narrow no-break space (U+202F) or a thin space (U+2009).
    case any
    /// None: `1,234` is not a number.
    case none
    /// Only `,`.
    case comma
    /// Only `.`.
    case point
    /// Only `'` (Swiss exports: `11'373.94`).
    case apostrophe
    /// Only spaces: a space, a no-break, narrow no-break or thin space.
    case space
  }

  /// The decimal mark.
  package var decimalMark: DecimalMark
  /// The thousands separators allowed.
  package var grouping: Grouping

  /// Creates a format.
  package init(decimalMark: DecimalMark, grouping: Grouping = .any) {
    self.decimalMark = decimalMark
    self.grouping = grouping
  }

  /// `1234.56` and `1,234.56`: the default for JSON, `--set` values and comma-separated files.
  package static let point = NumberFormat(decimalMark: .point)
  /// `1234,56` and `1.234,56`, as German spreadsheets export them.
  package static let comma = NumberFormat(decimalMark: .comma)
  /// Decimal mark not known: only cells with one reading are read.
  package static let undecided = NumberFormat(decimalMark: .undecided)

  /// The mark as a byte, or `nil` when undecided.
  var markByte: UInt8? {
    switch decimalMark {
    case .point: UInt8(ascii: ".")
    case .comma: UInt8(ascii: ",")
    case .undecided: nil
    }
  }

  /// Whether `separator` (one of the ``NumberSeparator`` kinds) may group thousands when the
  /// decimal mark is `mark`.
  func groups(with separator: NumberSeparator, mark: UInt8?) -> Bool {
    switch (grouping, separator) {
    case (.none, _): false
    case (.any, .point): mark != UInt8(ascii: ".")
    case (.any, .comma): mark != UInt8(ascii: ",")
    case (.any, .apostrophe), (.any, .space): true
    case (.comma, .comma), (.point, .point), (.apostrophe, .apostrophe), (.space, .space): true
    case (.comma, _), (.point, _), (.apostrophe, _), (.space, _): false
    }
  }
}

/// A separator found between the digits of a number.
enum NumberSeparator: Equatable {
  case point
  case comma
  case apostrophe
  case space
}
