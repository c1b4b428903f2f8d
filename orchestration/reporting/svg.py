"""Charts as inline SVG, drawn in Python.

The report must open from a mail attachment or a file share without internet, so it carries no
chart library at all: every chart is plain SVG markup computed here, which any browser renders
and which a test can count and inspect (`svg.chart[data-chart=...]`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from orchestration.reporting.model import Label

PALETTE = ("#2f6db5", "#e08a2c", "#3f9a5a", "#b8463f", "#7b5ea7", "#5f7f8f")
_ROW_HEIGHT = 26
_LABEL_WIDTH = 330
_PLOT_WIDTH = 420
_VALUE_WIDTH = 150


@dataclass(frozen=True)
class Bar:
    label: str | Label
    """A Label is drawn in both languages; the page's language switch hides one."""
    value: float
    note: str = ""
    """Printed after the value, e.g. the conversion to the next stage."""


def _text(label: str | Label) -> str:
    if isinstance(label, Label):
        return f'<tspan class="en">{escape(label.en)}</tspan><tspan class="ja">{escape(label.ja)}</tspan>'
    return escape(label)


def _plain(label: str | Label) -> str:
    return escape(label.both() if isinstance(label, Label) else label)


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}"


def _open_svg(key: str, title: str, width: int, height: int) -> str:
    return (
        f'<svg class="chart" data-chart="{escape(key)}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        f"<title>{escape(title)}</title>"
    )


def empty_chart(key: str, title: str, message: str) -> str:
    """A chart with nothing to draw still appears, saying why, so a region without data is
    visibly empty rather than silently missing."""
    width = _LABEL_WIDTH + _PLOT_WIDTH + _VALUE_WIDTH
    return (
        _open_svg(key, title, width, 40) + f'<text class="empty" x="8" y="24">{escape(message)}</text></svg>'
    )


def bar_chart(
    key: str,
    title: str,
    bars: Sequence[Bar],
    *,
    value_format: Callable[[float], str] = _number,
    empty_message: str = "no data",
) -> str:
    """Horizontal bars, one per row, scaled to the largest absolute value; negative values
    (a loss-making ROI) grow left from a zero line."""
    if not bars:
        return empty_chart(key, title, empty_message)
    width = _LABEL_WIDTH + _PLOT_WIDTH + _VALUE_WIDTH
    height = _ROW_HEIGHT * len(bars) + 8
    low = min(0.0, *(bar.value for bar in bars))
    high = max(0.0, *(bar.value for bar in bars))
    span = (high - low) or 1.0
    zero_x = _LABEL_WIDTH + _PLOT_WIDTH * (-low / span)
    parts = [_open_svg(key, title, width, height)]
    for index, bar in enumerate(bars):
        y = 4 + index * _ROW_HEIGHT
        length = _PLOT_WIDTH * abs(bar.value) / span
        x = zero_x if bar.value >= 0 else zero_x - length
        label = f"{value_format(bar.value)} {bar.note}".strip()
        colour = PALETTE[0] if bar.value >= 0 else PALETTE[3]
        parts.append(
            f'<g class="bar"><text class="label" x="{_LABEL_WIDTH - 6}" y="{y + 17}" text-anchor="end">'
            f"{_text(bar.label)}</text>"
            f'<rect x="{x:.1f}" y="{y + 3}" width="{max(length, 1):.1f}" height="{_ROW_HEIGHT - 8}" '
            f'fill="{colour}"><title>{_plain(bar.label)}: {escape(label)}</title></rect>'
            f'<text class="value" x="{_LABEL_WIDTH + _PLOT_WIDTH + 6}" y="{y + 17}">'
            f"{escape(label)}</text></g>"
        )
    parts.append(f'<line x1="{zero_x:.1f}" x2="{zero_x:.1f}" y1="2" y2="{height - 2}" stroke="#888"/></svg>')
    return "".join(parts)


def grouped_bar_chart(
    key: str,
    title: str,
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    value_format: Callable[[float], str] = _number,
    empty_message: str = "no data",
) -> str:
    """Vertical bars grouped by category, one colour per series, with a legend: spend next to
    won revenue per channel reads at a glance."""
    if not categories or not series:
        return empty_chart(key, title, empty_message)
    group_width = max(60, 520 // len(categories))
    bar_width = max(6, (group_width - 14) // len(series))
    plot_height, top, bottom = 200, 28, 46
    width = 60 + group_width * len(categories)
    height = top + plot_height + bottom
    high = max((value for values in series.values() for value in values), default=0.0) or 1.0
    parts = [_open_svg(key, title, max(width, 320), height)]
    for index, name in enumerate(series):
        parts.append(
            f'<g class="legend"><rect x="{60 + index * 130}" y="6" width="12" height="12" '
            f'fill="{PALETTE[index % len(PALETTE)]}"/>'
            f'<text x="{76 + index * 130}" y="17">{escape(name)}</text></g>'
        )
    for group, category in enumerate(categories):
        left = 60 + group * group_width
        for index, values in enumerate(series.values()):
            value = max(values[group], 0.0)
            bar_height = plot_height * value / high
            x = left + 4 + index * bar_width
            parts.append(
                f'<rect class="bar" x="{x}" y="{top + plot_height - bar_height:.1f}" width="{bar_width - 2}" '
                f'height="{max(bar_height, 0.5):.1f}" fill="{PALETTE[index % len(PALETTE)]}">'
                f"<title>{escape(category)}: {escape(value_format(values[group]))}</title></rect>"
            )
        parts.append(
            f'<text class="label" x="{left + group_width / 2:.1f}" y="{top + plot_height + 16}" '
            f'text-anchor="middle">{escape(category)}</text>'
        )
    parts.append(
        f'<text class="axis" x="4" y="{top + 10}">{escape(value_format(high))}</text>'
        f'<line x1="56" x2="{width}" y1="{top + plot_height}" y2="{top + plot_height}" stroke="#888"/></svg>'
    )
    return "".join(parts)
