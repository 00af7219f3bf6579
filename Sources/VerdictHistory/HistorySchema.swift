import GRDB

/// The tables of a history file and their versions. Since v2 (each table has a `day`: the run
/// that wrote the row, so a re-run of the day removes exactly its rows):
///
/// - `runs`: one row per recorded run, keyed by its `today` (days since 1970-01-01).
/// - `keys`: each client key ever recorded, once: a client's id is its position in the order
///   the keys were first seen. A row holds the keys a run saw first (from id `first` on), packed:
///   each key's UTF-8 bytes past the start it shares with the key before it (`bytes`), and per
///   key the length of that start and of the rest (`lengths`, ``PackedNumbers``).
/// - `outcomes`: each distinct outcome (verdict, severity, rule, clauses) once, by id.
/// - `changes`: a log of changes, packed: a row holds a part of the changes of the run on `day`,
///   a change being a client id and the outcome id it has from that run on, or 0 when it left the
///   data. A change is written only when a client's outcome differs from its state at the run
///   before; a client is in a run exactly when its latest change at or before that run's day has
///   an outcome. So unchanged clients cost nothing per run. (v1 kept a row per change, and the
///   keys in a table with its index.)
/// - `carried` (v3): the clients a run kept without judging them, packed as the changes' client
///   ids are: those whose row was an error, and with a data file read in part, those it did not
///   read. They are in the run with the outcome they had; a cooldown that ran out that day is
///   due at the next run that judges them.
///
/// Versions are GRDB migrations ("v1", …); a file that lists a migration this code does not know
/// comes from a newer Verdict and is refused. `PRAGMA application_id` marks the file as ours.
enum HistorySchema {
  /// `PRAGMA application_id` of a Verdict history: "Vrdt" in ASCII.
  static let applicationID: Int32 = 0x5672_6474

  /// Every version of the schema, oldest first.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(
        sql: """
          CREATE TABLE runs (
            day INTEGER PRIMARY KEY,
            startedAt REAL NOT NULL,
            policyPath TEXT NOT NULL,
            policyHash TEXT NOT NULL,
            dataFiles TEXT NOT NULL,
            verdicts TEXT NOT NULL,
            otherwise INTEGER NOT NULL,
            counts TEXT NOT NULL,
            errors INTEGER NOT NULL,
            clients INTEGER NOT NULL,
            changes INTEGER NOT NULL
          ) STRICT;
          CREATE TABLE clients (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE
          ) STRICT;
          CREATE TABLE changes (
            client INTEGER NOT NULL,
            day INTEGER NOT NULL,
            verdict TEXT,
            severity INTEGER,
            rule TEXT,
            clauses TEXT,
            PRIMARY KEY (client, day)
          ) STRICT, WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v2", migrate: MigrationToV2.migrate)
    migrator.registerMigration("v3") { db in
      try db.execute(
        sql: """
          CREATE TABLE carried (
            day INTEGER NOT NULL,
            part INTEGER NOT NULL,
            count INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (day, part)
          ) STRICT;
          """)
    }
    return migrator
  }

  /// What a database opened as a history holds.
  enum Content {
    /// No history yet: the history is made in it.
    case nothing
    /// A Verdict history of this schema or an older one.
    case history
  }

  /// Refuses a file that is not an empty database nor a Verdict history, or one from a newer
  /// schema; reads only.
  ///
  /// A database whose only object is GRDB's table of migrations, empty, and that has no
  /// application id counts as empty: a first run leaves it so when it fails before its first
  /// migration is committed (a full disk), since GRDB makes that table first, on its own.
  @discardableResult
  static func checkKind(of db: Database, path: String) throws(HistoryError) -> Content {
    let applicationID: Int32
    let objects: Int
    let superseded: Bool
    var migrationsLeft = false
    do {
      applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
      objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      superseded = applicationID == Self.applicationID ? try migrator.hasBeenSuperseded(db) : false
      if applicationID == 0 && objects > 0 {
        // The table and the index of its primary key, and no migration in it.
        let others = try Int.fetchOne(
          db,
          sql:
            "SELECT count(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations' OR type NOT IN ('table', 'index')")
        migrationsLeft =
          try others == 0 && db.tableExists("grdb_migrations")
          && Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
      }
    } catch {
      throw HistoryError.sqlite(error, path: path, doing: "reading")
    }
    if applicationID == 0 && (objects == 0 || migrationsLeft) { return .nothing }
    guard applicationID == Self.applicationID else {
      throw HistoryError(
        .notAHistory, "history \(path) is not a Verdict history: it is a SQLite database of another program",
        hint: "give --history a new file or an existing Verdict history; this one is left as it is")
    }
    if superseded {
      let known = migrator.migrations.joined(separator: ", ")
      throw HistoryError(
        .newerVersion, "history \(path) was written by a newer Verdict (this one knows schema \(known))",
        hint: "use the newer Verdict with this history; it is left as it is")
    }
    return .history
  }
}
