import Foundation
import TestSupport
import Testing

/// The HTML report in a real browser: headless Chromium loads a report of the `rules/` sample
/// clients, and its DOM must hold a card for each client who needs action and a chart bar for each
/// client. The screenshot is kept in `.build/html-report/report.png`. Skipped, saying why, where
/// no Chromium is installed (`scripts/setup` installs Debian's `chromium`; `VERDICT_BROWSER`
/// names another).
struct HTMLBrowserTests {
  static let root = CLIGoldenTests.casesFolder.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The browser: `VERDICT_BROWSER`, or the first of Chromium's names on the `PATH`.
  static let browser: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let named = environment["VERDICT_BROWSER"], !named.isEmpty { return named }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }()

  /// Runs the browser headless on `page` with `arguments`; returns its standard output. Gives up
  /// after two minutes.
  static func browse(_ page: URL, _ arguments: [String], profile: URL) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser!)
    process.arguments =
      [
        "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=\(profile.path)",
      ] + arguments + [page.absoluteString]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = DispatchWorkItem { process.terminate() }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: deadline)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    deadline.cancel()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  @Test(
    .enabled(
      if: browser != nil,
      "no Chromium on this machine (scripts/setup installs Debian's chromium, or set VERDICT_BROWSER): skipped"))
  func theReportLoadsWithCardsAndBars() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.html")
    let arguments = ["run", "rules/firing.verdict", "rules/clients.csv", "--today", "2026-12-01"]
    let made = try VerdictBinary.run(arguments + ["--format", "html", "-o", report.path], in: Self.root)
    #expect(made.status == 0, "\(made.stderr)")
    // What the page must show, from the same run as CSV: a card per client not kept, a bar each.
    let csv = try VerdictBinary.run(arguments + ["--format", "csv"], in: Self.root).stdout
    let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let needing = rows.filter { $0[1] != "keep" }.count
    #expect(rows.count == 12 && needing > 0)

    let dom = try Self.browse(report, ["--dump-dom"], profile: folder.appendingPathComponent("profile"))
    #expect(dom.status == 0)
    #expect(dom.output.contains("<h1>Verdicts of 2026-12-01</h1>"), "the page did not load: \(dom.output.prefix(300))")
    #expect(dom.output.components(separatedBy: "<article class=\"card\"").count - 1 == needing)
    #expect(dom.output.components(separatedBy: "<rect class=\"bar\"").count - 1 == rows.count)
    #expect(dom.output.components(separatedBy: "<tr id=\"row-").count - 1 == rows.count)
    #expect(!dom.output.contains("<script"))

    let artefacts = Self.root.appendingPathComponent(".build/html-report")
    try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
    let screenshot = artefacts.appendingPathComponent("report.png")
    try? FileManager.default.removeItem(at: screenshot)
    let shot = try Self.browse(
      report, ["--window-size=900,2600", "--screenshot=\(screenshot.path)"],
      profile: folder.appendingPathComponent("profile"))
    #expect(shot.status == 0)
    let png = try Data(contentsOf: screenshot)
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(png.count > 10_000, "a blank screenshot")
  }
}
