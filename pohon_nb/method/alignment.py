"""Alignment from national to unit: the national and provincial references a condition serves.

The optional ``pohon`` columns ``acuan_nasional`` (an RPJMN target or national priority
indicator) and ``acuan_provinsi`` (a target of the province's RPJMD) say which higher plan a
Pemda or OPD goal supports; several references are separated by ";". Evaluators ask for this
link under criterion 1.b.8 (cascading from the national level to the work unit).
"""

from __future__ import annotations

import pandas as pd

from ..reading.model import Pemda

REFERENCE_COLUMNS = ("acuan_nasional", "acuan_provinsi")
ALIGNED_LEVELS = ("ultimate", "intermediate")

ALIGNMENT_COLUMNS = ["id", "level", "pernyataan", "kode_opd", "acuan_nasional", "acuan_provinsi"]
SUPPORT_COLUMNS = ["acuan_nasional", "kondisi", "jumlah_kondisi", "opd", "jumlah_opd"]


def references_used(pemda: Pemda) -> bool:
    """Whether the workbook fills ``acuan_nasional`` on any condition."""
    return any(pemda.node(n).get("acuan_nasional") for n in pemda.tree)


def split(value) -> list[str]:
    """The references of one cell: ";"-separated, trimmed, blanks left out."""
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def alignment(pemda: Pemda) -> pd.DataFrame:
    """The ultimate and intermediate conditions with the references they carry (blank: none)."""
    records = [{
        "id": n, "level": pemda.level(n), "pernyataan": pemda.node(n).get("pernyataan"),
        "kode_opd": pemda.node(n).get("kode_opd"),
        "acuan_nasional": "; ".join(split(pemda.node(n).get("acuan_nasional"))),
        "acuan_provinsi": "; ".join(split(pemda.node(n).get("acuan_provinsi"))),
    } for n in pemda.tree_order() if pemda.level(n) in ALIGNED_LEVELS]
    return pd.DataFrame(records, columns=ALIGNMENT_COLUMNS)


def national_support(pemda: Pemda) -> pd.DataFrame:
    """Each national reference the Pemda supports: the conditions that carry it and the OPDs
    through which (the owners of those conditions and of every condition in their branches),
    in the order the references first appear in the tree."""
    carriers: dict[str, list[str]] = {}
    for node_id in pemda.tree_order():
        for reference in split(pemda.node(node_id).get("acuan_nasional")):
            carriers.setdefault(reference, []).append(node_id)
    records = []
    for reference, nodes in carriers.items():
        branch = [m for n in nodes for m in [n, *pemda.descendants(n)]]
        opds = list(dict.fromkeys(pemda.node(m).get("kode_opd") for m in branch
                                  if pemda.node(m).get("kode_opd")))
        records.append({"acuan_nasional": reference, "kondisi": ";".join(nodes),
                        "jumlah_kondisi": len(nodes), "opd": ";".join(opds), "jumlah_opd": len(opds)})
    return pd.DataFrame(records, columns=SUPPORT_COLUMNS)


def pemda_goals_without_reference(pemda: Pemda) -> list[str]:
    """Pemda-level goals (ultimate or intermediate conditions without an OPD) that carry no
    national reference, when the workbook uses the column at all (else none: not yet asked)."""
    if not references_used(pemda):
        return []
    return [n for n in pemda.tree_order() if pemda.level(n) in ALIGNED_LEVELS
            and not pemda.node(n).get("kode_opd") and not split(pemda.node(n).get("acuan_nasional"))]
