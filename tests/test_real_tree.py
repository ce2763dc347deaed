"""A real published tree (BSSN Renstra 2025-2029) in the workbook form loads without errors.

The tree nests intermediate outcomes two deep, shares immediate outcomes between units
("D3 D4"), and has no targets, polarity or formula: those gaps must come out as warnings.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import SHARED, write_xlsx

from pohon_nb.checks import validate

REAL = SHARED / "real" / "bssn_pohon_kinerja_2025_2029.json"
LEVELS = {"UO": "ultimate", "IntO_L1": "intermediate", "IntO_L2": "intermediate",
          "ImmO_L3": "immediate"}

pytestmark = pytest.mark.skipif(not REAL.exists(), reason=f"{REAL} tidak ada (shared/ tidak tersedia)")


def bssn_tables() -> dict[str, list[dict]]:
    nodes = json.loads(REAL.read_text(encoding="utf-8"))["nodes"]
    pohon, indikator = [], []
    for node in nodes:
        level = LEVELS[node["level_type"]]
        pohon.append({
            "id": node["code"], "induk": node["parent_code"], "level": level,
            "pernyataan": node["title"], "kode_opd": None if level == "ultimate" else "BSSN",
            "keterangan": node["source_page"],
        })
        for k, ind in enumerate(node["indicators"], start=1):
            indikator.append({
                "id": f"{node['code']}/{ind['code'] or k}", "id_pohon": node["code"],
                "nama": ind["name"], "satuan": ind["satuan"], "polaritas": None,
                "penanggung_jawab": ind["unit_owner"],
            })
    return {
        "pemda": [{"kode_pemda": "BSSN", "nama_pemda": "Badan Siber dan Sandi Negara",
                   "periode_awal": 2025, "periode_akhir": 2029}],
        "opd": [{"kode_opd": "BSSN", "nama_opd": "Badan Siber dan Sandi Negara"}],
        "pohon": pohon,
        "indikator": indikator,
    }


def test_real_tree_loads_without_errors_and_its_gaps_are_warnings(tmp_path):
    tables = bssn_tables()
    pemda, findings = validate(write_xlsx(tables, tmp_path / "bssn.xlsx"))
    assert [f for f in findings if f.severity == "error"] == []
    assert pemda.tree.number_of_nodes() == 24
    assert sum(len(n["indicators"]) for n in json.loads(REAL.read_text())["nodes"]) == 119
    codes = Counter(f.code for f in findings)
    # No polarity on any of the 119 indicators, no target on any: one warning each.
    assert codes["S16"] == 119 and codes["M18"] == 119
    assert all(f.column == "polaritas" for f in findings if f.code == "S16")
    # Intermediate outcomes nested under intermediate outcomes are accepted.
    assert "S11" not in codes and "M09" not in codes
    assert pemda.level("Int.O.1.1") == pemda.level("Int.O.1") == "intermediate"
    # Shared owners stay as typed.
    owners = set(pemda.indikator["penanggung_jawab"].dropna())
    assert "D3 D4" in owners
