/// A client's data as the evaluator reads it: one value for each field slot of a policy.
///
/// ``Client`` is the ready-made record. A program with its own storage (a batch runner reading
/// bytes, a database row) can conform its own type; evaluation is generic over the record, so it
/// costs no dynamic dispatch.
package protocol ClientRecord {
  /// The value of the field at `slot` (see ``Policy/fields``), or ``Value/missing``.
  func value(at slot: Int) -> Value
}

/// A client: a value for each field of one policy.
public struct Client: ClientRecord, Sendable, Hashable {
  /// The values, indexed by field slot.
  @usableFromInline package var values: [Value]
  /// For each aggregate of the policy, how many records went into it and how many of those had
  /// no value (``Policy/setAggregates(of:from:)`` fills it), for explanations.
  package var records: [RecordTally] = []
  /// The layout of the policy that made the client, which evaluating it checks (``ClientLayout``);
  /// `nil` for a client the library's own readers made for the policy they read for.
  package var layout: ClientLayout?

  /// Creates a client from values in field-slot order.
  package init(values: [Value]) {
    self.values = values
  }

  /// The value at `slot`; slots past the end are missing.
  @inlinable package func value(at slot: Int) -> Value {
    slot < values.count ? values[slot] : .missing
  }
}

/// How many records went into one aggregate of a client, and how many of them had no value.
package struct RecordTally: Sendable, Hashable {
  /// The records that passed the aggregate's filter.
  package var counted: UInt32
  /// Those whose value was missing.
  package var missing: UInt32
}

/// What an evaluation may depend on besides the client: the date, and the whole population for
/// `share`, `rank` and `percentile`.
public struct EvaluationContext: Sendable {
  /// The value of `today`, fixed for a whole run.
  public var today: CalendarDate
  /// Totals over all clients; `nil` when the policy uses no population function.
  public var population: Population?

  /// Creates a context; `today` defaults to the local date now.
  public init(today: CalendarDate = .today(), population: Population? = nil) {
    self.today = today
    self.population = population
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CalendarDate {
  /// The current date in the local time zone.
  public static func today() -> CalendarDate {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? CalendarDate(daysSinceEpoch: Int64(now) / 86_400)
  }
}
