"""ipywidgets for analysts: one control panel per notebook, view outputs that follow it, and
scorers that save USG and SMART/CREAM scores to a new workbook.

Outputs are filled as :meth:`ipywidgets.Output.append_display_data` fills them, all parts in one
assignment; this works in a kernel (the browser shows it) and outside one (tests read
``Output.outputs``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import ipywidgets as w

from ..core.paths import OUT
from ..method import achievement, problems
from ..method.indicators import CRITERIA, score_reasons
from ..reading.scores import save_scores
from .display import Deferred, displayable, table
from .views import FIELDS, Context, missing, no_indicators

View = Callable[[Context], list]


CACHED_STATES = 24
"""Field values whose rendered section a view output remembers (least recently used out)."""

LOOK_AHEAD_SECONDS = 1.0
"""How long the panel is idle before it draws the likely next choices ahead (see
:meth:`ControlPanel.neighbours`)."""

SETTLE_SECONDS = 0.15
"""How long a change waits for the next one before the sections are drawn again: picks made in
quick succession (scrolling through the list with the arrow keys) are drawn once, for the last;
a pick made while the sections are being drawn drops the rest of that drawing."""

STALE = "pohon-nb-usang"
"""The CSS class of a section whose content no longer matches the choices (shown greyed)."""

_STALE_STYLE = (f"<style>.{STALE} {{opacity: 0.35; transition: opacity 0.15s; pointer-events: none}}"
                "</style>")


def _fits() -> w.Layout:
    """A button as wide as its label (ipywidgets' fixed width cuts a longer one with "...")."""
    return w.Layout(width="auto", min_width="150px")


class ViewOutput(w.Output):
    """An output area that shows one view of the context and can show it again.

    What it rendered is remembered per state of the context (workbook model, OPD, year,
    scale, condition, settings): going back to an OPD or year already seen shows it again
    without recomputing. The model itself is part of the state, so a section computed from
    another workbook is never shown.
    """

    def __init__(self, view: View, ctx: Context):
        super().__init__()
        self.view, self.ctx = view, ctx
        # state -> (model, items, outputs, accordion)
        self._rendered: OrderedDict[tuple, tuple] = OrderedDict()
        self.items: list = []  # what the view returned for the state shown
        self.accordion: w.Accordion | None = None  # the section's parts drawn when opened
        self.shown, self.shown_model = None, None  # the state shown, and of which model
        self.refresh()

    def state(self, ctx: Context | None = None) -> tuple:
        """What the section shows depends on: the model and the context fields the view reads
        (:func:`~pohon_nb.nb.views.reads`; every field when it does not say)."""
        ctx = ctx or self.ctx
        return (id(ctx.pemda), *(str(value) if isinstance(value, Path) else value
                                 for value in (getattr(ctx, f) for f in getattr(self.view, "reads", FIELDS))))

    def current(self) -> bool:
        """Whether the section shows the context as it is now (nothing to draw again)."""
        return self.shown == self.state() and self.shown_model is self.ctx.pemda

    def refresh(self) -> None:
        key = self.state()
        self.shown, self.shown_model = key, self.ctx.pemda
        cached = self._rendered.get(key)
        if cached is None or cached[0] is not self.ctx.pemda:
            cached = self._render(self.ctx, key)
        self._rendered.move_to_end(key)
        # One assignment: the browser receives every part once (appending one by one would send
        # the whole list again with each part).
        self.items, self.outputs, self.accordion = cached[1:]

    def prepare(self, ctx: Context) -> bool:
        """Render the section for ``ctx`` (another choice than the one shown) into what it
        remembers, without showing it; False when it already had it."""
        key = self.state(ctx)
        cached = self._rendered.get(key)
        if cached is not None and cached[0] is ctx.pemda:
            return False
        self._render(ctx, key)
        return True

    def _render(self, ctx: Context, key: tuple) -> tuple:
        try:
            items = self.view(ctx)
        except Exception as exc:  # a view that fails says so where its content would be
            items = [f"**Tidak dapat ditampilkan**: {type(exc).__name__}: {exc}"]
        deferred = [item for item in items if isinstance(item, Deferred)]
        shown = [displayable(item) for item in items if not isinstance(item, Deferred)]
        accordion = _lazy_accordion(deferred) if deferred else None
        if accordion is not None:
            shown.append(accordion)
        rendered = (ctx.pemda, items, tuple(_display_data(item) for item in shown), accordion)
        self._rendered[key] = rendered
        while len(self._rendered) > CACHED_STATES:
            self._rendered.popitem(last=False)
        return rendered

    def mark_stale(self) -> None:
        """Grey the section out until :meth:`refresh` shows the current choices."""
        self.add_class(STALE)

    def refresh_current(self) -> None:
        """Show the current choices and no longer greyed out."""
        self.refresh()
        self.remove_class(STALE)


def _display_data(item) -> dict:
    """One output of an output area, as :meth:`ipywidgets.Output.append_display_data` makes it."""
    from IPython.core.interactiveshell import InteractiveShell

    data, metadata = InteractiveShell.instance().display_formatter.format(item)
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def _lazy_accordion(parts: list[Deferred]) -> w.Accordion:
    """Deferred parts behind their titles, each drawn the first time it is opened."""
    panes = [w.Output() for _ in parts]
    accordion = w.Accordion(children=panes, titles=tuple(p.title[:90] for p in parts))
    accordion.selected_index = None

    def opened(change) -> None:
        index = change["new"]
        if index is None or panes[index].outputs:
            return
        try:
            panes[index].append_display_data(displayable(parts[index].resolve()))
        except Exception as exc:  # said where the figure would be, never a silent stop
            panes[index].append_display_data(displayable(
                f"**Tidak dapat ditampilkan**: {type(exc).__name__}: {exc}"))

    accordion.observe(opened, names="selected_index")
    return accordion


class ControlPanel(w.VBox):
    """OPD, year, predicate scale and (optionally) node: changing one refreshes every view.

    In a kernel the refresh does not run inside the change's own callback: every section is
    greyed out at once, and after :data:`SETTLE_SECONDS` without another change the sections
    are drawn again one by one, each in its own turn of the kernel's event loop, so a newer
    pick (which arrives between turns) drops the rest of the superseded refresh instead of
    waiting behind it. Outside a running event loop (tests, scripts) a change refreshes at
    once. ``settle`` overrides the wait (None: refresh at once even in a kernel).
    """

    def __init__(self, ctx: Context, *, node: bool = False, all_nodes: bool = False,
                 opd: bool = True, settle: float | None = SETTLE_SECONDS):
        self.ctx = ctx
        self.views: list[ViewOutput] = []
        self.settle = settle
        self._generation = 0  # bumped by every change; a refresh of an older one stops
        self._pending = None  # the event loop handle of the next refresh step
        self._ahead = None  # the event loop handle of the next look-ahead step
        self._note = ""  # the status line once the refresh is done (a search's count)
        pemda = ctx.pemda
        style = {"description_width": "90px"}
        layout = w.Layout(width="100%", max_width="980px")  # long names and statements not cut
        # The Pemda overview is of no OPD (``opd=False``): no OPD to choose, the Pemda's headline.
        self.opd = w.Dropdown(description="OPD", style=style, layout=layout,
                              options=[(f"{pemda.opd_name(c)} ({c})", c) for c in pemda.opd_codes()],
                              value=ctx.kode_opd) if opd else None
        years = pemda.years or [ctx.tahun]
        with_data = set(pemda.realised_years())
        year_options = [(str(y) if y in with_data else f"{y} (belum ada realisasi)", y) for y in years]
        fits = {"width": "auto", "min_width": "220px"}  # as wide as the longest option, never cut
        self.year = w.Dropdown(description="Tahun", style=style, options=year_options,
                               layout=w.Layout(**fits), value=ctx.tahun if ctx.tahun in years else years[0])
        # The shipped scales, and the session's own when it was given one (a Scale, not a name).
        self.scales = {**achievement.SCALES}
        own = achievement.get_scale(ctx.skala)
        self.scales[own.name] = own
        self.scale = w.Dropdown(description="Skala", style=style, layout=w.Layout(**fits),
                                options=[(s.title, n) for n, s in self.scales.items()], value=own.name)
        self.all_nodes = all_nodes
        # The explorer compares the year with another (default: the latest realised before it).
        self.compare = w.Dropdown(
            description="Banding", style=style, layout=w.Layout(**fits),
            options=[("tahun berdata sebelumnya", 0), *year_options],  # 0, not None: None is no choice
            value=ctx.tahun_banding if ctx.tahun_banding in years else 0) if node else None
        self.node = w.Dropdown(description="Kondisi", style=style, layout=layout,
                               options=self._node_options()) if node else None
        self.search = None
        if self.node is not None:
            values = [v for _, v in self.node.options]
            self.node.value = ctx.node if ctx.node in values else (values[0] if values else None)
            ctx.node = self.node.value
            # Find a condition by a word of its statement, its id or an indicator's name
            # (Enter to search; empty to list them all again).
            self.search = w.Text(description="Cari", style=style, layout=layout, continuous_update=False,
                                 placeholder="mis. stunting: kata di pernyataan, id atau nama indikator")
            self.search.observe(self._searched, names="value")
        self.status = w.HTML()
        # Save what the sections show: tables to one Excel workbook, figures to PNG.
        self.save = w.Button(description="Simpan tampilan", icon="download", layout=_fits(),
                             tooltip="tabel ke Excel, gambar ke PNG, di folder keluaran OPD")
        self.saved = w.HTML()
        self.save.on_click(lambda _: self.save_view())
        # The OPD's headline figures, kept in step with the choices (the notebook's own
        # headline line shows the figures the notebook was opened with).
        self.headline = w.HTML(_headline_html(ctx, pemda_wide=not opd))
        controls = [*([self.opd] if opd else []), w.HBox([self.year, self.scale]),
                    *([self.compare] if self.compare else [])]
        if self.node is not None:
            controls += [self.search, self.node]
        super().__init__([*controls, self.headline, self.status, w.HBox([self.save, self.saved]),
                          w.HTML(_STALE_STYLE)])
        for control in (self.opd, self.year, self.scale, self.compare, self.node):
            if control is not None:
                control.observe(self._changed, names="value")

    def _node_options(self, words: str = "") -> list[tuple[str, str]]:
        """The conditions to choose from, in tree order, indented by depth: the OPD's (with the
        conditions above them when ``all_nodes``: the explorer follows a branch upwards); with
        ``words``, the matches of :meth:`matches`, whichever OPD owns them."""
        pemda = self.ctx.pemda
        own = pemda.owned_by(self.ctx.kode_opd)
        if words.split():
            nodes = self.matches(words)[0]
        elif not own:
            nodes = pemda.tree_order()  # an OPD without conditions: all
        elif self.all_nodes:
            above = {a for n in own for a in pemda.ancestors(n)}
            nodes = [n for n in pemda.tree_order() if n in above or n in own]
        else:
            nodes = own
        return [(_node_label(pemda, n), n) for n in nodes]

    def matches(self, words: str) -> tuple[list[str], int]:
        """The conditions whose id, statement, indicators' names, owner OPD (name or singkatan)
        or problems behind them hold every word of ``words``, in any case; those holding the
        words as one phrase first (each group in tree order). Also how many hold the phrase."""
        pemda = self.ctx.pemda
        wanted = words.lower().split()
        index = pemda.memo(("search_text",), lambda: _search_index(pemda))
        found = [n for n in pemda.tree_order() if all(word in index[n] for word in wanted)]
        if len(wanted) < 2:
            return found, len(found)
        phrase = " ".join(wanted)
        first = [n for n in found if phrase in index[n]]
        return first + [n for n in found if phrase not in index[n]], len(first)

    def _searched(self, change) -> None:
        self.find(change["new"])

    def find(self, words: str) -> None:
        """Narrow the condition list to what matches ``words`` and show the first match; a search
        that matches nothing lists the conditions again as before any search, and says so."""
        options = self._node_options(words)
        shown = _html(words.strip())
        matched = bool(words.split() and options)
        if words.split() and not options:
            options = self._node_options()
            self.status.value = self._note = (
                f"<i>Tidak ada kondisi yang memuat «{shown}» (di ID, pernyataan, indikator, OPD atau "
                f"masalah): daftar kembali ke semua kondisi. Coba kata lain atau sebagian kata.</i>")
        elif words.split():
            found, phrased = self.matches(words)
            note = f"{len(found)} kondisi memuat {'semua kata ' if len(words.split()) > 1 else ''}«{shown}»"
            if len(words.split()) > 1 and 0 < phrased < len(found):
                note += f"; {phrased} memuatnya sebagai satu frasa, di urutan teratas"
            self.status.value = self._note = f"<i>{note}.</i>"
        else:
            self.status.value = self._note = ""
        current = self.node.value
        self.node.unobserve(self._changed, names="value")
        self.node.options = options
        values = [v for _, v in options]
        # A search shows its best match; the full list again keeps the condition shown.
        self.node.value = values[0] if matched or current not in values else current
        self.node.observe(self._changed, names="value")
        if self.node.value != current:
            self._changed({"owner": self.node})

    def save_view(self) -> list[Path]:
        """Write what every section shows now (see :mod:`pohon_nb.nb.saving`); say where."""
        from .saving import save_view
        from .views import TITLES

        sections = [(TITLES.get(getattr(o.view, "__name__", ""), f"Bagian {n}"), o.items)
                    for n, o in enumerate(self.views, start=1)]
        try:
            written = save_view(self.ctx, sections, pemda_wide=self.opd is None)
        except Exception as exc:  # said beside the button; nothing the analyst had is touched
            self.saved.value = f"<span style='color:#C62828'>Gagal menyimpan: {_html(exc)}</span>"
            return []
        if not written:
            self.saved.value = "<i>Tidak ada tabel atau gambar untuk disimpan.</i>"
        else:
            self.saved.value = (f"<small>Tersimpan {len(written)} berkas di <code>{_html(written[0].parent)}"
                                f"</code>: {', '.join(_html(p.name) for p in written)}</small>")
        return written

    def add(self, view: View) -> ViewOutput:
        output = ViewOutput(view, self.ctx)
        self.views.append(output)
        self._look_ahead_later()
        return output

    def neighbours(self) -> list[dict]:
        """The choices an analyst is likely to make next, as context fields to change: the other
        realised years (the latest first), the years either side of the one shown, the other
        shipped scales and, in the explorer, every sasaran daerah."""
        ctx, pemda = self.ctx, self.ctx.pemda
        offered = [y for _, y in self.year.options]
        years = [*reversed(pemda.realised_years()), ctx.tahun - 1, ctx.tahun + 1]
        states = [{"tahun": y} for y in dict.fromkeys(years) if y != ctx.tahun and y in offered]
        states += [{"skala": n} for n in achievement.SCALES if n != self.scale.value]
        if self.node is not None:
            states += [{"node": n} for n in pemda.tree_order() if pemda.parent(n) is None and n != ctx.node]
        return states

    def _look_ahead_later(self) -> None:
        """Once the panel has been idle :data:`LOOK_AHEAD_SECONDS`, draw the sections for the
        :meth:`neighbours` ahead, one section per turn of the event loop; any change stops it
        (it then waits for one section at most). Nothing is shown: a later change to one of
        those choices finds its sections ready."""
        loop = _running_loop()
        if loop is None or self.settle is None:
            return
        if self._ahead is not None:
            self._ahead.cancel()
        plan = iter([(changes, output) for changes in self.neighbours() for output in self.views
                     if set(changes) & set(getattr(output.view, "reads", FIELDS))])
        self._ahead = loop.call_later(LOOK_AHEAD_SECONDS, self._look_ahead, loop, self._generation, plan)

    def _look_ahead(self, loop, generation: int, plan) -> None:
        if generation != self._generation:
            return  # a change came: its own refresh runs, and looks ahead again when settled
        for changes, output in plan:
            if output.prepare(replace(self.ctx, **changes)):
                self._ahead = loop.call_soon(self._look_ahead, loop, generation, plan)
                return
        self._ahead = None

    def _changed(self, change) -> None:
        owner = change["owner"]
        if owner is not self.node:
            self._note = ""  # a search's count stays while its matches are picked
        if owner is self.opd:
            self.ctx.kode_opd = self.opd.value
            if self.node is not None:  # the list and the condition follow the OPD
                own = self.ctx.pemda.owned_by(self.opd.value)
                self.node.unobserve(self._changed, names="value")
                if self.search is not None and self.search.value:
                    self.search.unobserve(self._searched, names="value")
                    self.search.value = ""  # a new OPD starts from its own list
                    self.search.observe(self._searched, names="value")
                self.node.options = self._node_options()
                values = [v for _, v in self.node.options]
                first = next((n for n in own if n in values), values[0] if values else None)
                self.node.value = first
                self.node.observe(self._changed, names="value")
                self.ctx.node = self.node.value
        elif owner is self.year:
            self.ctx.tahun = self.year.value
        elif owner is self.scale:
            chosen = self.scales[self.scale.value]
            self.ctx.skala = chosen.name if chosen.name in achievement.SCALES else chosen
        elif owner is self.compare:
            self.ctx.tahun_banding = self.compare.value or None
        elif owner is self.node:
            self.ctx.node = self.node.value
            owner_code = self.ctx.pemda.node(self.node.value).get("kode_opd")
            if (self.opd is not None and owner_code in self.ctx.pemda.opd_codes()
                    and owner_code != self.opd.value):
                self.ctx.kode_opd = owner_code  # the OPD follows the condition
                self.opd.unobserve(self._changed, names="value")
                self.opd.value = owner_code
                self.opd.observe(self._changed, names="value")
        self.request_refresh()

    def request_refresh(self) -> None:
        """Grey out the sections the change touches and draw them again for the current choices:
        at once outside an event loop, else after the choices have settled (see the class
        docstring). A section that does not read what changed is left as it is."""
        self._generation += 1
        self.status.value = "<i>memperbarui…</i>"
        for output in self.views:
            if not output.current():
                output.mark_stale()
        self.headline.add_class(STALE)
        loop = _running_loop()
        if loop is None or self.settle is None:
            for output in self.views:
                if not output.current():
                    output.refresh_current()
            self._finish()
            return
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self.settle, self._step, loop, self._generation, 0)

    def _step(self, loop, generation: int, index: int) -> None:
        """Draw the next section from ``index`` that does not show the current choices for
        ``generation``, then yield to the loop before the one after."""
        if generation != self._generation:
            return  # a newer change has its own refresh scheduled
        while index < len(self.views) and self.views[index].current():
            self.views[index].remove_class(STALE)  # a change undone before it was drawn
            index += 1
        if index < len(self.views):
            self.views[index].refresh_current()
            self._pending = loop.call_soon(self._step, loop, generation, index + 1)
            return
        self._pending = None
        self._finish()

    def _finish(self) -> None:
        headline = _headline_html(self.ctx, pemda_wide=self.opd is None)
        if self.headline.value != headline:
            self.headline.value = headline
        self.headline.remove_class(STALE)
        self.status.value = self._note
        self._look_ahead_later()


class UsgScorer(w.VBox):
    """Sliders for U, S and G of the OPD's problems that passed APKL, the ranking as it stands,
    and a button that saves the scores to a new workbook."""

    def __init__(self, ctx: Context, out_dir: str | Path = OUT):
        self.ctx, self.out_dir = ctx, out_dir
        screen = problems.apkl_screen(ctx.pemda, ctx.kode_opd)
        frame = ctx.pemda.masalah.set_index("id")
        self.sliders: dict[str, tuple[w.IntSlider, w.IntSlider, w.IntSlider]] = {}
        rows = []
        for item in screen.itertuples():
            if item.lolos is False:
                continue
            values = [frame.loc[item.id, c] or 3 for c in ("usg_u", "usg_s", "usg_g")]
            sliders = tuple(w.IntSlider(value=int(v), min=1, max=5, description=d,
                                        layout=w.Layout(width="220px"),
                                        style={"description_width": "20px"})
                            for v, d in zip(values, "USG"))
            for slider in sliders:
                slider.observe(lambda _: self._rank(), names="value")
            self.sliders[item.id] = sliders
            rows.append(w.VBox([w.HTML(f"<b>{item.id}</b> {_html(item.pernyataan)}"), w.HBox(sliders)]))
        self.ranking = w.Output()
        self.save = w.Button(description="Simpan skor USG", button_style="primary", icon="save",
                             layout=_fits())
        self.message = w.HTML()
        self.save.on_click(lambda _: self._save())
        if not rows:  # nothing to score: say what is missing instead of an empty widget
            sentence = (missing(ctx, "masalah", "masalah") if screen.empty else
                        "*Semua isu OPD ini gagal APKL, jadi tidak ada yang diberi skor USG.*")
            super().__init__([w.HTML(_markdown_html(sentence))])
            return
        super().__init__([*rows, self.ranking, w.HBox([self.save, self.message])])
        self._rank()

    def scores(self) -> dict[str, tuple[int, int, int]]:
        return {pid: tuple(s.value for s in sliders) for pid, sliders in self.sliders.items()}

    def _rank(self) -> None:
        import pandas as pd

        rows = [{"id": pid, "usg_u": u, "usg_s": s, "usg_g": g} for pid, (u, s, g) in self.scores().items()]
        frame = problems.rank_usg(pd.DataFrame(rows, columns=["id", *problems.USG]))
        self.ranking.outputs = ()
        self.ranking.append_display_data(table(frame))

    def _save(self) -> None:
        try:
            path = save_scores(self.ctx.pemda.source, usg=self.scores(), out_dir=self.out_dir)
        except Exception as exc:  # shown to the analyst; the input is untouched either way
            self.message.value = f"<span style='color:#C62828'>Gagal menyimpan: {_html(exc)}</span>"
            return
        self.saved = path
        self.message.value = f"Tersimpan di <code>{_html(path)}</code> (berkas asli tidak diubah)."


class IndicatorScorer(w.VBox):
    """SMART/CREAM sliders (0-2) for one indicator at a time, prefilled with the automatic
    score and its reason; assessments are collected, then saved to a new workbook."""

    def __init__(self, ctx: Context, out_dir: str | Path = OUT):
        self.ctx, self.out_dir = ctx, out_dir
        self.reasons = score_reasons(ctx.pemda, ctx.kode_opd)
        ids = list(dict.fromkeys(self.reasons["id_indikator"]))
        names = dict(zip(self.reasons["id_indikator"], self.reasons["nama"]))
        self.indicator = w.Dropdown(description="Indikator", options=[(f"{i} {names[i]}"[:90], i)
                                                                      for i in ids],
                                    layout=w.Layout(width="640px"))
        self.assessor = w.Text(description="Penilai", placeholder="nama atau unit penilai")
        self.sliders = {c: w.IntSlider(min=0, max=2, description=f"{f} {k}",
                                       style={"description_width": "150px"},
                                       layout=w.Layout(width="340px"))
                        for c, (f, k, _) in CRITERIA.items()}
        self.why = {c: w.HTML() for c in CRITERIA}
        self.note = w.Textarea(description="Catatan", layout=w.Layout(width="640px"))
        self.add_button = w.Button(description="Tambahkan penilaian", icon="plus", layout=_fits())
        self.save = w.Button(description="Simpan ke berkas baru", button_style="primary", icon="save",
                             layout=_fits())
        self.message = w.HTML()
        self.pending: list[dict] = []
        self.indicator.observe(lambda _: self._load(), names="value")
        self.add_button.on_click(lambda _: self._add())
        self.save.on_click(lambda _: self._save())
        grid = [w.HBox([self.sliders[c], self.why[c]]) for c in CRITERIA]
        if not ids:  # nothing to score: say what is missing instead of an empty widget
            super().__init__([w.HTML(_markdown_html(no_indicators(ctx) or missing(ctx, "indikator")))])
            return
        super().__init__([self.indicator, self.assessor, *grid, self.note,
                          w.HBox([self.add_button, self.save]), self.message])
        self._load()

    def _load(self) -> None:
        rows = self.reasons[self.reasons["id_indikator"] == self.indicator.value]
        for row in rows.itertuples():
            self.sliders[row.kolom].value = int(round(row.skor))
            self.why[row.kolom].value = f"<small>otomatis {row.skor_otomatis}: {_html(row.alasan)}</small>"

    def _add(self) -> None:
        if not self.assessor.value.strip():
            self.message.value = "<span style='color:#C62828'>Isi nama penilai dulu.</span>"
            return
        record = {"id_indikator": self.indicator.value, "penilai": self.assessor.value.strip(),
                  **{c: s.value for c, s in self.sliders.items()},
                  "catatan": self.note.value.strip() or None}
        self.pending.append(record)
        self.message.value = f"{len(self.pending)} penilaian menunggu disimpan."

    def _save(self) -> None:
        if not self.pending:
            self.message.value = "Belum ada penilaian yang ditambahkan."
            return
        try:
            path = save_scores(self.ctx.pemda.source, assessments=self.pending, out_dir=self.out_dir)
        except Exception as exc:
            self.message.value = f"<span style='color:#C62828'>Gagal menyimpan: {_html(exc)}</span>"
            return
        self.saved = path
        self.message.value = (f"{len(self.pending)} penilaian tersimpan di <code>{_html(path)}</code> "
                              f"(berkas asli tidak diubah).")
        self.pending = []


def _search_index(pemda) -> dict[str, str]:
    """What a search finds a condition by: its id and statement, its indicators' names, and the
    problems it comes from (its ``asal_masalah`` and every cause upstream of it, ids and
    statements): searching a root problem lists the conditions it holds back."""
    import networkx as nx

    graph = pemda.problems
    upstream: dict[str, str] = {}

    def problems_behind(link: str) -> str:
        if link not in upstream:
            found = [link, *nx.ancestors(graph, link)]
            upstream[link] = " ".join(f"{p} {graph.nodes[p].get('pernyataan') or ''}" for p in found)
        return upstream[link]

    index = {}
    for n in pemda.tree_order():
        node = pemda.node(n)
        link, owner = node.get("asal_masalah"), node.get("kode_opd")
        index[n] = " ".join([n, node.get("pernyataan") or "",
                             *(i.get("nama") or "" for i in pemda.indicators_of(n)),
                             *((pemda.opd_name(owner), pemda.opd_short(owner)) if owner else ()),
                             problems_behind(link) if link in graph else ""]).lower()
        index[n] = " ".join(index[n].split())  # a phrase matches across line breaks and double spaces
    return index


NODE_LABEL = 90
"""Characters of a statement a condition's entry in the list shows (then "…")."""


def _node_label(pemda, node_id: str) -> str:
    """A condition as the list names it: indented by depth, its id, its statement."""
    statement = " ".join(str(pemda.node(node_id).get("pernyataan") or "").split())
    if len(statement) > NODE_LABEL:
        statement = statement[:NODE_LABEL - 1].rstrip() + "…"
    return f"{'· ' * len(pemda.ancestors(node_id))}{node_id} {statement}"


def _running_loop():
    """The event loop this callback runs in (the kernel's), or None outside one."""
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _headline_html(ctx: Context, pemda_wide: bool = False) -> str:
    from .views import headline, pemda_headline

    try:
        return f"<small>{_html((pemda_headline if pemda_wide else headline)(ctx))}</small>"
    except Exception as exc:  # the panel still works; the line says why it has no figures
        return f"<small>Angka utama tidak dapat dihitung: {_html(exc)}</small>"


def _markdown_html(text: str) -> str:
    """A one-paragraph Markdown sentence from :func:`views.missing` as HTML."""
    import mistune  # nbconvert's Markdown renderer

    return mistune.html(text)


def _html(text) -> str:
    import html

    return html.escape(str(text))
