"""Which errors stop what: the whole workbook, the Pemda overview, or one OPD.

A facilitator with 30 OPDs needs the 29 sound ones tonight. An error is placed by the rows
it sits on:

- **the whole workbook** (nothing runs): a file that cannot be read (S01), a missing
  required sheet or column (S02, S03), any error in the ``pemda`` sheet, an error with no
  row, and a cycle whose conditions or problems belong to more than one owner;
- **one OPD** (its notebooks do not run, the others do): an error on a row that belongs to
  an OPD of the ``opd`` sheet: its row in ``opd``, its conditions in ``pohon``, their
  indicators, budget lines and assessments, its problems, its crosscutting requests;
- **the Pemda overview** (the overview does not run, the OPDs do): an error on any other
  row: a Pemda-level condition (no ``kode_opd``) or its indicators, a row whose owner is
  not in the ``opd`` sheet, a row that names nothing that exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..core.findings import Finding
from ..reading.model import Pemda

WORKBOOK_CODES = {"S01", "S02", "S03", "S13", "S14", "S18"}
CYCLE_CODES = {"S06", "S07"}


@dataclass
class Blocking:
    """Errors sorted by what they stop."""

    workbook: list[Finding] = field(default_factory=list)
    overview: list[Finding] = field(default_factory=list)
    opd: dict[str, list[Finding]] = field(default_factory=dict)

    def blocks(self, kode_opd: str | None) -> list[Finding]:
        """The errors that stop an OPD's notebooks (``None``: the Pemda overview)."""
        own = self.overview if kode_opd is None else self.opd.get(kode_opd, [])
        return [*self.workbook, *own]

    @property
    def blocked_opds(self) -> list[str]:
        return [code for code, errors in self.opd.items() if errors]


def classify(pemda: Pemda, findings: list[Finding]) -> Blocking:
    """Sort the error findings of ``pemda`` by what they stop (see the module docstring)."""
    codes = set(pemda.opd_codes())
    spanning = _cycles_across_owners(pemda)
    result = Blocking()
    for finding in findings:
        if finding.severity != "error":
            continue
        if (finding.code in WORKBOOK_CODES or finding.row is None or finding.sheet == "pemda"
                or (finding.code in CYCLE_CODES and (finding.sheet, finding.ref) in spanning)):
            result.workbook.append(finding)
        elif finding.kode_opd in codes:
            result.opd.setdefault(finding.kode_opd, []).append(finding)
        else:
            result.overview.append(finding)
    return result


def _cycles_across_owners(pemda: Pemda) -> set[tuple[str, str]]:
    """(sheet, id) of the rows where a cycle through more than one owner is reported.

    The loaded graphs have their cycles cut, so the cycles are found again from the rows.
    """
    found: set[tuple[str, str]] = set()
    for sheet, owner_of, edges in (
        ("pohon", lambda r: r.get("kode_opd"), lambda r: [(r.get("induk"), r["id"])]),
        ("masalah", lambda r: r.get("kode_opd"),
         lambda r: [(r["id"], effect) for effect in r.get("menyebabkan") or ()]),
    ):
        rows = [r for r in pemda.tables[sheet].rows if r.get("id") and not r.get("_ganda")]
        owners = {r["id"]: owner_of(r) for r in rows}
        graph = nx.DiGraph()
        graph.add_edges_from((u, v) for r in rows for u, v in edges(r)
                             if u in owners and v in owners and u != v)
        for component in nx.strongly_connected_components(graph):
            if len(component) > 1 and len({owners[n] for n in component}) > 1:
                found |= {(sheet, n) for n in component}
    return found


def error_lines(errors: list[Finding], limit: int = 10) -> str:
    """The errors as lines "- S08 sheet pohon, baris 5, kolom level (C), id 'X': ...", the
    first ``limit`` of them and a count of the rest."""
    lines = "\n".join(f"- {f.code} {f.location()}: {f.message}" for f in errors[:limit])
    return lines + (f"\n(dan {len(errors) - limit} galat lain)" if len(errors) > limit else "")


def workbook_message(pemda: Pemda, errors: list[Finding]) -> str:
    """Why nothing can run: the errors that break the whole workbook, with their locations."""
    return (f"Workbook {pemda.source} memiliki {len(errors)} galat yang menghentikan semua "
            f"notebook; perbaiki dulu (jalankan: pohon-nb validate {pemda.source}).\n"
            f"{error_lines(errors)}")


def blocked_message(kode_opd: str | None, errors: list[Finding], limit: int = 10) -> str:
    """Why a notebook cannot run, in Bahasa Indonesia, each error with its location."""
    who = "Ikhtisar Pemda" if kode_opd is None else f"OPD {kode_opd}"
    return (f"{who} tidak dapat dijalankan: workbook memiliki {len(errors)} galat pada barisnya; "
            f"perbaiki dulu (lihat: pohon-nb validate).\n{error_lines(errors, limit)}")
