"""The glue between a notebook's parameters and its sections.

A notebook makes one :class:`Session` from its parameters cell, then calls
``session.show(views.X)`` once per section. With ``interaktif = True`` the first call
displays the control panel and every section follows it; with ``interaktif = False`` the
sections are static tables and figures (what papermill and the batch produce).
"""

from __future__ import annotations

from pathlib import Path

from IPython.display import display

from ..core.errors import PohonError
from ..core.paths import OUT
from ..method import achievement
from ..method.blocking import blocked_message, workbook_message
from ..method.checked import check
from ..method.config import DEFAULT_CAP, CheckConfig, default
from ..method.scales import DEFAULT_SCALE
from ..reading.model import load, load_shared
from . import views
from .display import Line, markdown, show


class WorkbookError(PohonError):
    """The workbook has errors the notebooks cannot work around; the message says which."""


class Session:
    """One notebook run: the loaded Pemda and the context every view reads.

    Parameters mirror the notebooks' parameters cell: ``data_path`` ("" for the bundled
    sample), ``kode_opd``, ``tahun``, ``skala``, ``interaktif``, ``folder_keluaran`` and, for
    the explorer, ``kondisi`` (a node id); ``tahun`` 0 is the workbook's latest realised year, as
    for every command (:meth:`~pohon_nb.reading.model.Pemda.default_year`); ``batas_atas`` caps
    achievement (percent, 0 for no cap); ``ikhtisar`` marks the Pemda overview (errors on
    Pemda-level rows stop it); ``tahun_banding`` is the year the explorer compares with (0: the
    latest realised before); ``data_path_sebelumnya`` an earlier version of the workbook, to show
    what changed since.
    """

    def __init__(self, data_path: str = "", kode_opd: str = "", tahun: int = 0,
                 skala: str = DEFAULT_SCALE, interaktif: bool = True,
                 folder_keluaran: str = OUT, kondisi: str = "", semua_kondisi: bool = False,
                 maks_iku_sasaran: int = default(CheckConfig, "max_iku_per_sasaran"),
                 maks_iku_opd: int = default(CheckConfig, "max_iku_per_opd"), ikhtisar: bool = False,
                 batas_atas: float = DEFAULT_CAP, tahun_banding: int = 0,
                 data_path_sebelumnya: str = ""):
        # A static run (a report) shares the model with the process's other static runs of the
        # same file; an interactive one loads its own.
        read = load if interaktif else load_shared
        pemda = read(data_path or None)
        tahun = pemda.assessed_year(tahun)  # 0: the year every command assesses when none is given
        check_config = CheckConfig(maks_iku_sasaran, maks_iku_opd, tahun=tahun)
        blocking = check(pemda, check_config).blocking
        if blocking.workbook:
            raise WorkbookError(workbook_message(pemda, blocking.workbook))
        codes = pemda.opd_codes()
        if not codes:
            raise WorkbookError(f"Sheet opd di {pemda.source} belum berisi OPD: isi kode_opd dan "
                                f"nama_opd setiap OPD.")
        self.notes: list[str] = []
        if kondisi and kondisi not in pemda.tree:
            first = next(iter(pemda.tree_order()), "")
            shown = ", ".join(pemda.tree_order()[:12]) + (" ..." if len(pemda.tree) > 12 else "")
            self.notes.append(f"Kondisi {kondisi!r} tidak ada di sheet pohon; yang ditampilkan "
                              f"{first!r}. ID yang ada: {shown}")
            kondisi = first
        if not kode_opd and kondisi in pemda.tree:
            kode_opd = pemda.node(kondisi).get("kode_opd") or ""
        kode_opd = str(kode_opd) if kode_opd else codes[0]
        if ikhtisar and kode_opd not in codes:
            kode_opd = codes[0]  # the Pemda overview reads no OPD: the parameter's default is not an error
        if kode_opd not in codes:
            raise WorkbookError(f"Kode OPD {kode_opd!r} tidak ada di sheet opd. Pilihan: "
                                f"{', '.join(codes)}")
        errors = blocking.blocks(None if ikhtisar else kode_opd)
        if errors:
            raise WorkbookError(blocked_message(None if ikhtisar else kode_opd, errors))
        achievement.get_scale(skala)  # a clear KeyError listing the scales when unknown
        self.interactive = interaktif
        self.overview = ikhtisar
        self.out_dir = Path(folder_keluaran)
        self.ctx = views.Context(pemda, kode_opd, int(tahun), skala, node=kondisi or None,
                                 out_dir=self.out_dir,
                                 config=achievement.config_from_cap(batas_atas),
                                 check_config=check_config,
                                 tahun_banding=int(tahun_banding) or None,
                                 previous=read(data_path_sebelumnya) if data_path_sebelumnya else None)
        self.semua_kondisi = semua_kondisi
        self.panel = None  # the widgets' ControlPanel; ipywidgets is imported only when interactive

    @property
    def pemda(self):
        return self.ctx.pemda

    def headline(self) -> None:
        """Show the OPD's headline figures (one paragraph), after any note on the parameters."""
        for note in self.notes:
            display(Line(note, emphasis=True))
        display(Line(views.headline(self.ctx) + self._setting(), strong=self.ctx.opd_name))

    def pemda_headline(self) -> None:
        """Show the Pemda's headline figures (one paragraph)."""
        for note in self.notes:
            display(Line(note, emphasis=True))
        display(Line(views.pemda_headline(self.ctx) + self._setting(),
                     strong=str(self.pemda.info.get("nama_pemda") or "")))

    def _setting(self) -> str:
        """The year and scale a static notebook (a report) was made with, said at the end of its
        headline; an interactive one shows them in its control panel instead."""
        if self.interactive:
            return ""
        ctx = self.ctx
        extra = f", kondisi {ctx.node}" if ctx.node else ""
        return f" Dinilai: tahun {ctx.tahun}, skala {achievement.get_scale(ctx.skala).title}{extra}."

    def controls(self, node: bool = False) -> None:
        """Show the control panel (interactive; a static notebook says its settings in the headline)."""
        if self.interactive:
            from .widgets import ControlPanel

            self.panel = ControlPanel(self.ctx, node=node, all_nodes=self.semua_kondisi,
                                      opd=not self.overview)
            display(self.panel)

    def show(self, view) -> None:
        """Show one section: static, or following the control panel."""
        if self.interactive:
            if self.panel is None:
                self.controls()
            display(self.panel.add(view))
        else:
            show(view(self.ctx))

    def usg_scorer(self) -> None:
        """The USG scoring widget (interactive only; static runs show the ranking instead)."""
        if self.interactive:
            from .widgets import UsgScorer

            display(UsgScorer(self.ctx, self.out_dir))
        else:
            display(markdown("*Buka notebook ini di JupyterLab (interaktif = True) untuk memberi "
                             "skor USG dan menyimpannya ke berkas baru.*"))

    def indicator_scorer(self) -> None:
        """The SMART/CREAM scoring widget (interactive only)."""
        if self.interactive:
            from .widgets import IndicatorScorer

            display(IndicatorScorer(self.ctx, self.out_dir))
        else:
            display(markdown("*Buka notebook ini di JupyterLab (interaktif = True) untuk menilai "
                             "indikator dan menyimpan penilaian ke berkas baru.*"))
