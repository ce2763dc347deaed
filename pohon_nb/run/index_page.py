"""``index.html``: the facilitator's page of a batch, every OPD with its status, headline
figures, links and time (the layout is ``outputs/html/index.html.j2``).

After an earlier, different version of the workbook it has a column "Sejak asistensi lalu"
with each OPD's summary of what changed, linked to its page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import __version__
from ..core.atomic import write_text
from ..core.formats import number_text, one_decimal, percent
from ..core.paths import opd_folder, pemda_folder
from ..method import follow_up, lke
from ..method.achievement import config_from_cap, get_scale
from ..method.checked import Checked
from ..method.follow_up import counts, counts_text
from ..method.shared_roots import shared_roots, touching
from ..method.summary import opd_headlines, predicate_text
from ..outputs.pages import render
from . import history
from .briefs import ALL_BRIEFS, BRIEF
from .follow_ups import FOLLOW_UP
from .plan import Task
from .reports import STEP_TITLES

SHARED_ROOTS_ANCHOR = "4.-Akar-masalah-bersama"
"""The id nbconvert gives the overview's heading "4. Akar masalah bersama" (linked from the index)."""


def write_index(checked: Checked, out: Path, tasks: list[Task], entries: dict,
                tahun: int | None, skala: str, batas_atas: float | None = None,
                change: history.Change | None = None, skipped: frozenset[str] = frozenset()) -> Path:
    """Write ``index.html`` for ``tasks`` (the overview first) and their ``entries`` (the
    manifest's results); ``skipped``: the tasks this run found unchanged and did not rerun. Text
    is escaped by the template."""
    pemda = checked.pemda
    year = tahun if tahun is not None else checked.year
    config = config_from_cap(batas_atas)
    heads = opd_headlines(checked, year, config, scale=skala).set_index("kode_opd")
    shared = shared_roots(pemda, year, config)
    estimates = lke.estimate(checked, year, config, scale=skala)
    reviewed = follow_up.review(checked)
    base = pemda_folder(out, pemda.info.get("kode_pemda"))

    def link(task: Task) -> dict:
        entry = entries.get(task.key, {})
        state = entry.get("status", "belum")
        target = Path(task.notebook).with_suffix(".html" if task.html else ".ipynb")
        error = None
        if state == "gagal":
            cell = entry.get("failing_cell")
            error = str(entry.get("error") or "") + (f" (sel {cell})" if cell is not None else "")
        return {"state": state, "title": STEP_TITLES.get(Path(task.notebook).stem, task.key),
                "href": target.relative_to(base), "css": {"ok": "ok", "gagal": "fail"}.get(state, "todo"),
                "error": error}

    by_opd: dict[str, list[Task]] = {}
    for task in tasks[1:]:
        by_opd.setdefault(task.kode_opd, []).append(task)
    rows = []
    for code, opd_tasks in by_opd.items():
        head = heads.loc[code]
        states = [entries.get(t.key, {}).get("status") for t in opd_tasks]
        state = next((s for s in ("diblokir", "gagal") if s in states),
                     "ok" if all(s == "ok" for s in states) else "belum")
        brief = opd_folder(out, pemda.info.get("kode_pemda"), code) / BRIEF
        since_page = change.opd_pages.get(code) if change else None
        rows.append({
            "code": code, "name": str(head["nama_opd"]), "state": state,
            "capaian": percent(head["capaian"]), "mark": head["tanda"], "mark_note": head["catatan_capaian"],
            "predikat": predicate_text(head["capaian"], head["predikat"]),
            "cabang": percent(head["capaian_cabang"]), "galat": head["galat"],
            "peringatan": head["peringatan"], "info": head["info"],
            "tertunda": f"{head['permintaan_tertunda']} / {head['diminta_tertunda']}",
            "shared": len(touching(pemda, code, shared)),
            "lke": lke_counts(estimates[code]),
            "follow_up": counts_text(counts(reviewed, code)),
            "since": change.comparison.summary(code) if change else None,
            "since_href": since_page.relative_to(base) if since_page else None,
            "links": [link(t) for t in opd_tasks],
            "errors": _errors(entries.get(opd_tasks[0].key, {})) if state == "diblokir" else [],
            "brief": brief.relative_to(base) if state != "diblokir" and brief.exists() else None,
            "seconds": _time_text(opd_tasks, entries, skipped)})
    keys = {t.key for t in tasks}
    overview_task = tasks[0]
    overview = entries.get(overview_task.key, {})
    info = pemda.info
    values = {
        "title": f"{info.get('nama_pemda', '')}: hasil pohon-nb",
        "pemda_name": str(info.get("nama_pemda", "")),
        "period": f"{info.get('periode_awal', '')}-{info.get('periode_akhir', '')}",
        "source_name": Path(pemda.source).name, "year": year, "scale_title": get_scale(skala).title,
        "cap": "tanpa batas" if config.cap is None else f"{number_text(config.cap)}%",
        "rows": rows, "made": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "version": __version__,
        "failed": sum(1 for k in entries if entries[k].get("status") == "gagal" and k in keys),
        "blocked": sorted({str(entries[k].get("kode_opd") or "Ikhtisar Pemda") for k in entries
                           if entries[k].get("status") == "diblokir" and k in keys}),
        "overview": {"link": link(overview_task),
                     "errors": _errors(overview) if overview.get("status") == "diblokir" else []},
        "shared": _shared(shared, overview_task, base, overview.get("status")),
        "all_briefs": ALL_BRIEFS if (base / ALL_BRIEFS).exists() else None,
        "follow_up": FOLLOW_UP if (base / FOLLOW_UP).exists() else None,
        "lke": lke_counts(estimates[None]),
        "change": None if change is None else {
            "date": change.earlier["tanggal"], "source": Path(change.earlier.get("sumber", "")).name,
            "summary": change.comparison.summary(), "href": change.page.relative_to(base)},
    }
    target = base / "index.html"
    write_text(target, render("index.html.j2", **values))
    return target


def _time_text(opd_tasks: list[Task], entries: dict, skipped: frozenset[str]) -> str:
    """How long this run took for an OPD's notebooks, or that they did not change."""
    if opd_tasks and all(t.key in skipped for t in opd_tasks):
        return "tidak berubah, tidak dijalankan ulang"
    seconds = sum(entries.get(t.key, {}).get("duration", 0) or 0 for t in opd_tasks if t.key not in skipped)
    return f"{one_decimal(seconds)} detik"


def _errors(entry: dict) -> list[dict]:
    return [{"code": e["code"], "where": error_location(e), "message": e["message"]}
            for e in entry.get("errors", [])]


def _shared(shared, overview: Task, base: Path, state: str | None) -> dict:
    """The index's line on shared root problems: how many, the first, and the overview's
    section when it was run."""
    if shared.empty:
        return {"count": 0}
    first = shared.iloc[0]
    href = (Path(overview.notebook).with_suffix(".html").relative_to(base)
            if state == "ok" and overview.html else None)
    return {"count": len(shared), "first_id": str(first["id"]), "first_statement": str(first["pernyataan"]),
            "href": href, "anchor": SHARED_ROOTS_ANCHOR}


def lke_counts(estimates: list) -> str:
    """The estimated answers of the criteria the workbook decides, counted ("BB 5 · B 1 · E 2")."""
    # "BB 4": a no-break space keeps an answer with its count when the column wraps.
    counted = [f"{a}\u00a0{n}" for a, n in lke.answer_counts(estimates)]
    return " · ".join(counted) or "belum dapat diperkirakan"


def error_location(error: dict) -> str:
    """A manifest error's location: sheet, row, column (letter) and id."""
    parts = [f"sheet {error['sheet']}" if error.get("sheet") else "",
             f"baris {error['row']}" if error.get("row") is not None else "",
             (f"kolom {error['column']}" + (f" ({error['column_letter']})"
                                            if error.get("column_letter") else ""))
             if error.get("column") else "",
             f"id {error['ref']}" if error.get("ref") else ""]
    return ", ".join(p for p in parts if p)
