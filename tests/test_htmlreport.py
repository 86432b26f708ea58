"""The HTML report: one self-contained file (no remote resource, no script), charts as
inline SVG, print CSS, escaped text — and, where Chromium is installed (``make
browser-test``), drawn: the charts have their size in a real layout and their pixels are
not blank in a screenshot."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import browser
from referatkit import htmlreport
from referatkit import report as R
from report_series import AS_OF, build_archive

CHARTS_PER_FORUM = ("decisions-per-year", "year-in-numbers")
CHARTS_PER_YEAR = ("attendance", "decisions-by-status", "themes")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    db = build_archive(folder)
    out = folder / "report.html"
    out.write_text(htmlreport.report(R.report(db, as_of=AS_OF)), encoding="utf-8")
    return out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(html)
    return p.tags


def test_the_file_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"https?:", html, re.I)
    assert "//" not in re.sub(r"<style>.*?</style>", "", html, flags=re.S).replace("</", "")
    tags = _tags(html)
    names = {t for t, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "image"}
    for tag, attrs in tags:
        for key in ("src", "href", "xlink:href", "srcset", "action"):
            value = attrs.get(key)
            if value is not None:
                assert key == "href" and value.startswith("#"), (tag, key, value)
    assert "url(" not in html and "@import" not in html


def test_charts_are_inline_svg_with_a_size(page: Path) -> None:
    tags = _tags(page.read_text(encoding="utf-8"))
    charts = [a for t, a in tags if t == "svg"]
    names = [a["data-chart"] for a in charts]
    assert names.count("decisions-per-year") == 2  # one per forum
    for name in CHARTS_PER_YEAR:
        assert names.count(name) >= 3, name
    assert "terms-moved" in names
    for a in charts:
        assert a["class"] == "chart" and a["role"] == "img"
        assert float(a["width"] or 0) > 100 and float(a["height"] or 0) > 20
        assert a["viewbox"]
    assert sum(1 for t, a in tags if t == "rect" and a.get("class") == "bar") > 50


def test_print_css_and_document_basics(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and '<meta charset="utf-8">' in html
    assert "@media print" in html and "@page" in html and "print-color-adjust" in html
    assert "<title>Report 2019–2021 · referatkit</title>" in html


def test_text_is_escaped() -> None:
    year = R.YearReport(year=2021, meetings=1, meetings_with_minutes=1, items=1, decisions=0,
                        decisions_by_status={}, open=0, matters_opened=1, matters_settled=0,
                        opened=[R.MatterLine("m", "<script>alert(1)</script>", "2021-01-01")])
    rep = R.Report("2021-01-01", "2021-12-31", "2022-01-01", False,
                   [R.ForumReport("f", 'Udvalg "<A&B>"', ['Udvalg "<A&B>"'], [year])])
    html = htmlreport.report(rep)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Udvalg &quot;&lt;A&amp;B&gt;&quot;" in html


# --- in a browser ------------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    not browser.available(),
    reason=f"{browser.CHROMIUM} is not installed ('make browser-test' installs it)")

# Measures every chart after layout and writes the sizes into the page for --dump-dom.
PROBE = """<script>
window.addEventListener('load', () => {
  const charts = [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    const bars = [...svg.querySelectorAll('rect.bar')].filter(r => {
      const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length;
    return {name: svg.dataset.chart, x: box.left + window.scrollX, y: box.top + window.scrollY,
            width: box.width, height: box.height, bars: bars};
  });
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(charts);
  document.body.appendChild(pre);
});
</script>"""


def _probe(page: Path, tmp_path: Path) -> list[dict]:
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"),
                     encoding="utf-8")
    try:
        dom = browser.dump_dom(probe)
    except TimeoutError as e:  # pragma: no cover - a slow machine is not a failing report
        pytest.skip(f"chromium took too long: {e}")
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m, "the probe did not run: " + dom[-300:]
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@needs_chromium
@pytest.mark.browser
def test_chromium_lays_out_every_chart(page: Path, tmp_path: Path) -> None:
    charts = _probe(page, tmp_path)
    assert len(charts) >= 2 * len(CHARTS_PER_FORUM) + 5 * len(CHARTS_PER_YEAR)
    for c in charts:
        assert c["width"] > 100 and c["height"] > 20, c
        assert c["bars"] > 0, c


@needs_chromium
@pytest.mark.browser
def test_the_charts_are_drawn_in_a_screenshot(page: Path, tmp_path: Path) -> None:
    from PIL import Image  # Pillow comes with pdfplumber

    first = _probe(page, tmp_path)[0]
    assert first["name"] == "decisions-per-year"
    try:
        png = browser.screenshot(page, tmp_path / "shot.png", width=1280, height=1200)
    except TimeoutError as e:  # pragma: no cover
        pytest.skip(f"chromium took too long: {e}")
    with Image.open(png) as img:
        rgb = img.convert("RGB")
        box = (int(first["x"]), int(first["y"]), int(first["x"] + first["width"]),
               int(first["y"] + first["height"]))
        raw = rgb.crop(box).tobytes()
        pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    inked = sum(1 for p in pixels if sum(p) < 720)  # not white
    assert inked > 0.05 * len(pixels), f"chart area nearly blank: {inked}/{len(pixels)}"
    approved = tuple(int(htmlreport.STATUS_COLOURS["approved"][i:i + 2], 16) for i in (1, 3, 5))
    assert sum(1 for p in pixels if all(abs(a - b) < 12 for a, b in zip(p, approved,
                                                                        strict=True))) > 200
