"""The pay chart: text alternatives, escaping, and colours that meet WCAG 2.1 AA."""

from __future__ import annotations

import re

import pytest

from jdgen.architecture.pay import PayView
from jdgen.site.charts import CONTRAST_PAIRS, PALETTE, Bar, chart_groups, contrast_ratio, has_figures, pay_chart
from jdgen.site.templates import site_templates


@pytest.mark.parametrize("a, b, ratio", [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0),
                                         ("#777777", "#ffffff", 4.48), ("#767676", "#ffffff", 4.54)])
def test_contrast_ratio_is_wcag_21s(a, b, ratio):
    assert round(contrast_ratio(a, b), 2) == ratio
    assert contrast_ratio(a, b) == contrast_ratio(b, a)


@pytest.mark.parametrize("first, second, needed", CONTRAST_PAIRS)
def test_every_pair_that_meets_on_screen_passes_aa(first, second, needed):
    assert contrast_ratio(PALETTE[first], PALETTE[second]) >= needed, (first, second)


def test_the_stylesheet_uses_the_palette():
    css = (site_templates() / "site.css").read_text()
    declared = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", css))
    for name, colour in PALETTE.items():
        assert declared[name.replace("_", "-")] == colour, name


def band(low, high, median=None, currency="USD", basis="year"):
    return PayView("recorded", currency=currency, basis=basis, min=low, max=high, median=median)


def test_the_chart_has_a_title_a_description_and_one_bar_per_level():
    bars = [Bar("P1 <Entry>", band(98000, 122000)), Bar("P2", band(112000, 138000, 125000))]
    svg = pay_chart(bars, "USD", "year", "chart-1", "Pay & bands")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="pay-chart" role="img" width="720" '
                          'height="124" viewBox="0 0 720 124" aria-labelledby="chart-1-title chart-1-desc">')
    assert '<title id="chart-1-title">Pay &amp; bands: USD per year</title>' in svg
    assert ('<desc id="chart-1-desc">P1 &lt;Entry&gt;: range $98,000–$122,000 USD per year; '
            "P2: median $125,000 (range $112,000–$138,000) USD per year.</desc>") in svg
    assert svg.count(f'fill="{PALETTE["band"]}"') == 2 and svg.count(f'stroke="{PALETTE["median_outline"]}"') == 1
    assert ">$100,000<" in svg and ">$140,000<" in svg  # round ticks around the figures
    assert "<Entry>" not in svg


def test_no_figures_no_bar():
    assert not has_figures(PayView("pending")) and not has_figures(PayView("not_recorded")) and not has_figures(None)
    assert not has_figures(PayView("recorded", currency="USD", basis="year"))
    assert has_figures(band(1, 2))


def test_one_chart_per_currency_and_period():
    bars = [Bar("P1", band(1, 2)), Bar("P2", band(1, 2, currency="EUR")), Bar("P3", band(3, 4)),
            Bar("P4", band(10, 20, basis="hour"))]
    assert [(c, b, [x.label for x in members]) for c, b, members in chart_groups(bars)] == [
        ("USD", "year", ["P1", "P3"]), ("EUR", "year", ["P2"]), ("USD", "hour", ["P4"])]
