"""A real published tree (BSSN Renstra 2025-2029) in the workbook form loads without errors.

The tree nests intermediate outcomes two deep, shares immediate outcomes between units
("D3 D4"), and has no targets, polarity or formula: those gaps must come out as warnings.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import write_xlsx
from workbooks import BSSN, bssn_tables

from pohon_nb.method.checks import validate

REAL = BSSN

pytestmark = pytest.mark.skipif(not REAL.exists(), reason=f"{REAL} tidak ada (shared/ tidak tersedia)")


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


def bssn_unit_tables() -> dict[str, list[dict]]:
    """The same tree with its units as owners: each condition below the top goes to the first
    unit named on its first indicator (deputies own intermediate outcomes, directorates the
    immediate ones), as a ministry's tree is split among its units."""
    tables = bssn_tables()
    owners = {}
    for row in tables["indikator"]:
        unit = (row.get("penanggung_jawab") or "").split(" ")[0]
        owners.setdefault(row["id_pohon"], unit or None)
    units = []
    for row in tables["pohon"]:
        if row["level"] != "ultimate" and row["id"] not in ("Int.O.1", "Int.O.2"):
            row["kode_opd"] = owners.get(row["id"]) or "BSSN"
        if row.get("kode_opd") and row["kode_opd"] not in units:
            units.append(row["kode_opd"])
    tables["opd"] = [{"kode_opd": u, "nama_opd": f"Unit {u}"} for u in units]
    return tables


def test_units_owning_only_immediate_outcomes_are_tied_to_the_ultimate_outcome(tmp_path):
    # Before the fix, M10 fired for every unit without an intermediate outcome of its own,
    # although its immediate outcomes reach the ultimate outcome through a deputy's.
    tables = bssn_unit_tables()
    pemda, findings = validate(write_xlsx(tables, tmp_path / "bssn_unit.xlsx"))
    assert [f for f in findings if f.severity == "error"] == []
    owners = {pemda.node(n).get("kode_opd") for n in pemda.tree if pemda.level(n) == "immediate"}
    assert len(owners) >= 8
    assert [f.ref for f in findings if f.code == "M10"] == []
    # A unit listed in the opd sheet with no condition at all is still reported.
    tables["opd"].append({"kode_opd": "PUSAT-X", "nama_opd": "Pusat tanpa kondisi"})
    _, findings = validate(write_xlsx(tables, tmp_path / "bssn_unit2.xlsx"))
    assert [f.ref for f in findings if f.code == "M10"] == ["PUSAT-X"]
