// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Verdict",
  products: [
    .library(name: "Verdict", targets: ["Verdict"]),
    .executable(name: "verdict", targets: ["verdict"]),
    // The C interface: libVerdictC.so, declared by include/verdict.h (docs/embedding-c.md).
    .library(name: "VerdictC", type: .dynamic, targets: ["VerdictC"]),
  ],
  dependencies: [
    // The CLI's argument parsing, help, completion scripts and man page.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The run history: SQLite with WAL, versioned migrations and typed rows. GRDB links the
    // system SQLite (libsqlite3-dev, which scripts/setup installs).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // `swift package generate-documentation --target Verdict`: the library's DocC documentation,
    // built with warnings as errors in .ci/run. A plugin only: nothing of it is linked.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .target(name: "Verdict"),
    // Streaming byte-level CSV, JSON and JSON Lines readers for the batch runner.
    .target(name: "VerdictData"),
    .executableTarget(
      name: "verdict",
      dependencies: [
        "Verdict",
        "VerdictData",
        "VerdictRun",
        "VerdictREPL",
        "VerdictLineEditing",
        "VerdictHistory",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What the benchmarks share: the seeded generator.
    .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
    .executableTarget(
      name: "verdict-bench", dependencies: ["Verdict", "BenchmarkSupport"], path: "Benchmarks/verdict-bench"),
    .executableTarget(
      name: "data-bench", dependencies: ["VerdictData", "BenchmarkSupport"], path: "Benchmarks/data-bench"),
    // The batch runner behind `verdict run`: sources, conversion, evaluation pipeline, reports.
    .target(name: "VerdictRun", dependencies: ["Verdict", "VerdictData", "VerdictHistory"]),
    // Seeded client-data generator for Benchmarks/run-bench.sh.
    .executableTarget(
      name: "run-bench", dependencies: ["VerdictData", "BenchmarkSupport"], path: "Benchmarks/run-bench"),
    // What the test targets share: finding and running the built executables, golden files and
    // golden case folders (UPDATE_GOLDEN=1). Foundation only, so XCTest and swift-testing use it.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    // `FormatterCommandTests` runs the built `verdict fmt`.
    .testTarget(name: "VerdictTests", dependencies: ["Verdict", "verdict", "TestSupport"], exclude: ["Fixtures"]),
    // The conformance suites are upstream data with their licences: see Conformance/README.md.
    .testTarget(name: "VerdictDataTests", dependencies: ["VerdictData"], exclude: ["Conformance"]),
    // The pollution test runs some of its damaged exports through the built `verdict`.
    .testTarget(
      name: "VerdictRunTests",
      dependencies: ["VerdictRun", "Verdict", "VerdictData", "BenchmarkSupport", "verdict", "TestSupport"],
      exclude: ["Fixtures"]),
    // libedit (BSD editline) for the REPL, reached through C shims because its el_set/el_get/
    // history entry points are variadic.
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // Line editing, history and Tab completion on a terminal: a thin layer over libedit.
    .target(name: "VerdictLineEditing", dependencies: ["CEditLine"]),
    // The REPL's logic (session, meta commands, completion, multi-line input), without a terminal.
    .target(name: "VerdictREPL", dependencies: ["Verdict", "VerdictRun"]),
    .testTarget(name: "VerdictLineEditingTests", dependencies: ["VerdictLineEditing"]),
    .testTarget(name: "VerdictREPLTests", dependencies: ["VerdictREPL", "Verdict"], exclude: ["Fixtures"]),
    // Drives the built `verdict repl` through tmux, and through a pipe against golden files.
    .testTarget(name: "REPLEndToEndTests", dependencies: ["verdict", "TestSupport"], exclude: ["Sessions"]),
    // The run history: what each run decided for each client, kept as a log of changes in SQLite.
    .target(
      name: "VerdictHistory",
      dependencies: [
        "Verdict", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    // Records runs into a history for the benchmark, and as the child a kill test stops midway.
    .executableTarget(
      name: "history-bench", dependencies: ["VerdictHistory", "Verdict", "BenchmarkSupport"],
      path: "Benchmarks/history-bench"),
    .testTarget(
      name: "VerdictHistoryTests",
      dependencies: [
        "VerdictHistory", "Verdict", "history-bench", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"]),
    // An embedder's view: without package access, it sees only the public API of `Verdict`, as
    // another package would, in Swift 6 language mode.
    .testTarget(name: "EmbeddingTests", dependencies: ["Verdict"], packageAccess: false),
    // End-to-end tests that run the built `verdict` binary against golden files.
    .testTarget(name: "CLITests", dependencies: ["verdict", "TestSupport"], exclude: ["Cases"]),
    // The C interface, exported with @c; the header is include/verdict.h.
    .target(name: "VerdictC", dependencies: ["Verdict", "VerdictData"]),
    // Compiles C programs against include/verdict.h and libVerdictC.so (which `swift test` builds
    // with every product), runs them and the Python example, and compares with the CLI's output.
    .testTarget(name: "VerdictCTests", dependencies: ["VerdictC", "verdict", "TestSupport"], exclude: ["c"]),
  ]
)
