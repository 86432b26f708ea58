#!/usr/bin/env python3
"""Make docs/report.png, the screenshot of the HTML report the README shows: the three-year
fixture series of the tests (tests/report_series.py) ingested, reported as HTML and
photographed by headless Chromium (tests/browser.py).

    python scripts/report_screenshot.py [docs/report.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402
from referatkit import htmlreport  # noqa: E402
from referatkit import report as R  # noqa: E402
from report_series import AS_OF, build_archive  # noqa: E402

WIDTH, HEIGHT = 1280, 1500


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "report.png"
    if not browser.available():
        print(f"Error: {browser.CHROMIUM} is missing (make browser-test installs it)",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="referatkit-shot-") as tmp:
        db = build_archive(Path(tmp))
        page = Path(tmp) / "report.html"
        rep = R.report(db, forum="netværk", date_from="2020", date_to="2021", as_of=AS_OF)
        page.write_text(htmlreport.report(rep), encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        browser.screenshot(page, target, width=WIDTH, height=HEIGHT)
    print(f"Wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
