"""Headline figures: one OPD at a glance, and every OPD of the Pemda side by side.

These are the numbers a facilitator reads first (and the batch index page shows):
conditions and indicators, branch achievement of the OPD's top conditions, findings by
severity, crosscutting not yet agreed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..core.formats import percent
from ..reading.model import Pemda
from .achievement import (
    HOLDS_BACK,
    TARGET_MET,
    AchievementConfig,
    get_scale,
    indicator_achievement,
    node_achievement,
    weakest_branch,
)
from .checked import Checked
from .crosscutting import requests
from .problems import branch_problems
from .scales import DEFAULT_SCALE

LOOSE_TARGET_RULE = "M07"
"""The rule whose flag a headline figure carries: a target the tool itself calls not challenging."""


@dataclass(frozen=True)
class FigureNote:
    """What a headline figure (a mean of indicators' achievement) must say beside it.

    ``value`` the figure; ``uncapped`` the same mean before the cap (differs when ``capped``
    names indicators the cap cut); ``loose`` the indicators in it whose target the rule
    :data:`LOOSE_TARGET_RULE` flags, and ``without_loose`` the figure without them (None when
    nothing is left).
    """

    value: float | None
    uncapped: float | None = None
    capped: tuple[str, ...] = ()
    loose: tuple[str, ...] = ()
    without_loose: float | None = None

    def marks(self) -> list[str]:
        """Short marks for a badge or an index cell ("target longgar M07", "batas atas")."""
        marks = []
        if self.loose:
            marks.append(f"target longgar {LOOSE_TARGET_RULE}")
        if self.capped:
            marks.append("batas atas")
        return marks

    def notes(self) -> list[str]:
        """The marks written out, for a table or the brief."""
        notes = []
        if self.capped and self.uncapped is not None:
            notes.append(capped_note(self.value, self.uncapped))
        if self.loose:
            which = (f"{len(self.loose)} indikator bertarget kurang menantang "
                     f"({LOOSE_TARGET_RULE}: {', '.join(self.loose)})")
            notes.append(f"{percent(self.without_loose)} tanpa {which}" if self.without_loose is not None
                         else f"seluruhnya dari {which}")
        return notes


def capped_note(value: float | None, uncapped: float | None) -> str:
    """What a figure the cap cut says beside it ("142,9% sebelum batas atas"); "" when uncut."""
    cut = value is not None and uncapped is not None and value == value and uncapped == uncapped \
        and uncapped > value
    return f"{percent(uncapped)} sebelum batas atas" if cut else ""


def predicate_text(value: float | None, label: str | None) -> str:
    """A predicate as people must read it: under 100% it says "di bawah target" beside it."""
    if not isinstance(label, str):
        return "belum ada"
    below = value is not None and value == value and value < TARGET_MET
    return label + (" (di bawah target)" if below else "")


def _note(rows: list[tuple[str, float, float]], loose_ids: set[str]) -> FigureNote:
    """The note of a mean over (indicator id, capped value, uncapped value) rows."""
    if not rows:
        return FigureNote(None)
    values = [v for _, v, _ in rows]
    capped = tuple(i for i, v, u in rows if u == u and u > v)
    loose = tuple(i for i, _, _ in rows if i in loose_ids)
    rest = [v for i, v, _ in rows if i not in loose_ids]
    uncapped = [u if u == u else v for _, v, u in rows]
    return FigureNote(sum(values) / len(values), sum(uncapped) / len(uncapped), capped, loose,
                      sum(rest) / len(rest) if loose and rest else None)


def combined(notes: list[FigureNote]) -> FigureNote:
    """The note of a mean of figures (an OPD's figure: the mean of its top conditions')."""
    notes = [n for n in notes if n.value is not None]
    if not notes:
        return FigureNote(None)
    loose = tuple(i for n in notes for i in n.loose)
    rest = [n.without_loose if n.loose else n.value for n in notes]
    rest = [v for v in rest if v is not None]
    return FigureNote(sum(n.value for n in notes) / len(notes),
                      sum(n.uncapped for n in notes) / len(notes),
                      tuple(i for n in notes for i in n.capped), loose,
                      sum(rest) / len(rest) if loose and rest else None)


def _achieved_rows(checked: Checked, year: int, config: AchievementConfig | None) -> dict[str, list]:
    """Chosen indicators with an achievement in ``year``, by condition: (id, capped, uncapped)."""
    def compute() -> dict[str, list]:
        table = indicator_achievement(checked.pemda, year, config)
        table = table[table["capaian"].notna()]
        rows: dict[str, list] = {}
        for node_id, ind, value, uncapped in zip(table["id_pohon"], table["id_indikator"],
                                                 table["capaian"], table["capaian_tanpa_batas"]):
            rows.setdefault(node_id, []).append((ind, float(value), float(uncapped)))
        return rows

    return checked.memo(("achieved_rows", year, config or AchievementConfig()), compute)


def node_notes(checked: Checked, year: int, config: AchievementConfig | None = None) -> dict[str, FigureNote]:
    """The note of every condition's own figure (its chosen indicators' mean), by id; a
    condition without an achievement is absent."""
    def compute() -> dict[str, FigureNote]:
        loose = checked.flagged_indicators(LOOSE_TARGET_RULE)
        return {n: _note(rows, loose) for n, rows in _achieved_rows(checked, year, config).items()}

    return checked.memo(("node_notes", year, config or AchievementConfig()), compute)


def badge_marks(checked: Checked, year: int,
                config: AchievementConfig | None = None) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Per condition, what its badge in a tree must say: the marks of its own figure (with the
    figure before the cap), and whether its branch figure holds a capped value anywhere below."""
    def compute() -> dict[str, tuple[tuple[str, ...], bool]]:
        pemda = checked.pemda
        notes = node_notes(checked, year, config)
        capped_below: dict[str, bool] = {}
        for node_id in reversed(pemda.tree_order()):  # children first
            capped_below[node_id] = bool(notes.get(node_id) and notes[node_id].capped) or any(
                capped_below.get(c, False) for c in pemda.children(node_id))
        marks = {}
        for node_id in pemda.tree_order():
            note = notes.get(node_id)
            own = tuple(note.marks()) if note else ()
            if note and note.capped:
                own = tuple(m if m != "batas atas" else f"batas atas ({percent(note.uncapped)} sebelumnya)"
                            for m in own)
            if own or capped_below[node_id]:
                marks[node_id] = (own, capped_below[node_id])
        return marks

    return checked.memo(("badge_marks", year, config or AchievementConfig()), compute)


HEADLINE_COLUMNS = [
    "kode_opd", "nama_opd", "kondisi", "indikator", "iku", "capaian", "predikat", "catatan_capaian",
    "tanda", "capaian_cabang", "galat", "peringatan", "info", "permintaan_tertunda", "diminta_tertunda",
]


def opd_headlines(checked: Checked, year: int,
                  config: AchievementConfig | None = None,
                  scale: str = DEFAULT_SCALE, codes: list[str] | None = None) -> pd.DataFrame:
    """One row per OPD of the opd sheet (or of ``codes`` only), in workbook order.

    Columns: ``kode_opd, nama_opd, kondisi`` (conditions owned), ``indikator`` (chosen),
    ``iku``, ``capaian`` (mean achievement of the OPD's top conditions by their own
    indicators in ``year``: its sasaran's figure, the one reports and the index show) and
    ``predikat``, ``capaian_cabang`` (the mean of the same conditions' branch figures, which
    explains it; it has no predicate: it is not the OPD's rating), ``catatan_capaian`` (what the
    figure must say beside it: the figure before the cap, the figure without indicators whose
    target is not challenging) and ``tanda`` (the short marks, for a badge or the index),
    ``galat, peringatan, info`` (findings), ``permintaan_tertunda`` (crosscutting requests it
    sent that are still proposed; a rejected one is not pending) and ``diminta_tertunda``
    (requests other OPDs addressed to it, still proposed: it owes them an answer).
    """
    config, scale = config or AchievementConfig(), get_scale(scale)
    key = ("opd_headlines", year, config, scale, None if codes is None else tuple(codes))
    return checked.memo(key, lambda: _opd_headlines(checked, year, config, scale, codes)).copy()


def _opd_headlines(checked: Checked, year: int, config: AchievementConfig, scale_obj,
                   codes: list[str] | None) -> pd.DataFrame:
    pemda, findings = checked.pemda, checked.findings
    nodes = node_achievement(pemda, year, config, scale_obj)
    owner = dict(zip(nodes["id"], nodes["kode_opd"]))
    tops = nodes[[owner.get(p) != o for p, o in zip(nodes["induk"], nodes["kode_opd"])]]
    pending = requests(pemda)
    pending = pending[pending["status"] == "usulan"]
    notes = node_notes(checked, year, config)
    owned: dict[str, list[str]] = {}
    for node_id, code in owner.items():
        owned.setdefault(code, []).append(node_id)
    severities = Counter((f.kode_opd, f.severity) for f in findings)
    records = []
    for code in (pemda.opd_codes() if codes is None else codes):
        own = owned.get(code, [])
        indicators = [r for n in own for r in pemda.chosen_indicators(n)]
        mine = tops[tops["kode_opd"] == code]
        achieved, branch = mine["capaian_sendiri"].dropna(), mine["capaian_cabang"].dropna()
        value = float(achieved.mean()) if len(achieved) else None
        note = combined([notes[n] for n in mine["id"] if n in notes])
        counts = {s: severities[code, s] for s in ("error", "warning", "info")}
        records.append({
            "kode_opd": code, "nama_opd": pemda.opd_name(code), "kondisi": len(own),
            "indikator": len(indicators), "iku": sum(1 for r in indicators if r.get("iku")),
            "capaian": value, "predikat": scale_obj.predicate(value),
            "catatan_capaian": "; ".join(note.notes()), "tanda": ", ".join(note.marks()),
            "capaian_cabang": float(branch.mean()) if len(branch) else None,
            "galat": counts["error"], "peringatan": counts["warning"], "info": counts["info"],
            "permintaan_tertunda": int((pending["kode_opd"] == code).sum()),
            "diminta_tertunda": int((pending["kode_opd_mitra"] == code).sum()),
        })
    frame = pd.DataFrame(records, columns=HEADLINE_COLUMNS)
    frame[["capaian", "capaian_cabang"]] = frame[["capaian", "capaian_cabang"]].astype("float64")
    return frame


def outcome_carriers(pemda: Pemda, year: int, config: AchievementConfig | None = None,
                     scale: str = DEFAULT_SCALE) -> pd.DataFrame:
    """The Pemda outcomes (ultimate conditions) with their achievement and the OPDs under them.

    Columns: ``id, pernyataan, capaian, predikat`` (by the outcome's own indicators),
    ``keterangan`` (why ``capaian`` is missing), ``capaian_cabang`` (the branch figure that
    explains it), ``opd`` (the OPDs owning conditions in the outcome's branch, abbreviations,
    ";"-joined), ``jumlah`` (how many OPDs).
    """
    scale_obj = get_scale(scale)
    table = node_achievement(pemda, year, config, scale_obj).set_index("id")
    records = []
    for node_id in pemda.tree_order():
        if pemda.level(node_id) != "ultimate":
            continue
        owners = []
        for n in pemda.descendants(node_id):
            code = pemda.node(n).get("kode_opd")
            if code and code not in owners:
                owners.append(code)
        value, branch = table.loc[node_id, "capaian_sendiri"], table.loc[node_id, "capaian_cabang"]
        records.append({
            "id": node_id, "pernyataan": pemda.node(node_id).get("pernyataan"),
            "capaian": None if pd.isna(value) else float(value),
            "predikat": scale_obj.predicate(None if pd.isna(value) else value),
            "keterangan": table.loc[node_id, "keterangan"],
            "capaian_cabang": None if pd.isna(branch) else float(branch),
            "opd": "; ".join(pemda.opd_short(c) for c in owners), "jumlah": len(owners),
        })
    columns = ["id", "pernyataan", "capaian", "predikat", "keterangan", "capaian_cabang", "opd",
               "jumlah"]
    return pd.DataFrame(records, columns=columns)


WEAKEST_PEMDA_COLUMNS = [
    "kode_opd", "id", "pernyataan", "sasaran_daerah", "capaian_cabang", "kontribusi",
    "titik_terlemah", "pernyataan_titik", "jejak_masalah", "akar_masalah", "opd_akar_masalah",
]


def weakest_across_pemda(pemda: Pemda, year: int,
                         config: AchievementConfig | None = None) -> pd.DataFrame:
    """The OPD branches that hold the Pemda's outcomes back most in ``year``, each followed
    down to its weakest point and the root problems behind it, with their owners.

    For every top condition of the tree (a Pemda outcome), :func:`weakest_branch` gives each
    condition below it ``kontribusi``: the points of the outcome's shortfall it accounts for.
    A row is an OPD's highest condition on a path (its parent belongs to someone else) that
    takes points off (``kontribusi`` of at least
    :data:`~pohon_nb.method.achievement.HOLDS_BACK`). ``titik_terlemah`` follows the branch
    down, always to the child taking most points off, until none does; ``jejak_masalah`` and
    ``akar_masalah`` are the problems that point's branch answers and the root causes behind
    them (:func:`~pohon_nb.method.problems.branch_problems`), ``opd_akar_masalah`` the OPDs that
    own those root causes.
    Sorted by ``kontribusi``, largest first.
    """
    records = []
    for top in [n for n in pemda.tree_order() if pemda.parent(n) is None]:
        ranked = weakest_branch(pemda, top, year, config)
        points = {r.id: r.kontribusi for r in ranked.itertuples() if pd.notna(r.kontribusi)}
        branch = dict(zip(ranked["id"], ranked["capaian_cabang"]))
        for node_id, taken in points.items():
            owner = pemda.node(node_id).get("kode_opd")
            parent = pemda.parent(node_id)
            if not owner or taken < HOLDS_BACK or pemda.node(parent).get("kode_opd") == owner:
                continue
            point = node_id
            while True:
                below = [(points[c], c) for c in pemda.children(point) if points.get(c, 0) >= HOLDS_BACK]
                if not below:
                    break
                point = max(below)[1]
            trail, roots = branch_problems(pemda, point)
            owners = [pemda.problems.nodes[r].get("kode_opd") or "" for r in roots]
            records.append({
                "kode_opd": owner, "id": node_id, "pernyataan": pemda.node(node_id).get("pernyataan"),
                "sasaran_daerah": top, "capaian_cabang": branch.get(node_id), "kontribusi": taken,
                "titik_terlemah": point, "pernyataan_titik": pemda.node(point).get("pernyataan"),
                "jejak_masalah": "; ".join(trail) or None,
                "akar_masalah": "; ".join(f"{r} {pemda.problems.nodes[r].get('pernyataan')}"
                                          for r in roots),
                "opd_akar_masalah": "; ".join(dict.fromkeys(pemda.opd_short(o) for o in owners if o)),
            })
    frame = pd.DataFrame(records, columns=WEAKEST_PEMDA_COLUMNS)
    return frame.sort_values("kontribusi", ascending=False, kind="stable").reset_index(drop=True)


def waiting_text(asked_by: int, asked_of: int) -> str:
    """The crosscutting requests still waiting for an answer, both ways, in words: those the OPD
    made ("diminta OPD ini") and those made of it ("diminta dari OPD ini")."""
    if not asked_by and not asked_of:
        return "tidak ada crosscutting yang menunggu jawaban"
    parts = [f"{asked_by} diminta OPD ini" if asked_by else "",
             f"{asked_of} diminta dari OPD ini" if asked_of else ""]
    return "crosscutting belum disepakati: " + " dan ".join(p for p in parts if p)
