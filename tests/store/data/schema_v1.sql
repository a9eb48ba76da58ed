-- A drillbit database at schema version 1, frozen: never regenerate it.
BEGIN TRANSACTION;
CREATE TABLE card_state (
                card_id TEXT PRIMARY KEY,
                fsrs_card TEXT NOT NULL,
                state INTEGER NOT NULL,
                due TEXT NOT NULL,
                last_review TEXT,
                introduced_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
INSERT INTO "card_state" VALUES('vanishing-gradient','{"card_id": 8701054522700235688, "state": 1, "step": 1, "stability": 2.3065, "difficulty": 2.118103970459016, "due": "2026-01-05T09:10:00+00:00", "last_review": "2026-01-05T09:00:00+00:00"}',1,'2026-01-05T09:10:00.000000+00:00','2026-01-05T09:00:00.000000+00:00','2026-01-05T09:00:00.000000+00:00','2026-01-05T09:00:00.000000+00:00');
CREATE TABLE code_draft (
                card_id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
INSERT INTO "code_draft" VALUES('sgd-step','def sgd_step(theta, grad, lr):
    return theta - lr * grad
','2026-01-05T09:00:00.000000+00:00');
CREATE TABLE drill_attempt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                card_id TEXT NOT NULL,
                status TEXT NOT NULL,
                seed INTEGER,
                duration_ms REAL,
                hints_used INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
                verdict TEXT NOT NULL,
                attempted_at TEXT NOT NULL
            );
INSERT INTO "drill_attempt" VALUES(1,'sgd-step','passed',1234,42.0,0,'{"status": "passed"}','2026-01-05T09:00:00.000000+00:00');
CREATE TABLE review_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                card_id TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                reviewed_at TEXT NOT NULL,
                duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
                mode TEXT NOT NULL CHECK (mode IN ('due', 'cram', 'mock')),
                state_before INTEGER,
                card_before TEXT,
                card_after TEXT
            );
INSERT INTO "review_log" VALUES(1,'vanishing-gradient',3,1,'2026-01-05T09:00:00.000000+00:00',5000,'due',NULL,NULL,'{"card_id": 8701054522700235688, "state": 1, "step": 1, "stability": 2.3065, "difficulty": 2.118103970459016, "due": "2026-01-05T09:10:00+00:00", "last_review": "2026-01-05T09:00:00+00:00"}');
INSERT INTO "review_log" VALUES(2,'card-removed-since',1,0,'2026-01-05T09:00:00.000000+00:00',3000,'cram',NULL,NULL,NULL);
CREATE TABLE schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
INSERT INTO "schema_migrations" VALUES(1,'initial schema','2026-01-05T09:00:00.000000+00:00');
CREATE INDEX review_log_card ON review_log (card_id);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('review_log',2);
INSERT INTO "sqlite_sequence" VALUES('drill_attempt',1);
COMMIT;
