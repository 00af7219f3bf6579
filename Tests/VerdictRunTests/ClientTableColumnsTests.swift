import Testing

@testable import VerdictRun

/// A client table keeps its header's index from one look-up to the next: it must always answer
/// as an index made from its columns at that moment would.
struct ClientTableColumnsTests {
  @Test func columnsAreFoundAsAFreshIndexFindsThem() throws {
    var read = 0
    for file in DataFileSurveyTests.files {
      // Some fixtures are meant not to be read (damaged exports); the others are checked.
      guard var table = try? ClientTable.read(file), !table.columns.isEmpty else { continue }
      read += 1
      for round in 0..<2 {
        let fresh = HeaderIndex(table.columns)
        let names = table.columns + table.columns.map { $0.uppercased() } + ["", "id", "no such column"]
        for name in names {
          let expected: Int? = if case .found(let index) = fresh.find(name) { index } else { nil }
          #expect(table.column(named: name) == expected, "\(file), round \(round): \(name)")
        }
        // A changed header is looked up as it now is.
        table.columns = table.columns.reversed().map { $0 + " 2" }
      }
    }
    #expect(read > DataFileSurveyTests.files.count / 2, "read \(read) of \(DataFileSurveyTests.files.count) files")
  }
}
