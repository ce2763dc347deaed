"""What the data-based exercises read from the training's Pemda: the OPD's USG scores and APKL
failures, a copy of its tree with one condition cut loose, its crosscutting requests.

Every piece comes from the method's own computations on the module's workbook (parameters
``data_path``, ``kode_opd``, ``tahun``), so the same exercise works on a trainer's own data;
a piece the data cannot give is None, and the exercise says what is missing.
"""

from __future__ import annotations

import copy
from functools import cached_property

import pandas as pd

from ...method import crosscutting, problems
from ...reading import schema
from ...reading.model import Pemda, link
from ...reading.workbook import parse, read_raw


class Material:
    """The data behind one OPD's exercises."""

    def __init__(self, pemda: Pemda, kode_opd: str, tahun: int, lost: str = ""):
        self.pemda, self.kode_opd, self.tahun = pemda, kode_opd, tahun
        self._lost = lost

    # ----------------------------------------------------------------- problems

    @cached_property
    def usg_scores(self) -> dict[str, tuple[int, int, int]]:
        """The USG scores of the OPD's issues that passed APKL, by id."""
        ranking = problems.usg_ranking(self.pemda, self.kode_opd)
        return {r.id: (int(r.usg_u), int(r.usg_s), int(r.usg_g)) for r in ranking.itertuples()}

    @cached_property
    def usg_order(self) -> list[str]:
        """The issues from the highest USG total (the method's ranking)."""
        return list(problems.usg_ranking(self.pemda, self.kode_opd)["id"])

    @cached_property
    def apkl_failed(self) -> dict[str, str]:
        """The issues that failed APKL and the letters they failed."""
        screen = problems.apkl_screen(self.pemda, self.kode_opd)
        failed = screen[screen["lolos"] == False]  # noqa: E712 (None: not screened)
        return {r.id: str(r.gagal) for r in failed.itertuples() if r.gagal}

    @property
    def failed_issue(self) -> str | None:
        return next(iter(self.apkl_failed), None)

    def statement(self, problem_id: str) -> str:
        rows = self.pemda.masalah[self.pemda.masalah["id"] == problem_id]
        return str(rows.iloc[0]["pernyataan"]) if len(rows) else ""

    def usg_table(self) -> pd.DataFrame:
        """The scores without their totals, in id order (the learner adds them up)."""
        ranking = problems.usg_ranking(self.pemda, self.kode_opd).sort_values("id")
        return ranking[["id", "pernyataan", "usg_u", "usg_s", "usg_g"]]

    # ----------------------------------------------------------------- the missing link

    @cached_property
    def lost(self) -> str | None:
        """The condition cut loose: the given one, else the OPD's first output (in tree order)
        under an immediate outcome with two or more children, so the parent stays recognisable."""
        if self._lost:
            return self._lost if self._lost in self.pemda.tree and self.pemda.parent(self._lost) else None
        for node in self.pemda.tree_order():
            parent = self.pemda.parent(node)
            if (node in self.pemda.owned_by(self.kode_opd) and self.pemda.level(node) == "output"
                    and parent and self.pemda.level(parent) == "immediate"
                    and len(self.pemda.children(parent)) >= 2):
                return node
        return None

    @property
    def lost_parent(self) -> str | None:
        return self.pemda.parent(self.lost) if self.lost else None

    @cached_property
    def broken(self) -> Pemda | None:
        """A copy of the workbook whose lost condition has an empty ``induk`` (the file on disk
        is not touched), loaded with its structure findings."""
        if not self.lost:
            return None
        raw, findings = read_raw(self.pemda.source)
        raw = copy.deepcopy(raw)
        sheet = raw["pohon"]
        headers = [schema.normalise_header(h) for h in sheet.headers]
        id_col, parent_col = headers.index("id"), headers.index("induk")
        for _, values in sheet.rows:
            if id_col < len(values) and str(values[id_col]).strip() == self.lost:
                values[parent_col] = None
        tables, more = parse(raw, self.pemda.source)
        return link(tables, self.pemda.source, findings + more)

    @cached_property
    def candidates(self) -> dict[str, str]:
        """The OPD's outcome conditions the lost one could hang under, with their statements."""
        return {n: self.pemda.node(n).get("pernyataan") or "" for n in self.pemda.owned_by(self.kode_opd)
                if self.pemda.level(n) in ("intermediate", "immediate")}

    def candidates_table(self) -> pd.DataFrame:
        rows = [{"id": n, "level": self.pemda.level(n), "pernyataan": s} for n, s in self.candidates.items()]
        return pd.DataFrame(rows, columns=["id", "level", "pernyataan"])

    @property
    def levels(self) -> dict[str, str]:
        return {n: self.pemda.level(n) for n in [*self.candidates, *([self.lost] if self.lost else [])]}

    # ----------------------------------------------------------------- crosscutting

    @cached_property
    def opds(self) -> dict[str, tuple[str, ...]]:
        """Every OPD's code with the names a learner may use for it (name, abbreviation); a
        partner outside the opd sheet (a vertical agency such as BPS) by its code alone."""
        named = {code: (self.pemda.opd_name(code), self.pemda.opd_short(code))
                 for code in self.pemda.opd_codes()}
        table = self.pemda.lintas_opd
        partners = list(table["kode_opd_mitra"].dropna()) if len(table) else []
        return {**{str(c): (str(c), str(c)) for c in partners}, **named}

    @cached_property
    def requests(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(outgoing, incoming) crosscutting requests of the OPD."""
        return crosscutting.dependencies(self.pemda, self.kode_opd)

    @property
    def request(self) -> dict | None:
        """The request of the direction exercise: the first one addressed to this OPD, else the
        first it made."""
        outgoing, incoming = self.requests
        for frame in (incoming, outgoing):
            if len(frame):
                row = frame.iloc[0]
                return {"requester": row["kode_opd"], "partner": row["kode_opd_mitra"],
                        "contribution": row["peran"] or row["pernyataan_mitra"] or "",
                        "condition": row["pernyataan"], "status": row["status"]}
        return None

    @property
    def pending(self) -> list[str]:
        """The partners that have not yet answered the OPD's requests (:func:`crosscutting.pending`:
        status usulan; a rejected request is settled, rule M16)."""
        waiting = crosscutting.pending(self.pemda)
        return list(dict.fromkeys(waiting[waiting["kode_opd"] == self.kode_opd]["kode_opd_mitra"]))

    @property
    def agreed(self) -> list[str]:
        """The partners that have answered every request of the OPD (agreed or rejected)."""
        outgoing, _ = self.requests
        return [c for c in dict.fromkeys(outgoing["kode_opd_mitra"]) if c not in self.pending]
