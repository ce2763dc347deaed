"""Numbers as a government reader expects them: years, shares, percentages, values, counts."""

from __future__ import annotations

import pandas as pd
import pytest

from pohon_nb.core import formats
from pohon_nb.method.achievement import get_scale
from pohon_nb.nb.display import table


@pytest.mark.parametrize("column,value,shown", [
    ("tahun_baseline", 2024.0, "2024"),          # not "2.024"
    ("tahun", 2025, "2025"),
    ("cakupan", 1.0, "100,0%"), ("cakupan", 0.8, "80,0%"),  # one decimal, as 72,2% beside it
    ("bobot", 0.25, "25,0%"),                    # not "0,2"
    ("baseline", 93.65, "93,65"),                # not "93,7"
    ("target", 1500000, "1.500.000"),
    ("capaian", 101.666, "101,7"), ("capaian_2025", 99.95, "100,0"),
    ("kontribusi", 5.173, "5,2"),
    ("indikator", 1234, "1.234"), ("total", 14.0, "14"),
    ("capaian", None, ""), ("baseline", float("nan"), ""),
])
def test_each_kind_of_number(column, value, shown):
    assert formats.number(column, value) == shown


def test_tables_use_the_formats_in_html_and_text():
    frame = pd.DataFrame({"tahun_baseline": [2024.0], "cakupan": [0.8], "baseline": [93.65],
                          "bobot": [0.25], "capaian_sendiri": [101.666]})
    shown = table(frame)
    text = repr(shown)
    for expected in ("2024", "80,0%", "93,65", "25,0%", "101,7"):
        assert expected in text and expected in shown._repr_html_()
    assert "2.024" not in text and "0,2 " not in text
    # an object column holding numbers (None mixed in) is formatted too
    mixed = table(pd.DataFrame({"baseline": [93.65, None]}, dtype=object))
    assert "93,65" in repr(mixed) and "93.65" not in mixed._repr_html_()


def test_scales_are_shown_by_their_label():
    assert get_scale("lima_tingkat").title.startswith("lima tingkat (Sangat Baik")
