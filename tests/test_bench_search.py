"""The search benchmark's generator and runner, on a small archive (timings are not tested)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from referatkit import bench_search, queries, search
from referatkit.store import open_store


def _content(path: Path) -> list[tuple[str, str]]:
    with queries.open_archive(path) as st:
        return [(r["title"], r["body"]) for r in st.rows(
            "SELECT title, body FROM search_docs ORDER BY rid")]


def test_the_generated_archive_is_deterministic_and_searchable(tmp_path: Path) -> None:
    a = bench_search.build_archive(tmp_path / "a.db", items=240, seed=3)
    bench_search.build_archive(tmp_path / "b.db", items=240, seed=3)
    assert (a.items, a.documents) == (240, 20)
    assert _content(tmp_path / "a.db") == _content(tmp_path / "b.db")
    with open_store(tmp_path / "a.db") as st:
        assert st.scalar("SELECT count(*) FROM items") == 240
        st.check_fts()
        years = {r[0] for r in st.conn.execute("SELECT substr(meeting_date, 1, 4) FROM documents")}
        assert min(years) == str(bench_search.FIRST_YEAR)
    # the words the benchmark searches for are there, with forms and compounds
    r = search.search(tmp_path / "a.db", "aftale")
    assert r.hits and r.words and r.words[0].compounds


def test_run_reports_every_case(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    bench_search.build_archive(db, items=120)
    report = bench_search.run(db, warm_repeats=1, first_repeats=1)
    assert [c.name for c in report.cases] == [c.name for c in bench_search.CASES]
    assert all(c.warm_p95_ms >= c.warm_p50_ms >= 0 for c in report.cases)
    assert report.items == 120 and report.cpus >= 1
    text = bench_search.format_report(report)
    assert "one word" in text and "targets: warm p95 < 30 ms" in text


def test_main_builds_once_then_reuses(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    args = ["--items", "60", "--db", str(db), "--repeats", "1", "--no-command",
            "--format", "json"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert bench_search.main(args) == 0
    first = json.loads(out.getvalue())
    assert first["build"]["items"] == 60 and len(first["cases"]) == 4
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert bench_search.main(args) == 0
    assert json.loads(out.getvalue())["build"] is None  # the archive was reused
