import Verdict

/// A numeric field or an aggregate the HTML report draws: the one its Pareto chart sorts clients
/// by (named by `--chart NAME`, or else the one the policy's first `share()` measures), or the one
/// its histograms count clients over (`--histogram NAME`).
struct ChartMeasure: Sendable {
  /// The value's slot in a client (``Client/values``).
  let slot: Int
  /// The name the chart shows.
  let name: String

  /// The Pareto chart's measure for `configuration`; `nil` when the report has no chart.
  static func resolve(policy: Policy, configuration: RunConfiguration) throws(RunFailure) -> ChartMeasure? {
    guard let field = configuration.chartField else {
      guard configuration.format == .html, let share = policy.populationNeeds.first(where: { $0.measure == .share })
      else { return nil }
      // A share of an aggregate (`share(revenue)`, revenue a sum) is named as the aggregate is written.
      let name =
        share.field < policy.fields.count
        ? policy.fields[share.field].name : policy.aggregateText(share.field - policy.fields.count)
      return ChartMeasure(slot: share.field, name: name)
    }
    return try named(field, option: "--chart", drawing: "the HTML report's chart", policy: policy, configuration)
  }

  /// The histograms' field for `configuration`; `nil` when the report has none.
  static func histogram(policy: Policy, configuration: RunConfiguration) throws(RunFailure) -> ChartMeasure? {
    guard let field = configuration.histogramField else { return nil }
    return try named(
      field, option: "--histogram", drawing: "the HTML report's histograms", policy: policy, configuration)
  }

  /// The numeric field the policy reads, or the aggregate it folds, that `option` names; an error
  /// when the report is not HTML or the policy has no such value per client.
  private static func named(
    _ name: String, option: String, drawing: String, policy: Policy, _ configuration: RunConfiguration
  ) throws(RunFailure) -> ChartMeasure {
    guard configuration.format == .html else {
      throw RunFailure(.usage, "\(option) draws \(drawing) (hint: add --format html)")
    }
    let drawable = policy.clientMeasures.filter { $0.isRead && ($0.type?.isNumeric ?? true) }
    guard let measure = policy.clientMeasure(named: name) else {
      throw RunFailure(
        .usage, "\(option): \(unknown(name, among: drawable.map(\.name), option: option, policy: policy))")
    }
    if let type = measure.type, !type.isNumeric {
      throw RunFailure(
        .usage, "\(option): '\(name)' is \(type.described); it draws a number, money, a duration or a percent")
    }
    guard measure.isRead else {
      // Its cells are not read, or its records not folded (docs/run.md), so there would be nothing to draw.
      let unread =
        measure.slot < policy.fields.count ? "its cells are not read" : "its table's records are not summed up for it"
      throw RunFailure(
        .usage,
        "\(option): no rule reads '\(name)', directly or through its lets, so \(unread) "
          + "(hint: draw a field a rule reads, or use '\(name)' in a rule)")
    }
    return ChartMeasure(slot: measure.slot, name: measure.name)
  }

  /// Why `name` cannot be drawn, and what can: a field of the data or an aggregate, as `share()`
  /// measures them; a let only when it is an aggregate.
  private static func unknown(_ name: String, among drawable: [String], option: String, policy: Policy) -> String {
    let what =
      policy.hasLet(named: name)
      ? "'\(name)' is a let that is not an aggregate: only a numeric field or an aggregate the policy reads "
        + "can be drawn, as share() measures them"
      : "'\(name)' is not a numeric field or aggregate the policy reads"
    if let closest = Suggestion.closest(to: name, among: drawable) { return "\(what) (did you mean '\(closest)'?)" }
    guard !drawable.isEmpty else { return "\(what), and it reads none" }
    let byDefault = option == "--chart" ? "; by default the chart draws what the policy's first share() measures" : ""
    return "\(what) (those it reads: \(drawable.map { "'\($0)'" }.joined(separator: ", "))\(byDefault))"
  }
}
