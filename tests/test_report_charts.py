"""The SVG charts of the report: proportional, signed, escaped, and visibly empty."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from orchestration.reporting.model import Label
from orchestration.reporting.svg import Bar, bar_chart, grouped_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def rects(svg: str) -> list[dict[str, str]]:
    return [rect.attrib for rect in ElementTree.fromstring(svg).iter(f"{SVG}rect")]


def test_bar_lengths_are_proportional_to_values():
    svg = bar_chart("k", "t", [Bar("a", 10), Bar("b", 40), Bar("c", 20)])
    widths = [float(rect["width"]) for rect in rects(svg)]
    assert widths[1] == max(widths)
    assert widths[0] * 4 == widths[1] and widths[2] * 2 == widths[1]


def test_negative_values_grow_left_of_the_zero_line():
    svg = bar_chart("roi", "t", [Bar("loss", -1.0), Bar("gain", 3.0)])
    loss, gain = rects(svg)
    assert float(loss["x"]) + float(loss["width"]) == float(gain["x"])
    assert loss["fill"] != gain["fill"]


def test_labels_from_data_cannot_inject_markup():
    svg = bar_chart("k", "<title>", [Bar('</text><script>alert("x")</script>', 1.0)])
    assert "<script>" not in svg
    ElementTree.fromstring(svg)


def test_empty_data_still_draws_a_chart_that_says_so():
    svg = bar_chart("waterfall", "t", [], empty_message="no stage entries")
    assert 'data-chart="waterfall"' in svg and "no stage entries" in svg


def test_grouped_bars_share_one_scale_across_series():
    svg = grouped_bar_chart("k", "t", ["web", "event"], {"spend": [50.0, 100.0], "won": [200.0, 0.0]})
    # drawn category by category: web spend, web won, event spend, event won
    web_spend, web_won, event_spend, _ = (float(r["height"]) for r in rects(svg) if r.get("class") == "bar")
    assert web_won == 4 * web_spend and event_spend == 2 * web_spend
    assert len(re.findall('class="legend"', svg)) == 2


def test_bilingual_labels_carry_both_languages_for_the_page_switch():
    svg = bar_chart("waterfall", "t", [Bar(Label("Won", "受注"), 3.0)])
    spans = {span.get("class"): span.text for span in ElementTree.fromstring(svg).iter(f"{SVG}tspan")}
    assert spans == {"en": "Won", "ja": "受注"}
