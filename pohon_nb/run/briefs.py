"""The batch's printed briefs: ``ringkasan.pdf`` beside each OPD's notebooks and one PDF of all
OPDs for the Pemda (``ringkasan_semua_opd.pdf``).

A brief is redone only when what it shows may have changed: the rows its OPD reads, the year,
scale and cap, the earlier version it is compared with, or pohon-nb itself (its fingerprint is
kept in the manifest, as the notebooks' are). An OPD whose rows have errors gets no brief.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import __version__
from ..core.fingerprint import digest
from ..core.paths import opd_folder, pemda_folder
from ..method.achievement import config_from_cap
from ..method.changes import change_sentence, finding_sentence
from ..method.checked import Checked
from ..outputs.brief import brief_pages, merge, write_brief
from ..reading.model import Pemda
from .history import Change
from .manifest import Manifest

BRIEF = "ringkasan.pdf"
ALL_BRIEFS = "ringkasan_semua_opd.pdf"


def brief_path(out: Path, pemda: Pemda, code: str) -> Path:
    return opd_folder(out, pemda.info.get("kode_pemda"), code) / BRIEF


def write_briefs(checked: Checked, out: Path, manifest: Manifest, prints: dict,
                 tahun: int, skala: str, batas_atas: float | None, change: Change | None,
                 blocked: set[str], codes: list[str]) -> Path | None:
    """Bring the briefs of the OPDs in ``codes`` and the Pemda's combined PDF (every OPD's
    brief on record) up to date; return the combined PDF (None when no OPD has a brief)."""
    pemda = checked.pemda
    config = config_from_cap(batas_atas)
    kept = manifest.briefs
    earlier = change.earlier["sidik"] if change else None
    redone = False
    for code in codes:
        path = brief_path(out, pemda, code)
        if code in blocked:
            kept.pop(code, None)
            continue
        # The agreed follow-up and the day (a deadline passes) change what the brief says too.
        follow = [r for r in checked.pemda.tindak_lanjut.to_dict("records") if r.get("kode_opd") == code]
        made_from = digest(prints[code], tahun, skala, batas_atas, earlier, __version__,
                           [{k: str(v) for k, v in r.items()} for r in follow], dt.date.today().isoformat())
        if kept.get(code) == made_from and path.exists():
            continue
        pages = brief_pages(checked, code, tahun, config, skala, _changes(change, code))
        write_brief(pages, path)
        for page in pages:
            page.clear()
        kept[code] = made_from
        redone = True
    briefs = [brief_path(out, pemda, c) for c in pemda.opd_codes() if c not in blocked and c in kept]
    briefs = [p for p in briefs if p.exists()]
    if not briefs:
        return None
    combined = pemda_folder(out, pemda.info.get("kode_pemda")) / ALL_BRIEFS
    if redone or not combined.exists():
        merge(briefs, combined)
    return combined


def _changes(change: Change | None, code: str) -> tuple[str, list[str]] | None:
    """What a brief says under "Sejak asistensi lalu": the summary, resolved findings, changes."""
    if change is None:
        return None
    comparison = change.comparison
    findings = comparison.findings[(comparison.findings["kode_opd"] == code)
                                   & (comparison.findings["status"] != "masih")]
    lines = [finding_sentence(r) for r in findings.itertuples()]
    changes = comparison.changes[comparison.changes["kode_opd"] == code]
    lines += [change_sentence(r) for r in changes.itertuples()]
    return f"Sejak versi {change.earlier['tanggal']}: {comparison.summary(code)}.", lines
