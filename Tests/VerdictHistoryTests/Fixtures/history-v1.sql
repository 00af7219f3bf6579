-- A history as schema v1 wrote it: two runs (2026-11-01 and 2026-11-02), clients A and B.
PRAGMA application_id = 1450337396;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES ('v1');
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
INSERT INTO runs VALUES (20758, 1793520000.0, 'firing.verdict', 'sha256:aa', '["clients.csv"]', '["keep","talk","fire"]', 0, '{"fire":0,"keep":1,"talk":1}', 0, 2, 2);
INSERT INTO runs VALUES (20759, 1793606400.0, 'firing.verdict', 'sha256:aa', '["clients.csv"]', '["keep","talk","fire"]', 0, '{"fire":1,"keep":0,"talk":1}', 1, 2, 1);
INSERT INTO clients VALUES (1, 'A');
INSERT INTO clients VALUES (2, 'B');
INSERT INTO changes VALUES (1, 20758, 'keep', 0, NULL, NULL);
INSERT INTO changes VALUES (2, 20758, 'talk', 1, 'late_payer', '{"reason":"late"}');
INSERT INTO changes VALUES (1, 20759, 'fire', 2, 'unprofitable', '{"cooldown":"3d"}');
