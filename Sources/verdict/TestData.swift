import Verdict
import VerdictREPL
import VerdictRun

/// The client data `verdict test` measures examples' `share`, `rank` and `percentile` against:
/// the file `--data` names, for every example, or else the file named by the `data` line of the
/// example's own file (a policy or its test file), relative to that file. Each file is read once.
struct TestData {
  /// One data file, read or not.
  enum DataSet {
    /// The file's clients, as a table (to check the policy against) and as a book.
    case clients(ClientTable, ClientBook)
    /// The file could not be read; why was printed.
    case unreadable
  }

  private let options: DataOptions
  /// The path `--data` gave, which overrides every `data` line.
  private var given: String?
  private var read: [String: DataSet] = [:]

  init(reading options: DataOptions) {
    self.options = options
  }

  /// Reads the file `--data` names, for every example; fails (status 2) when it cannot be read.
  mutating func readGiven(_ path: String) throws(CommandFailure) {
    let reading = try options.reading()
    do throws(RunFailure) {
      let table = try ClientTable.read(path, options: reading)
      var book = ClientBook()
      book.load(table)
      read[path] = .clients(table, book)
      given = path
    } catch {
      throw CommandFailure(error)
    }
  }

  /// The data file `example` is measured against: `--data`'s, or its file's `data` line resolved
  /// against that file's folder (`rules/clients.csv` for `data "clients.csv"` in
  /// `rules/firing_test.verdict`); `nil` when neither names one.
  func path(for example: PolicyExample) -> String? {
    if let given { return given }
    guard let data = example.data else { return nil }
    if data.hasPrefix("/") { return data }
    let file = example.source.name
    guard let slash = file.lastIndex(of: "/") else { return TestSuite.normalized(data) }
    return TestSuite.normalized(String(file[...slash]) + data)
  }

  /// The clients of the file at `path` (read the first time it is asked for), or `nil` for no
  /// path; a file that cannot be read is `.unreadable`, with the reason printed once and, when
  /// `file`'s `data` line named it, a hint that says so.
  mutating func clients(at path: String?, namedBy file: String) throws(CommandFailure) -> DataSet? {
    guard let path else { return nil }
    if let known = read[path] { return known }
    let reading = try options.reading()
    let dataSet: DataSet
    do throws(RunFailure) {
      let table = try ClientTable.read(path, options: reading)
      var book = ClientBook()
      book.load(table)
      dataSet = .clients(table, book)
    } catch {
      let named =
        path == given || error.problems.last?.hint != nil ? error : error.hinting("\(file) names it on its data line")
      Terminal.error(CommandFailure(named).rendered)
      dataSet = .unreadable
    }
    read[path] = dataSet
    return dataSet
  }
}
