"""What a training notebook talks to: one object built from the notebook's parameters.

``Workshop(data_path, kode_opd, tahun, kunci_jawaban, interaktif)`` loads the module's workbook
(the bundled sample when ``data_path`` is empty), holds the views' context for the chosen OPD and
year, and gives each exercise its question, its form (in JupyterLab) and its check. The notebooks
import nothing else from the package.
"""

from __future__ import annotations

import math

from ...core.formats import number_text, percent
from ...method.achievement import AchievementConfig, achievement
from ..display import Section, markdown, md, show, table
from ..session import Session
from .answers import is_blank
from .exercises import BY_KEY, Exercise
from .feedback import Feedback, empty
from .material import Material


class Workshop:
    """One training module's run. Parameters mirror the notebook's parameters cell."""

    def __init__(self, data_path: str = "", kode_opd: str = "", tahun: int = 0,
                 kunci_jawaban: bool = False, interaktif: bool = True, kondisi_lepas: str = ""):
        self.session = Session(data_path, kode_opd, tahun, interaktif=False)
        self.ctx = self.session.ctx
        self.answer_key = bool(kunci_jawaban)
        self.interactive = bool(interaktif)
        self.material = Material(self.ctx.pemda, self.ctx.kode_opd, self.ctx.tahun, kondisi_lepas)
        self.forms: dict[str, object] = {}

    @property
    def pemda(self):
        return self.ctx.pemda

    def info(self) -> None:
        """One line: the region, the OPD and the year the module works on."""
        pemda = self.pemda
        print(f"{pemda.info.get('nama_pemda')} | {len(pemda.opd_codes())} OPD | {len(pemda.tree)} kondisi | "
              f"OPD latihan: {self.ctx.opd_name} | tahun {self.ctx.tahun}")

    def show(self, view, *parts: str, limit: int | None = None) -> None:
        """Show one section of the assessment notebooks (a ``views`` function), statically:
        whole, or only the named ``parts`` (``"table"``), the first ``limit`` items of them."""
        items = view(self.ctx)
        if parts:
            chosen = items.only(*parts) if isinstance(items, Section) else items
            items = [i for part in chosen for i in (part if isinstance(part, list) else [part])]
        show(items[:limit] if limit else items)

    def achievement(self, target: float, actual: float, polarity: str) -> None:
        """The package's figure for a case: the formula's value, and the capped one the reports
        print when the cap (``batas_atas``) applies."""
        raw, _ = achievement(target, actual, polarity, AchievementConfig(cap=None))
        capped, _ = achievement(target, actual, polarity, self.ctx.config)
        line = f"Target {number_text(target)}, realisasi {number_text(actual)}, polaritas {polarity}: " \
               f"rumus {percent(raw)}"
        if capped is not None and raw is not None and not math.isclose(capped, raw):
            line += (f"; laporan pohon-nb menulis {percent(capped)} karena capaian "
                     f"dibatasi {number_text(self.ctx.config.cap)}% (parameter batas_atas).")
        else:
            line += "; laporan pohon-nb menulis angka yang sama (di bawah batas atas)."
        print(line)

    # ----------------------------------------------------------------- exercises

    def exercise(self, key: str) -> Exercise:
        return BY_KEY[key]

    def question(self, key: str) -> None:
        """The exercise's question; in JupyterLab also its form (text boxes, a list to order, a
        dropdown, a "Periksa" button) showing the same feedback as the answer cell below it."""
        exercise = BY_KEY[key]
        missing = exercise.needs(self.material)
        if missing:
            show(markdown(f"*{md(missing)}*"))
            return
        show(markdown(exercise.question(self.material)))
        if self.interactive and not self.answer_key:
            from .forms import form

            self.forms[key] = form(exercise, self.material)
            from IPython.display import display

            display(self.forms[key])

    def answer(self, key: str):
        """The answer key of an exercise (the trainer's edition fills it in)."""
        exercise = BY_KEY[key]
        return None if exercise.needs(self.material) else exercise.answer(self.material)

    def check(self, key: str, jawaban) -> Feedback:
        """The feedback on an answer as typed in the answer cell (with a form above it, an
        empty cell points to the form)."""
        exercise = BY_KEY[key]
        if key in self.forms and is_blank(jawaban) and not exercise.needs(self.material):
            return empty("Jawab lewat formulir di atas lalu klik *Periksa*, atau tulis jawabannya di "
                         "sel ini dan jalankan selnya.")
        return exercise.run(jawaban, self.material)

    # ----------------------------------------------------------------- material shown

    def usg_scores(self) -> None:
        """The USG scores of the OPD's issues that passed APKL, without totals, in id order."""
        frame = self.material.usg_table()
        show(table(frame) if len(frame) else markdown(f"*{md(BY_KEY['2.2'].needs(self.material) or '')}*"))

    def broken_tree(self) -> None:
        """The lost condition, as validation reports it (rule M17), and the candidate parents."""
        m = self.material
        broken = m.broken
        if broken is None:
            show(markdown(f"*{md(BY_KEY['5.4'].needs(m))}*"))
            return
        from ...method.checked import check
        from ..views import findings_table

        found = [f for f in check(broken).by_rule("M17") if f.ref == m.lost]
        show(table(findings_table(found), ["code", "title", "sheet", "row", "column", "ref"]))
        show(markdown("Kondisi outcome OPD ini yang bisa menjadi induknya. Pilih berdasarkan isinya: "
                      "kondisi mana yang tercapai bila kondisi yang terlepas itu terwujud?"))
        show(table(m.candidates_table()))

    def requests(self) -> None:
        """The OPD's crosscutting requests both ways."""
        from .. import views

        self.show(views.crosscutting_both_ways)
