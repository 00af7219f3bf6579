import Verdict

/// What to do about a client, in the order the advice behind the project gives: take a few days,
/// check the contract and wait until paid, talk in person or by phone, give one short reason,
/// give notice, offer a referral.
struct ActionPlan {
  /// The steps, as sentences, in order.
  let steps: [String]

  /// The plan for `entry`; `openAmount` (``OpenAmount``) is named in the step to wait until paid.
  /// Dates are written in `notation`.
  init(_ entry: ReportEntry, today: CalendarDate, openAmount: String? = nil, notation: DataNotation = .plain) {
    var steps: [String] = []
    if let cooldown = entry.cooldown {
      if let standing = entry.standing, standing.coolingOffUntil == nil, standing.status != .new {
        // A run history knows the verdict has held for the cooldown already.
        let ended = standing.since.adding(wholeDaysOf: cooldown)
        steps.append("The cooldown of \(cooldown) is over: it ended on \(notation.text(of: ended)).")
      } else {
        let until = entry.standing?.coolingOffUntil ?? today.adding(wholeDaysOf: cooldown)
        steps.append("Take a few days first: cool down for \(cooldown), until \(notation.text(of: until)).")
      }
    }
    if entry.holdUntilPaid {
      steps.append(
        "Check the contract and wait until every invoice is paid" + (openAmount.map { " (open: \($0))." } ?? "."))
    }
    if let meet = entry.meet {
      switch meet {
      case .inPerson: steps.append("Tell them in person.")
      case .byPhone: steps.append("Tell them by phone.")
      case .byVideo: steps.append("Tell them by video call.")
      }
    }
    if let reason = entry.reason {
      steps.append("Give one short reason: \u{201C}\(BidiIsolation.plain(reason))\u{201D}")
    }
    if let notice = entry.notice {
      let end = today.adding(wholeDaysOf: notice)
      steps.append("Give \(notice) notice: the work ends on \(notation.text(of: end)).")
    }
    if let refer = entry.refer { steps.append("Offer a referral: \(BidiIsolation.plain(refer))") }
    self.steps = steps
  }
}
