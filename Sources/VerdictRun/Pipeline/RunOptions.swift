import Foundation
import Verdict

/// The configuration checked against the policy: verdict names resolved to severities.
struct RunOptions: Sendable {
  let configuration: RunConfiguration
  let filter: RowFilter
  let failOn: Int?
  let jobs: Int
  /// What the HTML report charts, if anything.
  let chart: ChartMeasure?
  /// What the HTML report's histograms count clients over, if anything.
  let histogram: ChartMeasure?

  init(policy: Policy, configuration: RunConfiguration) throws(RunFailure) {
    self.configuration = configuration
    let verdicts = policy.verdicts
    func severity(_ name: String, option: String, allowError: Bool) throws(RunFailure) -> Int? {
      if let index = verdicts.firstIndex(of: name) { return index }
      if allowError && name == "error" { return nil }
      let known = verdicts + (allowError ? ["error"] : [])
      let hint =
        Suggestion.closest(to: name, among: known).map { "did you mean '\($0)'?" }
        ?? "the verdicts are \(known.joined(separator: ", "))"
      throw RunFailure(.usage, "\(option): the policy has no verdict '\(name)' (\(hint))")
    }
    var filter = RowFilter()
    filter.quiet = configuration.quiet
    filter.otherwise = verdicts.firstIndex(of: policy.otherwiseVerdict) ?? 0
    if !configuration.only.isEmpty {
      var shown = Set<Int>()
      var errors = false
      for name in configuration.only {
        if let index = try severity(name, option: "--only", allowError: true) {
          shown.insert(index)
        } else {
          errors = true
        }
      }
      filter.onlySeverities = shown
      filter.onlyIncludesErrors = errors
    }
    self.filter = filter
    failOn = try configuration.failOn.flatMap { (name) throws(RunFailure) -> Int? in
      try severity(name, option: "--fail-on", allowError: false)
    }
    let standardInputs = configuration.inputs.filter { $0 == "-" }.count
    guard standardInputs <= 1 else { throw RunFailure(.usage, "standard input ('-') can be read only once") }
    guard !configuration.inputs.isEmpty || !configuration.tables.isEmpty else {
      throw RunFailure(
        .usage, "no data file given (hint: give a client file, or the policy's tables with --table NAME=FILE)")
    }
    guard configuration.batchSize > 0 else { throw RunFailure(.usage, "the batch size must be positive") }
    chart = try ChartMeasure.resolve(policy: policy, configuration: configuration)
    histogram = try ChartMeasure.histogram(policy: policy, configuration: configuration)
    jobs = min(
      configuration.jobs > 0 ? configuration.jobs : max(1, ProcessInfo.processInfo.activeProcessorCount),
      RunConfiguration.maximumJobs)
  }
}
