import Verdict

/// What the HTML report reads of a history besides each client's facts: who was in the latest
/// run (to tell who left the data), and the rule behind a verdict on an earlier day (for the
/// tooltips of a client's timeline).
extension HistoryFacts {
  /// The keys of the clients that were in the latest run before.
  package var clientsInLatestRun: Set<String> {
    // A client's last change is its departure when it was not in the latest run.
    Set(log.spans.lazy.filter { self.log.verdicts[Int($0.value.end) - 1] >= 0 }.map(\.key))
  }

  /// The rule that decided the verdict of the client with `key` at the run on `day`; `nil` when
  /// the `otherwise` verdict did, when no run was recorded that day, or when the client was not
  /// in it.
  package func rule(of key: String, on day: CalendarDate) -> String? {
    guard let span = log.spans[key], client(key)?.severity(on: day) != nil else { return nil }
    // The client's latest change at or before `day`.
    var low = Int(span.start)
    var high = Int(span.end)
    while low < high {
      let middle = (low + high) / 2
      if Int64(log.days[middle]) <= day.daysSinceEpoch { low = middle + 1 } else { high = middle }
    }
    guard low > Int(span.start), log.rules[low - 1] >= 0 else { return nil }
    return log.ruleNames[Int(log.rules[low - 1])]
  }
}
