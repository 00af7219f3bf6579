import Verdict

/// The policies the run target reads its files with: every field type, `in` units, a column
/// named by `from`, date formats (one of month names), dates in words, undeclared fields (typed by their cells), population figures,
/// amounts in their rows' currencies and values inside JSON objects (`from "billing.outstanding"`).
///
/// Under ASan each input compiles its policy afresh: a policy kept in a global for the whole
/// process is reported by LeakSanitizer at exit, which cannot follow Swift's enum payload
/// pointers (their spare bits hold the case). Without ASan (`scripts/fuzz --no-asan` defines
/// `FUZZ_WITHOUT_ASAN`) there is no leak check, and the policies are compiled once: compiling
/// took a ninth of the target's time, and the `policy` target fuzzes compiling.
enum RunPolicies {
  static func policy(_ index: Int) -> Policy {
    #if FUZZ_WITHOUT_ASAN
      compiled[index % compiled.count]
    #else
      compile(texts[index % texts.count])
    #endif
  }

  #if FUZZ_WITHOUT_ASAN
    static let compiled = texts.map(compile)
  #endif

  private static func compile(_ text: String) -> Policy {
    do {
      return try Policy(text)
    } catch {
      fatalError("a run policy does not compile: \(error)")
    }
  }

  static let texts = [
    """
    field payment_delay: duration in days
    field revisions: number
    field outstanding: money in EUR
    field project_end: date
    field disrespectful: bool
    field rate: percent
    field channel: text
    rule "owes" when payment_delay > 30d and outstanding > 0€ then recommend fire hold until paid
    rule "revisions" when revisions > 5 then recommend review notice 14d
    rule "rude" when disrespectful or rate > 20% then recommend fire
    rule "chatty" when channel in ["chat", "sms"] and project_end < today then recommend talk
    """,
    """
    field delay: duration from "Payment Delay"
    field due: date format "DD.MM.YYYY" from "Due"
    field amount: money in USD from "Amount"
    rule "late" when delay > 2w and due < today then recommend fire reason "late"
    rule "big" when amount >= 1000$ then recommend watch
    """,
    """
    rule "a" when payment_delay > 30d then recommend fire
    rule "b" when revisions > 3 or outstanding > 0€ then recommend talk
    rule "c" when name contains "GmbH" then recommend watch
    """,
    """
    field time_spent: duration in hours
    field revenue: money in EUR
    rule "drain" when share(time_spent) > 20% and share(revenue) < 10% then recommend fire
    rule "top" when rank(revenue) <= 2 then recommend keep
    rule "busy" when percentile(time_spent) >= 80% then recommend review
    """,
    """
    field currency: text from "Currency"
    field gross: money in currency from "Gross"
    field fee: money in EUR
    rule "big" when gross > 100€ then recommend review
    rule "fees" when fee > 5€ and currency == "EUR" then recommend watch
    """,
    """
    field outstanding: money in EUR from "billing.outstanding"
    field delay: duration in days from "billing.terms.delay"
    field plan: text from "account.plan"
    rule "owes" when delay > 30d and outstanding > 0€ then recommend fire
    rule "pro" when plan == "pro" then recommend watch
    """,
    """
    field sent: date format "DD-MMM-YY" from "Sent"
    field due: date
    rule "old" when sent < 2020-01-01 or due < today then recommend review
    """,
  ]
}
