/// A value as the interpreter passes it between nodes: 16 bytes and trivially copyable, so that
/// copying, caching and dropping one touches no reference count.
///
/// Truth values, numbers, durations, percents, money and dates are stored inline; a decimal (a
/// number or a percent) spreads its 94-bit significand over `payload` and `currency`, and keeps
/// its scale and sign in `decimalScale`. Text and lists
/// stay where they already are, and the scalar refers to them: a constant of the program, a field
/// of the client, or a value the evaluation computed. ``Interpreter/value(of:)`` turns a scalar
/// back into the ``Value`` it stands for.
struct Scalar {
  enum Kind: UInt8 {
    case missing, bool, int, decimal, duration, percent, money, date
    /// Text or a list among the program's constants; `payload` is the constant's index.
    case constant
    /// Text or a list in a field of the client; `payload` is the field slot.
    case field
    /// Text or a list computed by this evaluation; `payload` is its index among the computed values.
    case computed
  }

  /// The kind (bits 0–7), a decimal's scale and sign (bits 8–15) and the currency or a decimal's
  /// high bits (32–63) in one word: a scalar of two words travels in two registers, where one of
  /// four fields would take four.
  let header: UInt64
  /// The value: a truth value as 0 or 1, an integer, the low 64 bits of a decimal's significand,
  /// seconds, ten-thousandths of a currency unit, days since the epoch, or the index of a value
  /// stored elsewhere.
  let payload: Int64

  /// What the scalar holds.
  @inline(__always)
  var kind: Kind {
    // The low byte is always a `Kind`'s raw value: every initializer puts one there.
    unsafeBitCast(UInt8(truncatingIfNeeded: header), to: Kind.self)
  }

  /// The scale and sign of a decimal, packed as in ``DecimalNumber``; 0 for other kinds.
  @inline(__always) var decimalScale: UInt8 { UInt8(truncatingIfNeeded: header >> 8) }

  /// The currency of money, packed as in ``Currency``, or the high 32 bits of a decimal's
  /// significand; 0 for other kinds.
  @inline(__always) var currency: UInt32 { UInt32(truncatingIfNeeded: header >> 32) }

  static var missing: Scalar { Scalar(kind: .missing) }

  static func bool(_ value: Bool) -> Scalar { Scalar(kind: .bool, payload: value ? 1 : 0) }

  static func date(_ date: CalendarDate) -> Scalar { Scalar(kind: .date, payload: date.daysSinceEpoch) }

  /// The scalar holding `value` inline, or `nil` for text and lists, which cannot be.
  @inline(__always)
  init?(inline value: Value) {
    switch value {
    case .missing: self.init(kind: .missing)
    case .bool(let flag): self.init(kind: .bool, payload: flag ? 1 : 0)
    case .int(let number): self.init(kind: .int, payload: number)
    case .decimal(let number): self.init(.decimal, number)
    case .duration(let span): self.init(kind: .duration, payload: span.seconds)
    case .percent(let fraction): self.init(.percent, fraction)
    case .money(let money): self.init(kind: .money, currency: money.currency.packed, payload: money.scaledAmount)
    case .date(let date): self.init(kind: .date, payload: date.daysSinceEpoch)
    case .text, .list: return nil
    }
  }

  @inline(__always)
  init(kind: Kind, currency: UInt32 = 0, payload: Int64 = 0) {
    header = UInt64(kind.rawValue) | UInt64(currency) << 32
    self.payload = payload
  }

  /// A decimal number or percent.
  @inline(__always)
  init(_ kind: Kind, _ number: DecimalNumber) {
    header = UInt64(kind.rawValue) | UInt64(number.packedScale) << 8 | UInt64(number.high) << 32
    payload = Int64(bitPattern: number.low)
  }

  /// The decimal a `.decimal` or `.percent` scalar holds.
  @inline(__always)
  var decimal: DecimalNumber {
    DecimalNumber(low: UInt64(bitPattern: payload), high: currency, packedScale: decimalScale)
  }

  @inline(__always) var isMissing: Bool { kind == .missing }

  /// Whether this is the truth value `true`.
  @inline(__always) var isTrue: Bool { kind == .bool && payload != 0 }

  /// Whether this is the truth value `false`.
  @inline(__always) var isFalse: Bool { kind == .bool && payload == 0 }

  /// The value of an inline scalar; `nil` for a reference to text or a list.
  var inlineValue: Value? {
    switch kind {
    case .missing: .missing
    case .bool: .bool(payload != 0)
    case .int: .int(payload)
    case .decimal: .decimal(decimal)
    case .duration: .duration(TimeSpan(seconds: payload))
    case .percent: .percent(decimal)
    case .money: .money(Money(scaledAmount: payload, currency: Currency(packed: currency)))
    case .date: .date(CalendarDate(daysSinceEpoch: payload))
    case .constant, .field, .computed: nil
    }
  }

  /// The comparison of two scalars whose payloads order them as integers: whole numbers,
  /// durations, dates, and money of one currency. `nil` for every other pair, which the general
  /// comparison of values handles (with its errors and missing values).
  @inline(__always)
  static func compareIntegers(_ comparison: Comparison, _ left: Scalar, _ right: Scalar) -> Bool? {
    // One kind and currency (and for decimals, which are left to the general path, more).
    guard left.header == right.header else { return nil }
    switch left.kind {
    case .int, .duration, .date, .money: return comparison.holds(left.payload, right.payload)
    case .missing, .bool, .decimal, .percent, .constant, .field, .computed: return nil
    }
  }

  /// The comparison of two numbers of which one at least is a decimal; `nil` for every other
  /// pair. Out of line, so that the interpreter's inlined comparisons stay small.
  @inline(never)
  static func compareDecimals(_ comparison: Comparison, _ left: Scalar, _ right: Scalar) -> Bool? {
    guard let a = left.number, let b = right.number else { return nil }
    return comparison.holds(Int64(DecimalNumber.order(a, b)), 0)
  }

  /// A whole number or decimal as a decimal; `nil` for other kinds.
  @inline(__always)
  var number: DecimalNumber? {
    switch kind {
    case .int: DecimalNumber(payload)
    case .decimal: decimal
    case .missing, .bool, .duration, .percent, .money, .date, .constant, .field, .computed: nil
    }
  }

  /// -1, 0 or 1 for two scalars whose payloads order them as integers (as in
  /// ``compareIntegers(_:_:_:)``); `nil` for every other pair, which the general ordering handles.
  @inline(__always)
  static func orderIntegers(_ left: Scalar, _ right: Scalar) -> Int? {
    guard left.header == right.header else { return nil }
    switch left.kind {
    case .int, .duration, .date, .money:
      return left.payload < right.payload ? -1 : left.payload == right.payload ? 0 : 1
    case .missing, .bool, .decimal, .percent, .constant, .field, .computed: return nil
    }
  }

  /// Kleene `and` of two truth values (or missing): false wins over unknown, unknown over true.
  @inline(__always)
  static func and(_ left: Scalar, _ right: Scalar) -> Scalar {
    if left.isFalse || right.isFalse { return .bool(false) }
    if left.isMissing || right.isMissing { return .missing }
    return .bool(true)
  }

  /// Kleene `or` of two truth values (or missing): true wins over unknown, unknown over false.
  @inline(__always)
  static func or(_ left: Scalar, _ right: Scalar) -> Scalar {
    if left.isTrue || right.isTrue { return .bool(true) }
    if left.isMissing || right.isMissing { return .missing }
    return .bool(false)
  }
}

extension Comparison {
  /// Whether the comparison holds between two integers.
  @inline(__always)
  func holds(_ a: Int64, _ b: Int64) -> Bool {
    switch self {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessEqual: a <= b
    case .greater: a > b
    case .greaterEqual: a >= b
    }
  }
}
