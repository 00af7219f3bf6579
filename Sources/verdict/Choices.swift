import ArgumentParser
import VerdictData
import VerdictRun

// The options that take one of a few words are typed by those words: the argument parser reads
// them (in any case), lists them in `--help` and in shell completion, and refuses any other word
// with the values it takes (exit status 2, as every usage error).

extension ReportFormat: ExpressibleByArgument {
  /// The format `argument` names, in any case.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension InputFormat: ExpressibleByArgument {
  /// The format `argument` names, in any case.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension CSVDialectChoice: ExpressibleByArgument {
  /// The dialect `argument` names, in any case.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension TextEncoding: ExpressibleByArgument {
  /// The encoding `argument` names, in any case, by its name or another that tools give it.
  public init?(argument: String) {
    guard let encoding = TextEncoding.named(argument) else { return nil }
    self = encoding
  }
}

/// How `check`, `explain` and `history` print what they found.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
  /// For people.
  case text
  /// For programs: JSON on standard output.
  case json
}
