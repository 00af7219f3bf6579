import Verdict

/// One client of the HTML report, as the writer collects it: the page is written only once every
/// row is known (it sorts them, and charts them).
///
/// The evaluating threads write entries into their batch's buffer (``encode(_:_:vocabulary:into:)``)
/// as length-prefixed fields, so collecting a batch is one copy of its bytes; the page decodes
/// them at the end (``decodeAll(_:vocabulary:)``).
struct ReportEntry {
  /// The client's key, or `file:line` when it has none.
  var client: String
  /// The data file, by index in ``ReportVocabulary/sources``.
  var source: Int
  /// The line the record starts on.
  var line: Int
  /// The verdict's severity; `nil` for a row with an error.
  var severity: Int?
  /// The winning rule, by index; `nil` when `otherwise` decided or the row has an error.
  var rule: Int?
  var notice: TimeSpan?
  var cooldown: TimeSpan?
  var holdUntilPaid = false
  var meet: MeetingMode?
  var reason: String?
  var refer: String?
  /// The row's error.
  var error: String?
  /// How many rules could not be decided for missing data.
  var unknownRules = 0
  /// The chart's measure, as the report shows it, as a number to draw, and its currency's code
  /// for money; `nil` when the value is missing or not a number.
  var measure: Measure?
  /// The histograms' value, the same way; `nil` when it is missing or not a number.
  var histogram: Measure?

  /// A value the report draws.
  typealias Measure = (text: String, amount: Double, currency: String?)

  /// The currencies of `measures` when there are more than one (`EUR and USD`): there is no
  /// conversion, so such amounts are not added up or put on one scale; `nil` otherwise.
  static func currencies(_ measures: [Measure?]) -> String? {
    let codes = Set(measures.compactMap { $0?.currency }).sorted()
    guard codes.count > 1 else { return nil }
    return codes.dropLast().joined(separator: ", ") + " and " + codes[codes.count - 1]
  }
  /// The standing in the run history, when there is one.
  var standing: ClientStanding?
  /// Whether ``client`` is the client's key (not `file:line`): only such clients are in a history.
  var keyed = false

  /// Writes one row's entry.
  static func encode(_ row: ReportRow, _ outcome: ReportOutcome?, vocabulary: ReportVocabulary, into out: ByteBuffer) {
    if row.key.isEmpty {
      var label = vocabulary.sources[row.source] + ":" + String(row.line)
      label.withUTF8 { out.appendField($0) }
    } else {
      out.appendField(row.key)
    }
    out.appendNumberField(row.source)
    out.appendNumberField(row.line)
    out.appendNumberField(outcome.map(\.severity))
    out.appendNumberField(outcome?.winningRule)
    out.appendNumberField(outcome?.notice.map { Int($0.seconds) })
    out.appendNumberField(outcome?.cooldown.map { Int($0.seconds) })
    out.appendNumberField(outcome?.holdUntilPaid == true ? 1 : nil)
    out.appendField(outcome?.meet?.rawValue)
    out.appendField(outcome?.reason.string(in: vocabulary.texts))
    out.appendField(outcome?.refer.string(in: vocabulary.texts))
    out.appendField(row.error)
    out.appendNumberField(outcome?.unknownRuleCount)
    out.appendAmountFields(row.measure, notation: vocabulary.notation)
    out.appendAmountFields(row.histogram, notation: vocabulary.notation)
    out.appendField(row.standing?.status.rawValue)
    out.appendNumberField(row.standing.map { Int($0.since.daysSinceEpoch) })
    out.appendNumberField(row.standing?.coolingOffUntil.map { Int($0.daysSinceEpoch) })
    out.appendNumberField(row.key.isEmpty ? nil : 1)
  }

  /// Every entry in `bytes`, in the order they were written.
  static func decodeAll(_ bytes: [UInt8]) -> [ReportEntry] {
    var entries: [ReportEntry] = []
    var fields = FieldCursor(bytes: bytes)
    while !fields.isAtEnd {
      var entry = ReportEntry(client: fields.text() ?? "", source: fields.number() ?? 0, line: fields.number() ?? 0)
      entry.severity = fields.number()
      entry.rule = fields.number()
      entry.notice = fields.number().map { TimeSpan(seconds: Int64($0)) }
      entry.cooldown = fields.number().map { TimeSpan(seconds: Int64($0)) }
      entry.holdUntilPaid = fields.number() != nil
      entry.meet = fields.text().flatMap(MeetingMode.init(rawValue:))
      entry.reason = fields.text()
      entry.refer = fields.text()
      entry.error = fields.text()
      entry.unknownRules = fields.number() ?? 0
      entry.measure = fields.amount()
      entry.histogram = fields.amount()
      let status = fields.text().flatMap(ClientStanding.Status.init(rawValue:))
      let since = fields.number()
      let until = fields.number()
      if let status, let since {
        entry.standing = ClientStanding(
          status: status, since: CalendarDate(daysSinceEpoch: Int64(since)),
          coolingOffUntil: until.map { CalendarDate(daysSinceEpoch: Int64($0)) })
      }
      entry.keyed = fields.number() != nil
      entries.append(entry)
    }
    return entries
  }
}

extension Value {
  /// The value as a chart's bar length: numbers, durations, percents and money; `nil` otherwise.
  var chartAmount: Double? {
    switch self {
    case .int(let value): Double(value)
    case .decimal(let number): number.doubleValue
    case .duration(let span): Double(span.seconds)
    case .percent(let fraction): fraction.doubleValue
    case .money(let money): Double(money.scaledAmount) / Double(Money.scale)
    case .missing, .bool, .date, .text, .list: nil
    }
  }
}

extension ByteBuffer {
  /// A field: its length in decimal, `:`, its bytes; `-` alone for none.
  fileprivate func appendField(_ bytes: UnsafeBufferPointer<UInt8>) {
    appendDecimal(bytes.count)
    append(UInt8(ascii: ":"))
    append(bytes)
  }

  fileprivate func appendField(_ text: String?) {
    guard var text else { return append(UInt8(ascii: "-")) }
    text.withUTF8 { appendField($0) }
  }

  /// A value to draw as three fields, its text (in `notation`), its amount's bits and its
  /// currency's code; `-` for each that it has not.
  fileprivate func appendAmountFields(_ value: Value, notation: DataNotation) {
    let amount = value.chartAmount
    appendField(amount == nil ? nil : notation.text(of: value))
    appendNumberField(amount.map { Int(bitPattern: UInt(truncatingIfNeeded: $0.bitPattern)) })
    if case .money(let money) = value { appendField(money.currency.code) } else { appendField(nil) }
  }

  /// A whole number as a field, `-` for none.
  fileprivate func appendNumberField(_ number: Int?) {
    guard let number else { return append(UInt8(ascii: "-")) }
    var text = String(number)
    text.withUTF8 { appendField($0) }
  }
}

/// Reads the fields ``ReportEntry`` wrote.
private struct FieldCursor {
  let bytes: [UInt8]
  var index = 0

  var isAtEnd: Bool { index >= bytes.count }

  /// The next field's bytes, or `nil` for none.
  private mutating func field() -> ArraySlice<UInt8>? {
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      return nil
    }
    var length = 0
    while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
      length = length * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
      index += 1
    }
    let start = index + 1
    index = min(bytes.count, start + length)
    return bytes[min(start, bytes.count)..<index]
  }

  mutating func text() -> String? {
    field().map { String(decoding: $0, as: UTF8.self) }
  }

  /// A value written by `appendAmountFields`: its text, amount and currency, or `nil`.
  mutating func amount() -> ReportEntry.Measure? {
    let text = text()
    let bits = number()
    let currency = self.text()
    guard let bits, let text else { return nil }
    return (text, Double(bitPattern: UInt64(UInt(bitPattern: bits))), currency)
  }

  mutating func number() -> Int? {
    guard let digits = field() else { return nil }
    return Int(String(decoding: digits, as: UTF8.self))
  }
}
