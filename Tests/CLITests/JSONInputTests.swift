import Foundation
import TestSupport
import Testing

/// JSON data through the built `verdict run`: inputs that once trapped the process or lost a
/// value, each with the report it must give.
struct JSONInputTests {
  /// A folder with the given files, removed afterwards.
  final class Workspace {
    let folder: URL

    init(_ files: [String: String]) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-json-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func run(_ arguments: [String], stdin: String? = nil) throws -> VerdictBinary.Result {
      try VerdictBinary.run(
        arguments + ["--today", "2026-11-29", "-f", "csv"], stdin: stdin.map { Data($0.utf8) }, in: folder)
    }
  }

  static let policy = "field amount: number\nwhen amount > 5 then recommend fire\notherwise recommend keep\n"

  /// A JSON file that starts with an object gets the hint that is true for it: the key that holds
  /// its records, one object that is no array, or one object a line.
  @Test(arguments: [
    ("{\"data\":[]}", "the records seem to be the array in the key \"data\""),
    ("{\"data\":{\"id\":\"a\"}}", "the file holds one object, where an array of records belongs"),
    ("{\"id\":\"a\",\"amount\":9}\n", "the file holds one object, where an array of records belongs"),
    ("{\"id\":\"a\",\"amount\":9}\n{\"id\":\"b\",\"amount\":1}\n", "read the file as JSON Lines"),
    // QuickBooks Online's records one object further in: the path goes through it.
    (
      #"{"QueryResponse":{"Invoice":[{"Id":"1"}],"startPosition":1}}"#,
      #"the key "Invoice" in "QueryResponse" of one object; Verdict reads an array of records, or one record per line: take them out first (jq -c '.QueryResponse.Invoice[]' FILE > records.jsonl)"#
    ),
    // A list with records before an empty one further out.
    (
      #"{"warnings":[],"QueryResponse":{"Invoice":[{"Id":"1"}]}}"#,
      "(jq -c '.QueryResponse.Invoice[]' FILE > records.jsonl)"
    ),
    // A number of 16 digits or more, which jq before 1.7 rounds.
    (
      #"{"orders":[{"id":7012345678901234567}]}"#,
      "(jq -c '.orders[]' FILE > records.jsonl with jq 1.7 or later, as earlier ones round numbers of 16 digits or more"
    ),
  ])
  func aFileThatStartsWithAnObjectGetsATrueHint(text: String, hint: String) throws {
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.json": text])
    let result = try workspace.run(["run", "policy.verdict", "clients.json"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(hint), "\(result.stderr)")
  }

  /// An API's list that says more pages follow is one page of the list: the hint says so, since
  /// taking the records out of it alone would leave the other pages' records out.
  @Test(arguments: [
    (#"{"object":"list","data":[{"id":"a"}],"has_more":true}"#, #""has_more": true"#),
    (#"{"results":[{"id":"a"}],"paging":{"next":{"after":"2"}}}"#, #""paging.next""#),
    (#"{"value":[{"id":"a"}],"@odata.nextLink":"https://example.com/2"}"#, #""@odata.nextLink""#),
    (#"{"object":"list","data":[{"id":"a"}],"has_more":false}"#, nil),
    (#"{"data":[{"id":"a"}],"next_page":null,"links":{"next":""}}"#, nil),
    (#"{"records":[{"id":"a"}],"offset":"itrXYZ/rec1"}"#, #""offset""#),
    (#"{"Invoices":[{"id":"a"}],"pagination":{"page":1,"pageCount":4}}"#, #""pagination": page 1 of 4"#),
    (#"{"Invoices":[{"id":"a"}],"pagination":{"page":4,"pageCount":4}}"#, nil),
    // PayPal's transaction search: its pages at the top, and its links.
    (
      #"{"transaction_details":[{"id":"a"}],"page":1,"total_items":250,"total_pages":3}"#,
      #"page 1 of 3"#
    ),
    (#"{"transaction_details":[{"id":"a"}],"page":3,"total_pages":3}"#, nil),
    (
      #"{"items":[{"id":"a"}],"links":[{"href":"https://x/1","rel":"self"},{"href":"https://x/2","rel":"next"}]}"#,
      #""links" with "rel": "next""#
    ),
    (#"{"items":[{"id":"a"}],"links":[{"href":"https://x/1","rel":"self"}]}"#, nil),
    // Square's cursor, present while more pages follow.
    (#"{"payments":[{"id":"a"}],"cursor":"eyJsYXN0In0"}"#, #""cursor""#),
  ])
  func aPageOfAListSaysMoreRecordsFollow(text: String, member: String?) throws {
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.json": text])
    let result = try workspace.run(["run", "policy.verdict", "clients.json"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("take them out first"), "\(result.stderr)")
    if let member {
      #expect(result.stderr.contains("but \(member) says more records follow"), "\(result.stderr)")
    } else {
      #expect(!result.stderr.contains("more records follow"), "\(result.stderr)")
    }
  }

  /// Standard input that is no JSON array at all (nor an empty one) is refused as such a file
  /// is, exit 2 and no run recorded: it was an empty report, exit 1 and a run of no clients in
  /// the history, which a cron pipeline that broke would mail and keep.
  @Test(arguments: ["x", "", "{\"data\":[{\"id\":\"a\",\"amount\":9}]}", "["])
  func standardInputThatIsNoArrayIsRefusedAsAFileIs(input: String) throws {
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.json": input])
    let file = try workspace.run(["run", "policy.verdict", "clients.json"])
    #expect(file.status == 2, "\(file.stderr)")
    let piped = try workspace.run(
      ["run", "policy.verdict", "-", "--input-format", "json", "--history", "h.sqlite"], stdin: input)
    #expect(piped.status == 2, "\(piped.stderr)")
    #expect(piped.stdout.isEmpty)
    if FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("h.sqlite").path) {
      let history = try VerdictBinary.run(["history", "--history", "h.sqlite"], in: workspace.folder)
      #expect(history.stdout.contains("no runs recorded yet"), "\(history.stdout)")
    }
  }

  @Test(arguments: [false, true])
  func aMalformedFirstRecordOnStandardInputIsARowError(fromFile: Bool) throws {
    // Standard input binds its columns with its first good record; the rows before it once
    // left the batch without formats, and converting the next row read past them (SIGSEGV).
    let data = "{\"id\":\"x\",\n{\"id\":\"a\",\"amount\":7}\n{\"id\":\"b\",\"amount\":2}\n"
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let result =
      fromFile
      ? try workspace.run(["run", "policy.verdict", "clients.jsonl"])
      : try workspace.run(["run", "policy.verdict", "-", "--input-format", "jsonl"], stdin: data)
    #expect(result.status == 1)
    let rows = result.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
    }
    #expect(rows == ["client,verdict", "\(fromFile ? "clients.jsonl" : "<stdin>"):1,error", "a,fire", "b,keep"])
  }

  /// A key the first record leaves out (an API that omits nulls) is a column on standard input
  /// as in a file: the first records are held until their keys are known. It was "no column
  /// 'amount'" from a pipe, and read from the same data as a file. Errors among the held
  /// records keep their place.
  @Test(arguments: ["jsonl", "json"])
  func standardInputFindsColumnsInItsFirstRecords(format: String) throws {
    let records = ["{\"id\":\"a\"}", "{\"id\":\"b\",\"amount\":7}", "{\"id\":\"c\",\"amount\":2}"]
    let data =
      format == "jsonl"
      ? records[0] + "\nnot json\n" + records[1...].joined(separator: "\n") + "\n"
      : "[" + records.joined(separator: ",") + "]"
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.\(format)": data])
    let piped = try workspace.run(["run", "policy.verdict", "-", "--input-format", format], stdin: data)
    let file = try workspace.run(["run", "policy.verdict", "clients.\(format)"])
    let rows = { (result: VerdictBinary.Result) in
      result.stdout.split(separator: "\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
      }
    }
    let expected =
      format == "jsonl" ? ["a,keep", "<stdin>:2,error", "b,fire", "c,keep"] : ["a,keep", "b,fire", "c,keep"]
    #expect(rows(piped) == expected, "\(piped.stderr)")
    #expect(rows(file) == expected.map { $0.replacingOccurrences(of: "<stdin>", with: "clients.jsonl") })
  }

  /// `explain -f json` writes a key's line separator as `\u2028`, as `run -f json` does: read
  /// raw, JavaScript and Python's splitlines break the line there.
  @Test func explainJSONEscapesLineSeparators() throws {
    let workspace = try Workspace([
      "policy.verdict": Self.policy, "clients.csv": "id,amount\nA\u{2028}B,7\n",
    ])
    let result = try VerdictBinary.run(
      ["explain", "policy.verdict", "clients.csv", "--all", "-f", "json"], in: workspace.folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("A\\u2028B") && !result.stdout.contains("\u{2028}"), "\(result.stdout)")
    // And check's diagnostics, which may quote a policy's text.
    try Data("field n\u{2028}ote: text\n".utf8).write(to: workspace.folder.appendingPathComponent("bad.verdict"))
    let checked = try VerdictBinary.run(["check", "bad.verdict", "--format", "json"], in: workspace.folder)
    #expect(checked.stdout.contains("\\u2028") && !checked.stdout.contains("\u{2028}"), "\(checked.stdout)")
  }

  /// A JSON number with an exponent is the number it writes (it was refused as "not a
  /// number"); a string with one is refused as a CSV cell is, and so is a number past any cell.
  @Test func numbersWithAnExponentAreReadExactly() throws {
    let data = """
      {"id":"a","amount":6e0}
      {"id":"b","amount":5.00000000000000000001e0}
      {"id":"c","amount":5e-1}
      {"id":"d","amount":"6e0"}
      {"id":"e","amount":1e400}

      """
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let result = try workspace.run(["run", "policy.verdict", "clients.jsonl"])
    #expect(result.status == 1)
    let rows = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
    }
    #expect(rows == ["a,fire", "b,fire", "c,keep", "d,error", "e,error"])
    #expect(result.stderr.contains("clients.jsonl:4: amount: \"6e0\" is not a number"), "\(result.stderr)")
  }

  /// A JSON number too large or too small to be written out as a cell is refused for its size,
  /// with the hint, as the number written out is, for each kind of number: it was "is not a
  /// number", without a hint. (`5e99999999999999999999` cannot be written out; `5` and a
  /// hundred zeros is as far out of range.) A message quotes a cell's first 40 characters.
  @Test(arguments: [
    ("1e400", "1" + String(repeating: "0", count: 400)),
    ("-1e-400", "-0." + String(repeating: "0", count: 399) + "1"),
    ("5e99999999999999999999", "5" + String(repeating: "0", count: 100)),
  ])
  func numbersPastACellAreRefusedAsWrittenOut(exponent: String, written: String) throws {
    let policy = """
      field n: number
      field m: money in EUR
      field d: duration in days
      field p: percent
      when n > 1 and m > 1 EUR and d > 1d and p > 1% then recommend fire
      otherwise recommend keep

      """
    let record = { (number: String) in
      "{\"id\":\"a\",\"n\":\(number),\"m\":\(number),\"d\":\(number),\"p\":\(number)}\n"
    }
    let workspace = try Workspace([
      "policy.verdict": policy, "exponent.jsonl": record(exponent), "written.jsonl": record(written),
    ])
    let refused = try workspace.run(["run", "policy.verdict", "exponent.jsonl"])
    let writtenOut = try workspace.run(["run", "policy.verdict", "written.jsonl"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("hint: "), "\(refused.stderr)")
    #expect(
      refused.stderr
        == writtenOut.stderr.replacingOccurrences(of: "written.jsonl", with: "exponent.jsonl")
        .replacingOccurrences(of: "\"\(written.prefix(40))…\"", with: "\"\(exponent)\""))
  }

  /// A JSON number means what JSON says whatever the decimal mark the options give for CSV
  /// (`1.250` was read as 1250 with `--decimal ,`), while a JSON string is read as a CSV cell
  /// is: `"1.250"` has two readings unless the options say which (it was read as 1.25).
  @Test(arguments: [[], ["--decimal", ","], ["--decimal", "."], ["--dialect", "german"], ["--thousands", "."]])
  func numberTokensKeepTheirMeaningAndStringsAreReadAsCells(options: [String]) throws {
    let data = #"[{"id":"n","amount":1.250},{"id":"m","amount":5.5e0},{"id":"s","amount":"1.250"}]"#
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.json": data])
    let result = try workspace.run(["run", "policy.verdict", "clients.json", "--explain"] + options)
    #expect(result.stdout.contains("n,keep,") && result.stdout.contains("amount 1.25,"), "\(options)")
    #expect(result.stdout.contains("m,fire,") && result.stdout.contains("amount 5.5 > 5"), "\(options)")
    let string = result.stdout.split(separator: "\n").first { $0.hasPrefix("s,") }.map(String.init) ?? ""
    // 1.25 with a decimal point, 1250 with a decimal comma (`--thousands .` leaves the comma).
    let pointIsDecimal = options == ["--decimal", "."]
    if options.isEmpty {
      #expect(string.contains("has two readings"))
    } else {
      #expect(string.hasPrefix(pointIsDecimal ? "s,keep," : "s,fire,"), "\(options)")
    }
  }

  /// The columns are the keys of the first records, not of the first alone: an API that leaves
  /// out keys whose value is null made "has no column 'amount'" of a file that has it.
  @Test func aKeyTheFirstRecordLeavesOutIsStillAColumn() throws {
    let data = "{\"id\":\"a\"}\n{\"id\":\"b\",\"amount\":7}\n"
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let result = try workspace.run(["run", "policy.verdict", "clients.jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\na,keep,") && result.stdout.contains("\nb,fire,"), "\(result.stdout)")
  }

  /// Records that write a field's key two ways are refused: each record was read by one
  /// spelling only, and the value under the other was missing without a word.
  @Test func aKeySpelledTwoWaysIsRefused() throws {
    let data = "{\"id\":\"a\",\"Amount\":7}\n{\"id\":\"b\",\"amount\":7}\n"
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let result = try workspace.run(["run", "policy.verdict", "clients.jsonl"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "verdict: clients.jsonl: its records write the key of field 'amount' as \"Amount\" and \"amount\"; "
        + "a record would be read by one spelling only\n  hint: write the key alike in every record\n")
  }

  /// A record past those that make the columns that spells a read key another way (the field's
  /// or the client key's) is a row error: its value was read as missing without a word.
  @Test func aLaterRecordSpellingAKeyAnotherWayIsARowError() throws {
    var data = ""
    for index in 0..<1000 { data += "{\"id\":\"c\(index)\",\"amount\":1}\n" }
    data += "{\"id\":\"x\",\"Amount\":9}\n{\"ID\":\"y\",\"amount\":9}\n{\"id\":\"z\",\"amount\":9}\n"
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let result = try workspace.run(["run", "policy.verdict", "clients.jsonl", "--only", "fire,error"])
    #expect(result.status == 1)
    let rows = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",").prefix(2).joined(separator: ",")
    }
    // `x`'s record is surely `x`'s (its key is read); `ID` may be anyone's.
    #expect(rows == ["x,error", "clients.jsonl:1002,error", "z,fire"], "\(result.stdout)")
    #expect(result.stderr.contains("the record writes the key \"amount\" as \"Amount\""))
    #expect(result.stderr.contains("the record writes the key \"id\" as \"ID\""))
  }

  /// `explain` and `check --data` read JSON numbers as `run` does, whatever `--decimal` says:
  /// `1234.500` (three decimals) and `2.5` with `--decimal ,`.
  @Test(arguments: [[], ["--decimal", ","]])
  func explainAndCheckReadJSONNumbersAsRunDoes(options: [String]) throws {
    let data = "{\"id\":\"a\",\"amount\":1234.500}\n{\"id\":\"b\",\"amount\":2.5}\n"
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let check = try VerdictBinary.run(
      ["check", "policy.verdict", "--data", "clients.jsonl"] + options, in: workspace.folder)
    #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    #expect(!check.stdout.contains("warning") && !check.stderr.contains("warning"), "\(check.stdout) \(check.stderr)")
    for (client, verdict) in [("a", "fire"), ("b", "keep")] {
      let explain = try VerdictBinary.run(
        ["explain", "policy.verdict", "clients.jsonl", "--client", client, "--today", "2026-11-29"] + options,
        in: workspace.folder)
      #expect(explain.stdout.hasPrefix("\(client): \(verdict)"), "\(options): \(explain.stdout) \(explain.stderr)")
    }
  }

  /// `explain` and `check --data` read a JSON number past a decimal as `run` does, too large;
  /// the same text in a CSV cell is not a number, its exponent not read (explain and check said
  /// so of the JSON number too, with the CSV cell's hint).
  @Test func explainAndCheckTellAJSONNumberFromACSVCell() throws {
    let workspace = try Workspace([
      "policy.verdict": Self.policy, "clients.jsonl": "{\"id\":\"a\",\"amount\":1e400}\n",
      "clients.csv": "id,amount\na,1e400\n",
    ])
    let tooLarge = "numbers are exact up to 9,999,999,999,999,999,999,999,999,999; they are never rounded"
    let notRead = "exponent notation is not read in CSV cells"
    for (file, hint, wrong) in [("clients.jsonl", tooLarge, notRead), ("clients.csv", notRead, tooLarge)] {
      let explain = try VerdictBinary.run(
        ["explain", "policy.verdict", file, "--client", "a", "--today", "2026-11-29"], in: workspace.folder)
      let check = try VerdictBinary.run(["check", "policy.verdict", "--data", file], in: workspace.folder)
      for result in [explain, check] {
        #expect(result.stderr.contains(hint) && !result.stderr.contains(wrong), "\(file): \(result.stderr)")
      }
    }
  }

  /// A UTF-16 JSON file (PowerShell's default), with or without its byte order mark, is refused
  /// as such: it was "expected '[' at the start of a JSON array file", or a row error a line.
  @Test(arguments: [("clients.json", true), ("clients.jsonl", true), ("clients.jsonl", false)])
  func utf16JSONIsRefusedAsSuch(name: String, byteOrderMark: Bool) throws {
    let text = name.hasSuffix("l") ? "{\"id\":\"a\",\"amount\":7}\r\n" : "[{\"id\":\"a\",\"amount\":7}]"
    let bytes = (byteOrderMark ? Data([0xFF, 0xFE]) : Data()) + text.data(using: .utf16LittleEndian)!
    let workspace = try Workspace(["policy.verdict": Self.policy])
    try bytes.write(to: workspace.folder.appendingPathComponent(name))
    let result = try workspace.run(["run", "policy.verdict", name])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix("verdict: \(name) is UTF-16 text; JSON data is read as UTF-8\n"), "\(result.stderr)")
    // On standard input too.
    let piped = try VerdictBinary.run(
      ["run", "policy.verdict", "-", "--input-format", "jsonl"], stdin: bytes, in: workspace.folder)
    #expect(piped.status == 2)
    #expect(piped.stderr.hasPrefix("verdict: <stdin> is UTF-16 text"), "\(piped.stderr)")
  }

  /// A record that gives a key the run reads twice is refused, as a CSV header naming a column
  /// twice is (the last value was read without a word); a repeated key nothing reads is fine.
  @Test func aKeyGivenTwiceIsARowError() throws {
    let data = """
      {"id":"a","amount":7,"amount":2}
      {"id":"b","amount":7,"note":1,"note":2}
      {"id":"c","id":"d","amount":7}

      """
    for name in ["clients.jsonl", "clients.json"] {
      let text = name == "clients.json" ? "[" + data.split(separator: "\n").joined(separator: ",") + "]" : data
      let workspace = try Workspace(["policy.verdict": Self.policy, name: text])
      let result = try workspace.run(["run", "policy.verdict", name])
      #expect(result.status == 1)
      let rows = result.stdout.split(separator: "\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
      }
      // A repeated value is its client's error when the key is read once; a repeated key names
      // no client.
      #expect(rows == ["a,error", "b,fire", "\(name):\(name == "clients.json" ? 1 : 3),error"], "\(name)")
      #expect(result.stderr.contains("the record has the key \"amount\" more than once"), "\(result.stderr)")
      #expect(result.stderr.contains("the record has the key \"id\" more than once"), "\(result.stderr)")
    }
  }

  /// The REPL and `explain`, which hold every column, read a record whose repeated key (or
  /// object, whose paths repeat) no rule reads, as the run does: they refused it, where the run
  /// gave its verdict.
  @Test func aKeyGivenTwiceThatNoRuleReadsIsReadEverywhere() throws {
    let data = """
      {"id":"a","amount":7,"amount":2}
      {"id":"b","amount":7,"note":1,"note":2}
      {"id":"c","amount":9,"meta":{"x":1},"meta":{"x":2}}

      """
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let repl = try VerdictBinary.run(
      ["repl", "policy.verdict", "--data", "clients.jsonl", "--today", "2026-11-29"], stdin: Data(":run\n".utf8),
      in: workspace.folder)
    let rows = repl.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: " ").prefix(2).joined(separator: " ")
    }
    #expect(rows == ["a error", "b fire", "c fire"], "\(repl.stdout)")
    #expect(repl.stderr.contains("1 row cannot be read"), "\(repl.stderr)")
    let explained = try VerdictBinary.run(
      ["explain", "policy.verdict", "clients.jsonl", "--all", "--today", "2026-11-29"], in: workspace.folder)
    #expect(explained.stdout.contains("b: fire"), "\(explained.stdout)")
    #expect(explained.stdout.contains("c: fire"), "\(explained.stdout)")
    #expect(explained.stderr.contains("a: cannot be evaluated: the record has the key \"amount\" more than once"))
  }

  /// Each row of a run over `data` (JSON Lines, with ``policy``) and of the REPL's `:run` over the
  /// same file, as "client verdict"; and the run's standard error.
  static func runAndREPLRows(_ data: String) throws -> (run: [String], repl: [String], runErrors: String) {
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.jsonl": data])
    let run = try workspace.run(["run", "policy.verdict", "clients.jsonl", "--today", "2026-11-29"])
    let repl = try VerdictBinary.run(
      ["repl", "policy.verdict", "--data", "clients.jsonl", "--today", "2026-11-29"], stdin: Data(":run\n".utf8),
      in: workspace.folder)
    // The run writes CSV (not a terminal), the REPL a table.
    let rows = { (text: String, separator: Character) in
      text.split(separator: "\n").dropFirst().map { $0.split(separator: separator).prefix(2).joined(separator: " ") }
    }
    return (rows(run.stdout, ","), rows(repl.stdout, " "), run.stderr)
  }

  /// A record whose client key is an array names no client even when it also gives a key twice:
  /// the run charged the repeated key's error to a client `["a"]`, and the REPL, whose policy
  /// reads no `note`, evaluated a client `["b"]` (found by the `run` fuzzer).
  @Test func aKeyThatIsAnArrayNamesNoClientWhateverElseTheRecordRepeats() throws {
    let rows = try Self.runAndREPLRows(
      """
      {"id":["a"],"amount":7,"amount":2}
      {"id":["b"],"amount":7,"note":1,"note":2}
      {"id":"c","amount":9}

      """)
    #expect(rows.run == ["clients.jsonl:1 error", "clients.jsonl:2 error", "c fire"])
    #expect(rows.runErrors.contains("clients.jsonl:1: the record's \"id\" is an array ([\"a\"])"), "\(rows.runErrors)")
    #expect(rows.repl == rows.run)
  }

  /// A record without a client key names no client even when it repeats a key no rule reads:
  /// the REPL, which reads every key, evaluated it as a client of no name (found by the `run`
  /// fuzzer).
  @Test func aBlankKeyNamesNoClientWhateverElseTheRecordRepeats() throws {
    let rows = try Self.runAndREPLRows(
      """
      {"name":"Alpha","amount":7}
      {"client":"Gamma","amount":5,"client":"Delta"}
      {"name":"","amount":9,"note":1,"note":2}

      """)
    #expect(rows.run == ["Alpha fire", "clients.jsonl:2 error", "clients.jsonl:3 error"])
    #expect(rows.repl == rows.run)
  }

  @Test func aDeclaredFieldWithoutAKeyStaysMissing() throws {
    // A field the policy declares but does not read, and that the data does not have, once
    // trapped the JSON reader (a column index of -1).
    let policy =
      "field unused: number\nfield amount: number\nwhen amount > 5 then recommend fire\notherwise recommend keep\n"
    let workspace = try Workspace(["policy.verdict": policy, "clients.jsonl": "{\"id\":\"c1\",\"amount\":7}\n"])
    let result = try workspace.run(["run", "policy.verdict", "clients.jsonl"])
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix(
        "client,verdict,rule,notice,cooldown,hold_until_paid,meet,reason,refer,error,source\nc1,fire,"))
  }

  @Test func twoFieldsFromOneKeyBothHaveItsValue() throws {
    // As in a CSV file: `b` reads the key `a` too (the JSON reader once filled only one of them).
    let policy = """
      field a: number
      field b: number from "a"
      when a > 5 and b > 5 then recommend fire
      otherwise recommend keep

      """
    let workspace = try Workspace([
      "policy.verdict": policy, "clients.jsonl": "{\"id\":\"c1\",\"a\":7}\n", "clients.csv": "id,a\nc1,7\n",
    ])
    let json = try workspace.run(["run", "policy.verdict", "clients.jsonl"])
    let csv = try workspace.run(["run", "policy.verdict", "clients.csv"])
    #expect(json.status == 0)
    #expect(json.stdout.contains("c1,fire,"))
    // The same report but for where the row is (a JSON Lines file has no header line).
    #expect(
      json.stdout.replacingOccurrences(of: "clients.jsonl:1", with: "clients.csv:2") == csv.stdout)
  }

  /// Arrays that break off after two records, and where, as `file:line: column N:` says it.
  static let brokenArrays: [(ending: String, break: String)] = [
    ("},\n]\n", "4: column 1: unexpected ']' after ','; trailing commas are not allowed"),
    ("}\n", "4: column 1: unexpected end of input; expected ',' or ']' after array element"),
    ("}\n]\n// exported by the CRM\n", "5: column 1: unexpected data after the top-level array"),
  ]

  /// An array that breaks off is read up to the break whatever its number of records, from a
  /// file or standard input: the break is reported as not read, and the exit status is 1. A file
  /// of fewer than 1,000 records was refused outright (its columns were read ahead, and the
  /// break stopped that), and standard input lost the records it held for its columns. The
  /// columns come from the records before the break (the first leaves out `amount`).
  @Test(arguments: brokenArrays, [false, true])
  func anArrayThatBreaksOffIsReadUpToTheBreak(array: (ending: String, break: String), fromFile: Bool) throws {
    let data = "[\n{\"id\":\"a\"},\n{\"id\":\"b\",\"amount\":7" + array.ending
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.json": data])
    let result =
      fromFile
      ? try workspace.run(["run", "policy.verdict", "clients.json"])
      : try workspace.run(["run", "policy.verdict", "-", "--input-format", "json"], stdin: data)
    #expect(result.status == 1)
    let rows = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
    }
    #expect(rows == ["a,keep", "b,fire"], "\(result.stderr)")
    let name = fromFile ? "clients.json" : "<stdin>"
    #expect(result.stderr.hasPrefix("\(name):\(array.break); the rest of the file was not read\n"), "\(result.stderr)")
    #expect(result.stderr.contains("2 clients read, 2 evaluated, 0 rows with errors"))
  }

  /// `explain` and `check --data` read such a file as `run` does (they refused it, exit 2).
  @Test(arguments: brokenArrays)
  func explainAndCheckReadAnArrayThatBreaksOff(array: (ending: String, break: String)) throws {
    let data = "[\n{\"id\":\"a\"},\n{\"id\":\"b\",\"amount\":7" + array.ending
    let workspace = try Workspace(["policy.verdict": Self.policy, "clients.json": data])
    let tail = "clients.json:\(array.break); the rest of the file was not read\n"
    let explain = try VerdictBinary.run(
      ["explain", "policy.verdict", "clients.json", "--all", "--today", "2026-11-29"], in: workspace.folder)
    #expect(explain.status == 1)
    #expect(explain.stdout.contains("a: keep") && explain.stdout.contains("b: fire"), "\(explain.stdout)")
    #expect(explain.stderr == tail)
    let check = try VerdictBinary.run(["check", "policy.verdict", "--data", "clients.json"], in: workspace.folder)
    #expect(check.status == 1)
    #expect(check.stderr.hasPrefix("clients.json: JSON") && check.stderr.hasSuffix(tail), "\(check.stderr)")
  }
}
