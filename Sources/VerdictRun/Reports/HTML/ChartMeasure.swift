import Verdict

/// A numeric field the HTML report draws: the one its Pareto chart sorts clients by (named by
/// `--chart FIELD`, or else the field behind the policy's first `share()`), or the one its
/// histograms count clients over (`--histogram FIELD`).
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

  /// The numeric field `field` the policy reads, named by `option`; an error when the report is
  /// not HTML or the policy reads no such field.
  private static func named(
    _ field: String, option: String, drawing: String, policy: Policy, _ configuration: RunConfiguration
  ) throws(RunFailure) -> ChartMeasure {
    guard configuration.format == .html else {
      throw RunFailure(.usage, "\(option) draws \(drawing) (hint: add --format html)")
    }
    let charted = policy.fields.filter { $0.isUsed && ($0.type?.isNumeric ?? true) }.map(\.name)
    if let slot = policy.slot(ofField: field), let type = policy.fields[slot].type, !type.isNumeric {
      throw RunFailure(
        .usage, "\(option): '\(field)' is \(type.described); it draws a number, money, a duration or a percent")
    }
    if let slot = policy.slot(ofField: field), !policy.fields[slot].isUsed {
      // Its cells are not read (docs/run.md), so there would be nothing to draw.
      throw RunFailure(
        .usage,
        "\(option): no rule reads '\(field)', directly or through its lets, so its cells are not read "
          + "(hint: draw a field a rule reads, or use '\(field)' in a rule)")
    }
    guard let slot = policy.slot(ofField: field), charted.contains(field) else {
      let hint =
        Suggestion.closest(to: field, among: charted).map { "did you mean '\($0)'?" }
        ?? (charted.isEmpty
          ? "the policy reads no numeric field"
          : "the policy's numeric fields are \(charted.joined(separator: ", "))")
      throw RunFailure(.usage, "\(option): the policy reads no numeric field '\(field)' (\(hint))")
    }
    return ChartMeasure(slot: slot, name: field)
  }
}
