"""How numbers read to a government reader: one table of column kinds, one function each.

* years are written as years ("2024", never "2.024");
* shares kept as fractions (``cakupan``, ``bobot``) are shown as percentages ("80%");
* achievement and other percentages keep one decimal ("101,7");
* measured values (targets, realisations, baselines, budgets) keep up to two decimals, as
  typed ("93,65", "1.500.000");
* counts are whole numbers with a thousands point ("1.234").

Numbers use the Indonesian decimal comma (:func:`pohon_nb.findings.number_text`).
"""

from __future__ import annotations

import re

from .findings import number_text

YEARS = {"tahun", "tahun_baseline", "periode_awal", "periode_akhir"}
FRACTIONS = {"cakupan", "bobot"}
PERCENTS = {"capaian", "capaian_sendiri", "capaian_cabang", "serapan", "efisiensi",
            "skor_smart", "skor_cream", "sisa_anggaran_target_tercapai", "kesenjangan", "skor",
            "kontribusi"}
COUNTS = {"kondisi", "indikator", "indikator_berdata", "iku", "galat", "peringatan", "info",
          "permintaan_tertunda", "jumlah", "peringkat", "peringkat_usg", "diminta", "meminta",
          "usulan", "disetujui", "ditolak", "kedalaman", "usg_u", "usg_s", "usg_g", "total",
          "total_usg", "jumlah_penilai", "row"}
_PERCENT_YEAR = re.compile(r"^capaian_\d{4}$")


def kind(column: str) -> str:
    """The kind of a column: year, fraction, percent, count or value."""
    if column in YEARS:
        return "year"
    if column in FRACTIONS:
        return "fraction"
    if column in PERCENTS or _PERCENT_YEAR.match(column):
        return "percent"
    if column in COUNTS:
        return "count"
    return "value"


def number(column: str, value) -> str:
    """A number of ``column`` as a reader sees it; "" for a missing value."""
    if value is None or value != value:  # None or NaN
        return ""
    value = float(value)
    shape = kind(column)
    if shape == "year":
        return str(int(value)) if value.is_integer() else str(value)
    if shape == "fraction":
        return f"{number_text(round(value * 100, 1))}%"
    if shape == "percent":
        return number_text(round(value, 1))
    if shape == "count":
        return number_text(round(value))
    return number_text(round(value, 2))
