"""The record of a Pemda's batch runs: each version of the workbook kept, and what changed since
the last different one (the asistensi loop).

Every batch run whose workbook differs from the last one recorded keeps a copy of it in
``<out>/<kode_pemda>/riwayat/`` named by date and fingerprint, and notes the run (date,
fingerprint, copy) in the manifest; copies are never overwritten or removed. When an earlier,
different version is on record, the run compares it with the current workbook and writes the
Pemda's page ``riwayat/perubahan_<earlier copy>_ke_<current copy>.html`` (kept side by side
with earlier ones) and each OPD's ``perubahan.html`` beside its notebooks (the latest comparison), which
the index links to.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.paths import opd_folder, pemda_folder
from ..method.changes import Comparison, compare
from ..method.checked import Checked, check
from ..outputs.changes_report import write_page
from ..reading.model import Pemda, load
from .manifest import Manifest

HISTORY = "riwayat"


@dataclass
class Change:
    """The comparison of this run's workbook with the last different version on record."""

    comparison: Comparison
    earlier: dict  # the manifest's record of the earlier version
    page: Path  # the Pemda's page
    opd_pages: dict[str, Path]


def record(pemda: Pemda, out: Path, manifest: Manifest, fingerprint: str,
           now: dt.datetime | None = None) -> dict:
    """Keep a copy of the workbook when it differs from the last one recorded; return the
    record of this version (``tanggal``, ``sidik``, ``salinan`` relative to the Pemda folder)."""
    runs = manifest.runs
    if runs and runs[-1]["sidik"] == fingerprint:
        return runs[-1]
    now = now or dt.datetime.now()
    base = pemda_folder(out, pemda.info.get("kode_pemda"))
    source = Path(pemda.source)
    stamp = now.strftime("%Y-%m-%d_%H%M%S")
    copy = base / HISTORY / f"{stamp}_{fingerprint[:8]}{source.suffix if source.is_file() else ''}"
    copy.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(copy) as tmp:
        if source.is_dir():
            tmp.unlink()
            shutil.copytree(source, tmp)
        else:
            shutil.copyfile(source, tmp)
    entry = {"tanggal": now.strftime("%Y-%m-%d %H:%M"), "sidik": fingerprint,
             "salinan": str(copy.relative_to(base)), "sumber": str(source)}
    runs.append(entry)
    return entry


def earlier_copy(out: Path, kode_pemda, manifest: Manifest, fingerprint: str) -> Path | None:
    """The kept copy of the last recorded version that differs from ``fingerprint`` (the one
    this run is compared with), or None on a first run or when the copy is gone."""
    earlier = next((r for r in reversed(manifest.runs) if r["sidik"] != fingerprint), None)
    if earlier is None:
        return None
    copy = pemda_folder(out, kode_pemda) / earlier["salinan"]
    return copy if copy.exists() else None


def compared_with(checked: Checked, copy: Path) -> Comparison:
    """The comparison of ``checked``'s workbook with the kept copy ``copy``, checked as the current
    one is (same limits, same assessed year)."""
    earlier_model = load(copy)
    return compare(earlier_model, checked.pemda, check(earlier_model, checked.config).findings,
                   checked.findings)


def compare_with_earlier(checked: Checked, out: Path, manifest: Manifest) -> Change | None:
    """Compare the current workbook with the last different version on record and write the
    pages; None when there is no earlier version (the first run) or its copy is gone."""
    pemda = checked.pemda
    runs = manifest.runs
    if len(runs) < 2:
        return None
    current, earlier = runs[-1], runs[-2]
    base = pemda_folder(out, pemda.info.get("kode_pemda"))
    copy = base / earlier["salinan"]
    if not copy.exists():
        return None
    comparison = compared_with(checked, copy)
    # Named by both copies (date to the second and fingerprint): one page per pair of versions.
    pair = f"{Path(earlier['salinan']).stem}_ke_{Path(current['salinan']).stem}"
    page = base / HISTORY / f"perubahan_{pair}.html"
    if not page.exists():
        write_page(comparison, page)
    opd_pages = {}
    for code in pemda.opd_codes():
        target = opd_folder(out, pemda.info.get("kode_pemda"), code) / "perubahan.html"
        opd_pages[code] = write_page(comparison, target, code, overwrite=True)
    return Change(comparison, earlier, page, opd_pages)
