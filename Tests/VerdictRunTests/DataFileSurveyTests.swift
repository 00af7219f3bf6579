import Foundation
import Testing

@testable import Verdict
@testable import VerdictRun

/// `verdict check --data` reads the file as a stream (`DataFileSurvey`); it must find what the
/// table read into memory finds: the same columns, number and date formats and problems, and
/// the same failing cells, counted and quoted alike.
struct DataFileSurveyTests {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  /// Every data file of the test fixtures.
  static let files: [String] = {
    let folders = ["VerdictRunTests/Fixtures", "VerdictRunTests/Fixtures/exports", "CLITests/Cases/data"]
    return folders.flatMap { folder -> [String] in
      let url = tests.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.filter { name in [".csv", ".json", ".jsonl"].contains { name.hasSuffix($0) } }.sorted()
        .map { url.appendingPathComponent($0).path }
    }
  }()

  static let types = [
    "number", "money in EUR", "money", "duration in days", "date", "date format \"M/D/YYYY\"", "bool",
  ]

  /// A policy that reads every column of `columns` as `type`.
  static func policy(reading columns: [String], as type: String) throws -> Policy {
    let fields = columns.enumerated().map { "field f\($0.offset): \(type) from \(Value.quote($0.element))" }
    let condition = columns.indices.map { "f\($0) is missing" }.joined(separator: " or ")
    return try Policy(fields.joined(separator: "\n") + "\nwhen \(condition) then recommend fire\n")
  }

  static func summary(_ failures: [Int: CellFailures]) -> [String] {
    failures.keys.sorted().map { slot in
      let cells = failures[slot]!.first.map { "\($0.line) \($0.text) \($0.error)" }
      return "\(slot): \(failures[slot]!.count) \(cells)"
    }
  }

  @Test func findsWhatTheTableInMemoryFinds() throws {
    #expect(Self.files.count > 20)
    var compared = 0
    var failing = 0
    for file in Self.files {
      for decimalMark in [nil, NumberFormat.DecimalMark.comma] {
        var options = DataReadOptions()
        options.decimalMark = decimalMark
        guard let table = try? ClientTable.read(file, options: options), !table.columns.isEmpty else { continue }
        let columns = table.columns.filter { !$0.isEmpty }
        for type in Self.types {
          let policy = try Self.policy(reading: columns, as: type)
          let name = "\(file) as \(type), decimal \(String(describing: decimalMark))"
          let survey: DataFileSurvey
          do throws(RunFailure) {
            survey = try DataFileSurvey.read(file, options: options, policy: policy, examples: 3)
          } catch {
            // A JSON file whose records spell a read key two ways is refused, as a run refuses it.
            #expect(error.message.contains("a record would be read by one spelling only"), "\(name): \(error)")
            continue
          }
          let layout = survey.layout
          #expect(layout.rows.isEmpty, "\(name)")
          #expect(layout.columns == table.columns, "\(name)")
          #expect(layout.keyColumn == table.keyColumn, "\(name)")
          // Marks are decided from the columns the policy reads as numbers, as `verdict run` does.
          let decided = table.deciding(for: policy)
          #expect(layout.numbers == decided.numbers, "\(name)")
          #expect(layout.numberProblems == decided.numberProblems, "\(name)")
          #expect(layout.unreadableTail == table.unreadableTail, "\(name)")
          #expect(layout.layoutSummary(for: policy) == table.layoutSummary(for: policy), "\(name)")
          for field in policy.fields where field.type == .date && field.dateFormat == nil {
            let column = try #require(table.column(for: field))
            #expect(layout.dateFormats[column] == table.dateFormats[column], "\(name): \(field.name)")
            #expect(layout.dateProblem(column)?.message == table.dateProblem(column)?.message, "\(name)")
          }
          let inMemory = table.cellFailures(for: policy, examples: 3)
          #expect(Self.summary(survey.failures) == Self.summary(inMemory), "\(name)")
          compared += 1
          if !inMemory.isEmpty { failing += 1 }
        }
      }
    }
    #expect(compared > 200)
    #expect(failing > 50, "files with cells that do not fit: \(failing)")
  }

  /// A column of whole numbers does not borrow the mark the file's other columns show: a cell
  /// with two readings past the rows the run samples was read as 1.25 (a '.' from the other
  /// column), and `check --data` decided the column from a cell past the sample (a ','). Both
  /// now read the file alike: the cell is refused by the run and reported by the check.
  @Test func aCellWithTwoReadingsPastTheSampleIsRefusedByBoth() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-survey-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var text = "id;a;b\n"
    for index in 0..<LayoutDetector.sampleSize { text += "C\(index);100;0.5\n" }
    text += "X;1.250;0.5\nY;2,5;0.5\n"
    let data = folder.appendingPathComponent("export.csv")
    try Data(text.utf8).write(to: data)
    let policy = try Policy("field a: money in EUR\nfield b: number\nwhen a > 1000€ and b >= 0 then recommend fire\n")
    let survey = try DataFileSurvey.read(data.path, policy: policy, examples: 3)
    #expect(survey.failures[0]?.first.map { "\($0.line) \($0.text)" } == ["5002 1.250"])
    var configuration = RunConfiguration(inputs: [data.path], today: CalendarDate(year: 2026, month: 12, day: 1)!)
    configuration.format = .csv
    configuration.outputPath = folder.appendingPathComponent("report.csv").path
    _ = Runner(policy: policy, configuration: configuration) { _ in }.run()
    let report = try String(contentsOf: folder.appendingPathComponent("report.csv"), encoding: .utf8)
    #expect(report.contains("\nX,error,"), "\(report.suffix(300))")
    #expect(report.contains("\nY,keep,"))
  }

  @Test func aFileThatBreaksOffIsSurveyedUpToTheBreak() throws {
    let file = Self.tests.appendingPathComponent("CLITests/Cases/data/unterminated.csv").path
    let table = try ClientTable.read(file)
    let policy = try Self.policy(reading: table.columns, as: "number")
    let survey = try DataFileSurvey.read(file, policy: policy, examples: 3)
    #expect(survey.layout.unreadableTail != nil)
    #expect(survey.layout.unreadableTail == table.unreadableTail)
    #expect(Self.summary(survey.failures) == Self.summary(table.cellFailures(for: policy, examples: 3)))
  }

  /// Amounts their row's currency refuses are found alike streamed and in memory, also in a row
  /// where another cell does not read (a run settles such a row's amounts too).
  @Test func amountsTheirRowsRefuseAreFoundAlike() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-survey-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("payments.csv")
    try Data("id,gross,currency,visits\nA,12,EUR,1\nB,12,Euro,2\nC,$12,EUR,lots\nD,x,EUR,3\n".utf8).write(to: data)
    let policy = try Policy(
      "field currency: text\nfield gross: money in currency\nfield visits: number\n"
        + "when gross > 1€ and visits > 1 then recommend fire\n")
    let survey = try DataFileSurvey.read(data.path, policy: policy, examples: 3)
    let table = try ClientTable.read(data.path)
    #expect(Self.summary(survey.failures) == Self.summary(table.cellFailures(for: policy, examples: 3)))
    #expect(survey.failures[1]?.first.map(\.line) == [3, 4, 5])
    #expect(survey.failures[2]?.first.map(\.line) == [4])
  }
}
