"""Charts as inline SVG, written by hand: no library, no script, no remote resource.

Each function returns one ``<svg>`` element as a string, with explicit ``width``/``height``
(so it has its size before any style sheet), a ``viewBox`` (so it scales down when printed),
``role="img"`` and a ``<title>`` for screen readers, and ``class="chart"`` plus
``data-chart=NAME`` for the tests that look at it in a browser.

Text widths are estimated (:data:`CHAR_WIDTH` per character at :data:`FONT_SIZE`): good enough
to size the label column, and the labels are cut with "…" where they would not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

FONT_SIZE = 12
CHAR_WIDTH = 6.6  # average width of a character at FONT_SIZE in a sans-serif font
BAR_HEIGHT = 16
BAR_GAP = 6
LABEL_MAX_CHARS = 34
PALETTE = ("#1b6ca8", "#e07b24", "#3a9d5d", "#b8405e", "#7a5aa6", "#8c8c8c")


def _attr(v: object) -> str:
    return escape(str(v), quote=True)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _cut(text: str, limit: int = LABEL_MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open(name: str, title: str, width: float, height: float) -> list[str]:
    return [f'<svg class="chart" data-chart="{_attr(name)}" '
            f'role="img" width="{_num(width)}" height="{_num(height)}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" font-size="{FONT_SIZE}">',
            f"<title>{escape(title)}</title>"]


LEGEND_LINE = 16


def _legend(series: Sequence[tuple[str, str]], x: float, y: float, width: float
            ) -> tuple[list[str], float]:
    """Legend entries from (x, y), wrapped at ``width``; returns them and the height used."""
    out = []
    x0, lines = x, 1
    for name, colour in series:
        w = 14 + CHAR_WIDTH * len(name) + 14
        if x > x0 and x + w > width:
            x, y, lines = x0, y + LEGEND_LINE, lines + 1
        out.append(f'<rect x="{_num(x)}" y="{_num(y - 9)}" width="10" height="10" '
                   f'fill="{_attr(colour)}"/>')
        out.append(f'<text x="{_num(x + 14)}" y="{_num(y)}">{escape(name)}</text>')
        x += w
    return out, lines * LEGEND_LINE


def stacked_bars(name: str, title: str, rows: Sequence[tuple[str, Sequence[float]]],
                 series: Sequence[tuple[str, str]], *, width: float = 520,
                 legend: bool = True) -> str:
    """Horizontal bars, one per row, each stacked from the row's values (one per series),
    the total at the end; a legend on top when there is more than one series (and
    ``legend``)."""
    labels = [_cut(label) for label, _ in rows]
    label_w = min(max((len(s) for s in labels), default=4), LABEL_MAX_CHARS) * CHAR_WIDTH + 10
    keys, key_h = _legend(series, label_w, 13, width) if legend and len(series) > 1 else ([], 0)
    top = key_h + 6 if keys else 4
    height = top + len(rows) * (BAR_HEIGHT + BAR_GAP) + 4
    total_max = max((sum(v) for _, v in rows), default=0) or 1
    bar_w = width - label_w - 40
    out = _open(name, title, width, height)
    out += keys
    for i, (label, (_, values)) in enumerate(zip(labels, rows, strict=True)):
        y = top + i * (BAR_HEIGHT + BAR_GAP)
        out.append(f'<text x="{_num(label_w - 6)}" y="{_num(y + BAR_HEIGHT - 4)}" '
                   f'text-anchor="end">{escape(label)}</text>')
        x = label_w
        for v, (sname, colour) in zip(values, series, strict=True):
            if v <= 0:
                continue
            w = bar_w * v / total_max
            out.append(f'<rect class="bar" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" '
                       f'height="{BAR_HEIGHT}" fill="{_attr(colour)}">'
                       f"<title>{escape(label)}: {escape(sname)} {_num(v)}</title></rect>")
            x += w
        out.append(f'<text x="{_num(x + 4)}" y="{_num(y + BAR_HEIGHT - 4)}" '
                   f'fill="#444">{_num(sum(values))}</text>')
    out.append("</svg>")
    return "".join(out)


def columns(name: str, title: str, categories: Sequence[str],
            values: Sequence[Sequence[float]], series: Sequence[tuple[str, str]], *,
            width: float = 520, height: float = 220, grouped: bool = False) -> str:
    """Vertical columns, one group per category (a year): the series stacked, or with
    ``grouped`` side by side (for series that do not add up)."""
    bottom, left = 22, 30
    keys, key_h = _legend(series, left, 13, width)
    top = key_h + 20  # the legend, then room for the value above the tallest column
    plot_h = height - top - bottom
    n = max(len(categories), 1)
    slot = (width - left - 8) / n
    col_w = min(22.0 * len(series), slot * 0.8) if grouped else min(56.0, slot * 0.6)
    bar_w = col_w / max(len(series), 1) if grouped else col_w
    vmax = max((max(v, default=0) if grouped else sum(v) for v in values), default=0) or 1
    out = _open(name, title, width, height)
    out += keys
    base = top + plot_h
    out.append(f'<line x1="{left}" y1="{_num(base)}" x2="{_num(width - 4)}" y2="{_num(base)}" '
               f'stroke="#999"/>')
    for i, (cat, vals) in enumerate(zip(categories, values, strict=True)):
        cx = left + slot * i + slot / 2
        y = base
        for k, (v, (sname, colour)) in enumerate(zip(vals, series, strict=True)):
            h = plot_h * v / vmax
            x = cx - col_w / 2 + (k * bar_w if grouped else 0)
            if grouped:
                y = base - h
                out.append(f'<text x="{_num(x + bar_w / 2)}" y="{_num(y - 4)}" '
                           f'text-anchor="middle" fill="#444">{_num(v)}</text>')
            else:
                y -= h
            if v > 0:
                out.append(f'<rect class="bar" x="{_num(x)}" y="{_num(y)}" '
                           f'width="{_num(bar_w)}" height="{_num(h)}" fill="{_attr(colour)}">'
                           f"<title>{escape(cat)}: {escape(sname)} {_num(v)}</title></rect>")
        if not grouped:
            out.append(f'<text x="{_num(cx)}" y="{_num(y - 4)}" text-anchor="middle" '
                       f'fill="#444">{_num(sum(vals))}</text>')
        out.append(f'<text x="{_num(cx)}" y="{_num(base + 15)}" text-anchor="middle">'
                   f"{escape(cat)}</text>")
    out.append("</svg>")
    return "".join(out)


def diverging(name: str, title: str, rows: Sequence[tuple[str, float]], *,
              width: float = 520, positive: str = "#3a9d5d", negative: str = "#b8405e",
              unit: str = "") -> str:
    """Bars left (negative) and right (positive) of a middle line: terms that rose and fell."""
    labels = [_cut(label, 24) for label, _ in rows]
    height = 4 + len(rows) * (BAR_HEIGHT + BAR_GAP) + 4
    vmax = max((abs(v) for _, v in rows), default=0) or 1
    mid = width / 2
    half = mid - 8 - 24 * CHAR_WIDTH * 0.5
    out = _open(name, title, width, height)
    out.append(f'<line x1="{_num(mid)}" y1="0" x2="{_num(mid)}" y2="{_num(height)}" '
               f'stroke="#999"/>')
    for i, (label, (_, v)) in enumerate(zip(labels, rows, strict=True)):
        y = 4 + i * (BAR_HEIGHT + BAR_GAP)
        w = half * abs(v) / vmax
        x = mid if v >= 0 else mid - w
        colour = positive if v >= 0 else negative
        out.append(f'<rect class="bar" x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 1))}" '
                   f'height="{BAR_HEIGHT}" fill="{colour}"><title>{escape(label)}: '
                   f"{v:+.1f}{escape(unit)}</title></rect>")
        if v >= 0:
            out.append(f'<text x="{_num(mid - 6)}" y="{_num(y + BAR_HEIGHT - 4)}" '
                       f'text-anchor="end">{escape(label)}</text>')
            out.append(f'<text x="{_num(x + w + 4)}" y="{_num(y + BAR_HEIGHT - 4)}" '
                       f'fill="#444">{v:+.0f}{escape(unit)}</text>')
        else:
            out.append(f'<text x="{_num(mid + 6)}" y="{_num(y + BAR_HEIGHT - 4)}">'
                       f"{escape(label)}</text>")
            out.append(f'<text x="{_num(x - 4)}" y="{_num(y + BAR_HEIGHT - 4)}" '
                       f'text-anchor="end" fill="#444">{v:+.0f}{escape(unit)}</text>')
    out.append("</svg>")
    return "".join(out)
