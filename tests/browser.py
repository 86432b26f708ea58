"""Headless Chromium for the tests (and scripts/report_screenshot.py) that look at the HTML
report as a person does. Debian's chromium at /usr/bin/chromium; ``make browser-test``
installs it where it is missing."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# No network, no first-run work, no sandbox (tests run as root in containers), a fresh
# profile per run: the page is a local file and must render from it alone.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")
# Generous: a cold start of Chromium in a small container takes seconds.
TIMEOUT_S = 300


def available() -> bool:
    return CHROMIUM.exists()


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="referatkit-chromium-") as profile:
        try:
            return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                                  capture_output=True, text=True, timeout=TIMEOUT_S,
                                  check=False)
        except subprocess.TimeoutExpired as e:
            raise TimeoutError(f"no answer in {TIMEOUT_S} s") from e


def dump_dom(page: Path, *, width: int = 1280, height: int = 1600) -> str:
    """The DOM after the page loaded and laid out (scripts in it have run)."""
    done = _run([f"--window-size={width},{height}", "--virtual-time-budget=5000",
                 "--dump-dom", page.resolve().as_uri()])
    if done.returncode != 0:
        raise RuntimeError(f"chromium --dump-dom failed ({done.returncode}): {done.stderr[-500:]}")
    return done.stdout


def screenshot(page: Path, png: Path, *, width: int = 1280, height: int = 1600) -> Path:
    done = _run([f"--window-size={width},{height}", f"--screenshot={png.resolve()}",
                 page.resolve().as_uri()])
    if done.returncode != 0 or not png.exists():
        raise RuntimeError(f"chromium --screenshot failed ({done.returncode}): "
                           f"{done.stderr[-500:]}")
    return png
