/// How a field's cells are read: its type, the unit or currency of bare numbers and the format
/// of dates. A trivially copyable summary of a ``FieldInfo``.
package struct CellFormat: Sendable, Hashable {
  /// The type, or `nil` when the data decides.
  package var type: ValueType?
  /// Whether the cells may be JSON number tokens, which JSON writes with an exponent when large
  /// or small (`1e400`): a cell with one that is past what a decimal keeps is then refused for
  /// its size. Elsewhere exponent notation is not read at all (``CellReader/exponentRefused(_:_:_:)``).
  package var readsJSONNumbers = false
  /// How bare numbers are read for a duration.
  package var durationUnit: TimeSpan.Unit?
  /// The currency of bare numbers for money (``Currency/ofRow`` when the row names it).
  package var currency: Currency?
  /// How the column writes numbers.
  package var numbers: NumberFormat
  /// How dates are written (`format "M/D/YYYY"`, or detected from the column); `nil` for the
  /// default forms.
  package var dateFormat: DateFormat?

  /// The format of `field`'s cells in a column that writes numbers as `numbers` says.
  package init(_ field: FieldInfo, numbers: NumberFormat = .point) {
    type = field.type
    durationUnit = field.durationUnit
    currency = field.cellCurrency
    self.numbers = numbers
    dateFormat = field.dateFormat
  }
}
