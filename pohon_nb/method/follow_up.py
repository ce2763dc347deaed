"""The follow-up that carries an asistensi to the next round (sheet ``tindak_lanjut``).

``propose`` turns an OPD's findings into the fewest actions that raise its LKE estimate, the
criteria nearest to a higher grade first: one action per rule on each element that holds a
criterion back (:meth:`pohon_nb.method.lke.Estimate.to_raise`). The facilitator agrees them by
copying them into the workbook's ``tindak_lanjut`` sheet (pohon-nb never writes into the user's
workbook). ``review`` then says of each agreed action, on the next run, whether it is done (the
rule no longer finds anything on that id), still open, overdue (open past its ``tenggat``), or no
longer needed (its id is gone from the workbook, or it was cancelled). docs/metode.md,
"Tindak lanjut".
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..core.findings import RULES
from .achievement import AchievementConfig
from .checked import Checked
from .lke import estimate

COLUMNS = ["id", "kode_opd", "tindakan", "kode_aturan", "ref", "kriteria", "penanggung_jawab", "tenggat",
           "status", "catatan"]
REVIEW_COLUMNS = [*COLUMNS, "keadaan", "alasan", "_baris"]
STATES = ("selesai", "terbuka", "lewat tenggat", "tidak diperlukan")


def propose(checked: Checked, kode_opd: str, year: int | None = None,
            config: AchievementConfig | None = None, estimates: list | None = None) -> pd.DataFrame:
    """The actions proposed for one OPD, those already in its ``tindak_lanjut`` sheet left out.
    ``estimates``: the OPD's LKE estimates when already computed."""
    if estimates is None:
        estimates = estimate(checked, year, config, kode_opd=kode_opd)[kode_opd]
    estimates = [e for e in estimates if e.decided]
    agreed = {(_text(r.kode_aturan), _text(r.ref)) for r in checked.pemda.tindak_lanjut.itertuples()
              if r.kode_opd == kode_opd} if len(checked.pemda.tindak_lanjut) else set()
    short = re.sub(r"[^A-Za-z0-9]+", "", checked.pemda.opd_short(kode_opd)).upper() or "OPD"
    rows, seen = [], set()
    for e in sorted(estimates, key=lambda e: (len(e.to_raise()) or 10**6)):
        for element in e.to_raise():
            for code in element.codes or ("",):
                key = (code, element.ref)
                if key in seen or key in agreed:
                    continue
                seen.add(key)
                title = RULES[code].title if code else (element.why or "lihat temuan")
                rows.append({"kode_opd": kode_opd, "tindakan": f"Perbaiki {element.ref}: {title}",
                             "kode_aturan": code, "ref": element.ref, "kriteria": e.criterion.code,
                             "penanggung_jawab": "", "tenggat": "", "status": "disepakati",
                             "catatan": f"Diusulkan pohon-nb: menaikkan perkiraan {e.criterion.code} dari "
                                        f"{e.answer}."})
    for number, row in enumerate(rows, start=1):
        row["id"] = f"TL.{short}.{number}"
    return pd.DataFrame(rows, columns=COLUMNS)


def _text(value) -> str:
    """A cell of the sheet as text: "" for an empty one (None, or NaN once in a frame)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def deadline(value) -> tuple[dt.date | None, str]:
    """A ``tenggat`` as a date, or None with why ("" when empty)."""
    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
        return None, ""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date(), ""
        except ValueError:
            continue
    return None, f"tenggat {text!r} tidak terbaca sebagai tanggal (tulis mis. 2026-03-31)"


def _exists(pemda, ref: str) -> bool:
    """Whether the condition or indicator an action names (a request: its condition) still is."""
    head = str(ref).split(" ")[0]
    indicators = set(pemda.indikator["id"]) if len(pemda.indikator) else set()
    return head in pemda.tree or head in indicators


def review(checked: Checked, today: dt.date | None = None) -> pd.DataFrame:
    """Every agreed action with its ``keadaan`` (selesai, terbuka, lewat tenggat, tidak
    diperlukan) and ``alasan``, judged against this version of the workbook on ``today``: an action
    on a rule by whether the rule still finds something on its id; one without a rule (a Manual IKU
    field) by whether its LKE element (criterion and id) is still held back."""
    today = today or dt.date.today()
    pemda = checked.pemda
    found = {(f.code, f.ref) for f in checked.findings}
    held: dict[str, set[tuple[str, str]]] = {}

    def still_held(kode_opd: str, criterion: str, ref: str) -> bool:
        if kode_opd not in held:
            estimates = estimate(checked, checked.year, kode_opd=kode_opd).get(kode_opd, [])
            held[kode_opd] = {(e.criterion.code, x.ref) for e in estimates for x in e.held_back}
        return (criterion, ref) in held[kode_opd]

    records = []
    for row in pemda.tindak_lanjut.to_dict("records"):
        status = _text(row.get("status")) or "disepakati"
        code, ref = _text(row.get("kode_aturan")), _text(row.get("ref"))
        criterion = _text(row.get("kriteria"))
        head = ref.split(" ")[0]
        due, unreadable = deadline(row.get("tenggat"))
        what = (f"temuan {code} pada {ref}" if code else
                f"unsur {ref} kriteria {criterion}" if criterion and ref else "tindakan ini")
        if status == "dibatalkan":
            state, why = "tidak diperlukan", "dibatalkan di asistensi"
        elif ref and not _exists(pemda, ref):
            state, why = "tidak diperlukan", f"{ref} tidak ada lagi di workbook"
        elif code and ref and not any(c == code and r in (ref, head) for c, r in found):
            state, why = "selesai", f"{what} tidak ada lagi"
        elif not code and criterion and ref and not still_held(_text(row.get("kode_opd")), criterion, ref):
            state, why = "selesai", f"{what} sudah terpenuhi"
        elif status == "selesai" and not (code or criterion):
            state, why = "selesai", "ditandai selesai"
        elif due is not None and due < today:
            state, why = "lewat tenggat", f"tenggat {due:%d-%m-%Y} lewat, {what} masih " + (
                "ada" if code else "belum terpenuhi")
        else:
            state = "terbuka"
            why = unreadable or (f"{what} masih ada" if code else f"{what} belum terpenuhi" if criterion
                                 else "belum ditandai selesai")
        records.append({**{c: row.get(c) for c in COLUMNS}, "keadaan": state, "alasan": why,
                        "_baris": row.get("_baris")})
    return pd.DataFrame(records, columns=REVIEW_COLUMNS)


TODAY_COLUMNS = ["id", "ref", "tindakan", "kode_aturan", "kriteria", "keadaan", "penanggung_jawab", "tenggat"]


def today(checked: Checked, kode_opd: str, year: int | None = None, config: AchievementConfig | None = None,
          estimates: list | None = None, today_: dt.date | None = None) -> pd.DataFrame:
    """What the OPD fixes today, in order: its agreed actions still open (overdue first), then the
    proposed ones (``keadaan`` "usulan", no ``id`` yet). The brief and every step report read this
    one list. ``tindakan`` is the action without its ref ("Indikator terpilih tanpa target")."""
    reviewed = review(checked, today_)
    rows = []
    if len(reviewed):
        mine = reviewed[(reviewed["kode_opd"] == kode_opd) & reviewed["keadaan"].isin(OPEN)]
        mine = mine.assign(_order=[OPEN.index(k) for k in mine["keadaan"]])
        mine = mine.sort_values("_order", kind="stable")
        rows += [{"id": _text(r.id), "ref": _text(r.ref), "tindakan": _action_text(r.tindakan, _text(r.ref)),
                  "kode_aturan": _text(r.kode_aturan), "kriteria": _text(r.kriteria), "keadaan": r.keadaan,
                  "penanggung_jawab": _text(r.penanggung_jawab), "tenggat": _tenggat(r.tenggat)}
                 for r in mine.itertuples()]
    for r in propose(checked, kode_opd, year, config, estimates).itertuples():
        rows.append({"id": "", "ref": r.ref, "tindakan": _action_text(r.tindakan, r.ref),
                     "kode_aturan": r.kode_aturan, "kriteria": r.kriteria, "keadaan": "usulan",
                     "penanggung_jawab": "", "tenggat": ""})
    return pd.DataFrame(rows, columns=TODAY_COLUMNS)


OPEN = ("lewat tenggat", "terbuka")


def _tenggat(value) -> str:
    """A deadline as the room reads it: "15-11-2026" when it is a date, else as written."""
    due, _ = deadline(value)
    return f"{due:%d-%m-%Y}" if due else _text(value)


def _action_text(text, ref) -> str:
    """"Perbaiki X.1: Indikator tanpa target" -> "Indikator tanpa target" (the ref is its own column)."""
    text = _text(text)
    prefix = f"Perbaiki {ref}: "
    return text[len(prefix):] if ref and text.startswith(prefix) else text


def counts(reviewed: pd.DataFrame, kode_opd: str) -> dict[str, int]:
    """How many of the OPD's agreed actions are in each state."""
    mine = reviewed[reviewed["kode_opd"] == kode_opd] if len(reviewed) else reviewed
    return {state: int((mine["keadaan"] == state).sum()) if len(mine) else 0 for state in STATES}


def counts_text(counted: dict[str, int]) -> str:
    """"2 selesai · 1 terbuka · 1 lewat tenggat", or "belum ada" without agreed actions."""
    shown = [f"{n}\u00a0{state}" for state, n in counted.items() if n]
    return " · ".join(shown) or "belum ada"
