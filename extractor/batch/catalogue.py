"""The batch catalogue: a SQLite database in the output folder, one row per distinct input content.

Tables:
- ``documents``: keyed by the content's SHA-256 — status (done | failed), engine version, format, template, fiscal
  year, unit, page count, timings, counts (strategies, KPIs, projects, findings), the error of a failed document and
  the JSON output it wrote;
- ``inputs``: every input path seen, with the content it had when last seen (a path whose content changed points to
  a new document; two paths with the same content share one);
- ``page_routes``: the route of every page (``document.input.pages``: text layer or OCR, and why);
- ``findings_by_code``: how many findings of each code a document has;
- ``runs``: one row per batch run (options, counts).

Only the batch's parent process writes, one short transaction per document, in WAL mode: a batch killed at any
moment (even with SIGKILL) leaves the database consistent, and readers (a progress monitor, an analyst) can query it
while the batch runs.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from extractor.batch.jobs import JobResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    engine_version TEXT NOT NULL,
    input_format TEXT,
    template_id TEXT,
    fiscal_year_be INTEGER,
    unit_name TEXT,
    page_count INTEGER,
    output TEXT,
    size_bytes INTEGER,
    parse_seconds REAL,
    finished_at TEXT,
    strategies INTEGER,
    kpis INTEGER,
    projects INTEGER,
    findings INTEGER,
    error_type TEXT,
    error_message TEXT
);
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER,
    seen_at TEXT
);
CREATE TABLE IF NOT EXISTS page_routes (
    sha256 TEXT NOT NULL,
    page INTEGER NOT NULL,
    route TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (sha256, page)
);
CREATE TABLE IF NOT EXISTS findings_by_code (
    sha256 TEXT NOT NULL,
    code TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (sha256, code)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    options TEXT,
    inputs INTEGER,
    parsed INTEGER,
    skipped INTEGER,
    failed INTEGER
);
"""

COUNT_COLUMNS = ("strategies", "kpis", "projects", "findings")


@dataclass(frozen=True)
class CatalogueEntry:
    sha256: str
    status: str
    engine_version: str
    output: str | None


class Catalogue:
    FILENAME = "catalogue.sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions below
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash may lose the last commit, never corrupt
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.executescript(SCHEMA)

    @classmethod
    def in_folder(cls, out_dir: Path) -> Catalogue:
        return cls(Path(out_dir) / cls.FILENAME)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading ---

    def entry(self, sha256: str) -> CatalogueEntry | None:
        row = self.db.execute(
            "SELECT sha256, status, engine_version, output FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return CatalogueEntry(**dict(row)) if row else None

    def document(self, sha256: str) -> dict | None:
        row = self.db.execute("SELECT * FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return dict(row) if row else None

    def page_routes(self, sha256: str) -> list[tuple[int, str, str]]:
        rows = self.db.execute("SELECT page, route, reason FROM page_routes WHERE sha256 = ? ORDER BY page", (sha256,))
        return [tuple(r) for r in rows]

    def findings_by_code(self, sha256: str) -> dict[str, int]:
        rows = self.db.execute("SELECT code, count FROM findings_by_code WHERE sha256 = ? ORDER BY code", (sha256,))
        return {r["code"]: r["count"] for r in rows}

    # --- writing (parent process only) ---

    def record_input(self, path: str, sha256: str, size: int) -> None:
        self.db.execute(
            "INSERT INTO inputs (path, sha256, size_bytes, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes, "
            "seen_at = excluded.seen_at",
            (path, sha256, size, _now()),
        )

    def record_result(
        self, result: JobResult, *, engine_version: str, output: str | None, size: int
    ) -> None:
        """Replace what is known of one document, in one transaction."""
        stats = result.stats if result.ok else {}
        counts = stats.get("counts", {})
        pages = stats.get("pages", [])
        values = {
            "sha256": result.sha256,
            "status": "done" if result.ok else "failed",
            "engine_version": engine_version,
            "input_format": stats.get("input_format"),
            "template_id": stats.get("template_id"),
            "fiscal_year_be": stats.get("fiscal_year_be"),
            "unit_name": stats.get("unit_name"),
            "page_count": len(pages) if result.ok else None,
            "output": output,
            "size_bytes": size,
            "parse_seconds": round(result.parse_seconds, 4),
            "finished_at": _now(),
            **{c: counts.get(c) for c in COUNT_COLUMNS},
            "error_type": result.error_type,
            "error_message": result.error_message,
        }
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._transaction():
            self.db.execute(f"INSERT OR REPLACE INTO documents ({columns}) VALUES ({marks})", tuple(values.values()))
            self.db.execute("DELETE FROM page_routes WHERE sha256 = ?", (result.sha256,))
            self.db.executemany(
                "INSERT INTO page_routes (sha256, page, route, reason) VALUES (?, ?, ?, ?)",
                [(result.sha256, page, route, reason) for page, route, reason in pages],
            )
            self.db.execute("DELETE FROM findings_by_code WHERE sha256 = ?", (result.sha256,))
            self.db.executemany(
                "INSERT INTO findings_by_code (sha256, code, count) VALUES (?, ?, ?)",
                [(result.sha256, code, n) for code, n in stats.get("findings_by_code", {}).items()],
            )

    def start_run(self, options: dict) -> int:
        cursor = self.db.execute(
            "INSERT INTO runs (started_at, options) VALUES (?, ?)", (_now(), json.dumps(options, sort_keys=True))
        )
        return cursor.lastrowid

    def finish_run(self, run_id: int, *, inputs: int, parsed: int, skipped: int, failed: int) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, inputs = ?, parsed = ?, skipped = ?, failed = ? WHERE id = ?",
            (_now(), inputs, parsed, skipped, failed, run_id),
        )

    def _transaction(self):
        return _Transaction(self.db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
