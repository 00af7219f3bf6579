// Benchmarks for the language core. Build and run in release:
//
//   swift run -c release verdict-bench [compile] [eval] [big]
//
// It prints the median of several runs for: compiling a 1,000-rule policy, and evaluating a
// 10-rule policy (about 50 expression nodes) on in-memory clients on one core.
import BenchmarkSupport
import Dispatch
import Verdict

/// Seconds elapsed while running `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

let header = """
  field payment_delay: duration in days
  field revisions: number
  field hours: number
  field revenue: money in EUR
  field after_hours_messages: number
  field disrespectful: bool
  field outstanding: money in EUR

  """

/// The 10-rule policy: about 50 expression nodes.
let tenRules =
  header + """
    let slow = payment_delay > 30d
    rule "late and picky" when slow and revisions > 5 then recommend fire notice 30d
    rule "very late" when payment_delay > 60d then recommend fire notice 14d
    rule "night owl" when after_hours_messages > 10 then recommend talk reason "office hours"
    rule "rude" when disrespectful then recommend fire
    rule "owes" when slow and outstanding > 0€ then recommend fire hold until paid
    rule "cheap" when revenue < 500€ and hours > 20 then recommend review
    rule "picky" when revisions > 8 then recommend talk
    rule "busy" when hours > 100 and revenue < 5000€ then recommend review
    rule "late" when payment_delay > 14d then recommend watch
    rule "ratio" when revenue / (hours ?? 1) < 20€ then recommend talk
    otherwise recommend keep

    """

func thousandRules() -> String {
  var text = header
  for index in 0..<1000 {
    text += "rule \"rule \(index)\" when payment_delay > \(index % 90)d and revisions > \(index % 12) "
    text +=
      "or revenue < \(index * 10)€ then recommend \(["watch", "talk", "review", "fire"][index % 4]) notice \(index % 60 + 1)d\n"
  }
  return text
}

func makeClients(for policy: Policy, count: Int) throws -> [Client] {
  var random = SplitMix64(state: 42)
  return try (0..<count).map { _ in
    var values: [String: Value] = [
      "payment_delay": .int(Int64(random.below(90))),
      "revisions": .int(Int64(random.below(12))),
      "hours": .int(Int64(1 + random.below(160))),
      "revenue": .text("\(random.below(20000)).\(random.below(100))"),
      "after_hours_messages": .int(Int64(random.below(20))),
      "disrespectful": .bool(random.below(20) == 0),
      "outstanding": .text("\(random.below(3000))"),
    ]
    if random.below(10) == 0 { values["hours"] = .missing }
    return try policy.client(values)
  }
}

/// Which parts to run: `compile`, `eval`, `big`; all by default.
let sections = Set(CommandLine.arguments.dropFirst())
func wants(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

// Compile time of a 1,000-rule policy.
let bigText = thousandRules()
var compileTimes: [Double] = []
for _ in 0..<(wants("compile") ? 7 : 0) {
  compileTimes.append(try seconds { _ = try Policy(bigText) })
}
let bigPolicy = try Policy(bigText)
if wants("compile") {
  print("compile 1,000 rules (\(bigText.utf8.count / 1024) KiB): median \(format3(median(compileTimes) * 1000)) ms")
}

// Evaluation speed of the 10-rule policy.
let policy = try Policy(tenRules)
let clients = try makeClients(for: policy, count: 10_000)
let context = EvaluationContext(today: CalendarDate(year: 2026, month: 11, day: 29)!)
var rates: [Double] = []
var fired = 0
for _ in 0..<(wants("eval") ? 7 : 0) {
  var evaluations = 0
  let elapsed = try seconds {
    for _ in 0..<30 {
      for client in clients {
        let outcome = try policy.evaluate(client, in: context)
        fired &+= outcome.severity
        evaluations += 1
      }
    }
  }
  rates.append(Double(evaluations) / elapsed)
}
if wants("eval") {
  let rate = Int(median(rates)).formatted3
  print("evaluate 10 rules on in-memory clients: median \(rate) evaluations/s (one core; checksum \(fired))")
}

var bigRates: [Double] = []
for _ in 0..<(wants("big") ? 5 : 0) {
  let elapsed = try seconds {
    for client in clients.prefix(2_000) { _ = try bigPolicy.evaluate(client, in: context) }
  }
  bigRates.append(2_000 / elapsed)
}
if wants("big") {
  print("evaluate 1,000 rules: median \(Int(median(bigRates)).formatted3) evaluations/s")
}

func format3(_ value: Double) -> String {
  let scaled = (value * 10).rounded() / 10
  return String(scaled)
}

extension Int {
  var formatted3: String {
    let digits = String(self)
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0, index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return String(result.reversed())
  }
}
