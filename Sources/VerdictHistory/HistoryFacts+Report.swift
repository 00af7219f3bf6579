import Verdict

/// What the HTML report reads of a history besides each client's facts: who was in the latest
/// run (to tell who left the data), and the rule behind a verdict on an earlier day (for the
/// tooltips of a client's timeline).
extension HistoryFacts {
  /// The keys of the clients that were in the latest run before.
  package var clientsInLatestRun: Set<String> {
    var keys = Set<String>()
    for id in 0..<log.keys.count {
      // A client's last change is its departure (no outcome) when it was not in the latest run.
      let last = Int(log.starts[id + 1]) - 1
      if last >= Int(log.starts[id]), log.changeOutcomes[last] >= 0 { keys.insert(log.keys.key(id)) }
    }
    return keys
  }

  /// The rule that decided the verdict of the client with `key` at the run on `day`; `nil` when
  /// the `otherwise` verdict did, when no run was recorded that day, or when the client was not
  /// in it.
  package func rule(of key: String, on day: CalendarDate) -> String? {
    client(key)?.rule(on: day)
  }
}
