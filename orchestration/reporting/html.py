"""The report page: one self-contained HTML file with a tab per region and both languages.

Nothing is fetched when the page opens (no fonts, scripts or styles from the internet). The
small inline script only switches tabs and language; without it every region is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from orchestration.reporting.model import Block, Label, Table

_STYLE = """
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 24px; color: #222; }
header p { color: #555; margin: 2px 0; }
nav button { margin: 0 4px 8px 0; padding: 4px 12px; border: 1px solid #2f6db5; background: #fff; }
nav button.active { background: #2f6db5; color: #fff; }
section.region { border-top: 2px solid #2f6db5; margin-top: 12px; }
section.topic { margin: 18px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; }
td.number { text-align: right; }
svg.chart { display: block; margin: 8px 0; font-size: 12px; }
svg.chart text.empty { fill: #777; }
.js section.region { display: none; }
.js section.region.active { display: block; }
.js.lang-en .ja, .js.lang-ja .en { display: none; }
p.missing { color: #b8463f; }
"""

_SCRIPT = """
(function () {
  var root = document.documentElement;
  root.classList.add("js", "lang-" + (root.getAttribute("lang") || "en"));
  function show(region) {
    document.querySelectorAll("section.region").forEach(function (panel) {
      panel.classList.toggle("active", panel.dataset.region === region);
    });
    document.querySelectorAll("nav button[data-region]").forEach(function (button) {
      button.classList.toggle("active", button.dataset.region === region);
    });
  }
  document.querySelectorAll("nav button[data-region]").forEach(function (button) {
    button.addEventListener("click", function () { show(button.dataset.region); });
  });
  document.querySelectorAll("nav button[data-lang]").forEach(function (button) {
    button.addEventListener("click", function () {
      root.classList.remove("lang-en", "lang-ja");
      root.classList.add("lang-" + button.dataset.lang);
      root.setAttribute("lang", button.dataset.lang);
    });
  });
  show(root.dataset.defaultRegion);
})();
"""


@dataclass(frozen=True)
class TopicPage:
    key: str
    title: Label
    blocks: Sequence[Block]
    missing: Sequence[str] = ()
    """Relations the topic needs that the publication lacks."""


@dataclass(frozen=True)
class RegionPage:
    code: str
    label: Label
    topics: Sequence[TopicPage]


def _label(label: Label) -> str:
    return f'<span class="en">{escape(label.en)}</span><span class="ja" lang="ja">{escape(label.ja)}</span>'


def _cell(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return f"<td>{'' if value is None else escape(str(value))}</td>"
    if isinstance(value, int | float):
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
        return f'<td class="number">{text}</td>'
    return f"<td>{escape(str(value))}</td>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{_label(column)}</th>" for column in table.columns)
    body = "".join("<tr>" + "".join(_cell(value) for value in row) + "</tr>" for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _topic(topic: TopicPage) -> str:
    parts = [f'<section class="topic" data-topic="{escape(topic.key)}"><h2>{_label(topic.title)}</h2>']
    if topic.missing:
        parts.append(f'<p class="missing">not published / 未公開: {escape(", ".join(topic.missing))}</p>')
    for block in topic.blocks:
        parts.append(f"<h3>{_label(block.title)}</h3>")
        if block.chart:
            parts.append(block.chart)
        if block.table is not None:
            parts.append(_table(block.table))
    parts.append("</section>")
    return "".join(parts)


def render_page(
    pages: Sequence[RegionPage],
    *,
    team: str,
    default_region: str,
    language: str,
    as_of: str,
    built_at: datetime,
) -> str:
    buttons = "".join(
        f'<button type="button" data-region="{escape(page.code)}">{_label(page.label)}</button>'
        for page in pages
    )
    regions = "".join(
        f'<section class="region" data-region="{escape(page.code)}"><h1>{_label(page.label)}</h1>'
        + "".join(_topic(topic) for topic in page.topics)
        + "</section>"
        for page in pages
    )
    return (
        f'<!DOCTYPE html><html lang="{escape(language)}" data-default-region="{escape(default_region)}">'
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>leadflow report ({escape(team)})</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>leadflow {_label(Label('lead report', 'リードレポート'))}</h1>"
        f"<p>{_label(Label('Team', 'チーム'))}: {escape(team)} · "
        f"{_label(Label('Data as of', 'データ基準時刻'))}: {escape(as_of)} · "
        f"{_label(Label('Built', '作成'))}: {escape(built_at.isoformat(timespec='seconds'))}</p></header>"
        f'<nav>{buttons} <button type="button" data-lang="en">English</button>'
        f'<button type="button" data-lang="ja">日本語</button></nav>'
        f"{regions}<script>{_SCRIPT}</script></body></html>"
    )
