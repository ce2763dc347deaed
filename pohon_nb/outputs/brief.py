"""A one-page brief per OPD for the asistensi room: A4, printable in black and white.

The page an OPD head signs: the OPD's headline figures, its performance tree, the findings
that matter most with where they are and the criterion they touch, the crosscutting requests
still open, and (after a comparison with an earlier version) what changed. Meaning is never
carried by colour alone: severities, predicates and statuses are written out. Text is wrapped
to the width the printing font measures, never cut; what does not fit is counted ("dan 6 temuan
lain"). The text closes with the signatures; then the tree, a page each, portrait or landscape,
with its indicators when they print at 5.5 pt or more, else without, else an overview and a page
per branch (said in the page's title). The pages are written as vector PDF (:mod:`.pdf`): the
tree's text prints sharp and can be searched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import __version__
from ..core.findings import SEVERITY_LABELS, SEVERITY_RANK, Finding, in_groups
from ..core.formats import number_text, percent
from ..method import follow_up, lke, problems
from ..method.achievement import TARGET_MET, AchievementConfig, indicator_gaps
from ..method.budget import opd_budget
from ..method.checked import Checked
from ..method.crosscutting import requests
from ..method.scales import DEFAULT_SCALE
from ..method.summary import opd_headlines, predicate_text, waiting_text
from ..method.wording import head_title
from ..reading.model import Pemda
from . import pdf
from .diagrams import figure_size, opd_overview_plan, opd_tree_plans
from .diagrams.performance_tree import COLUMN_ROWS
from .fonts import text_width

PORTRAIT, LANDSCAPE = (8.27, 11.69), (11.69, 8.27)
MARGIN = 0.55  # inches around the page
MIN_STATEMENT_SCALE = 0.75  # statements (8.5 pt) print at 6.4 pt or more, or the tree is split by branch
MIN_INDICATOR_SCALE = 0.85  # the indicator lines (6.5 pt) print at 5.5 pt or more, or are left out
TOP_FINDINGS = 8
OPEN_REQUESTS = 6
CHANGES = 6


@dataclass
class Block:
    """Lines of text with one style, placed one under the other."""

    lines: list[str]
    size: float = 8.5
    weight: str = "normal"
    style: str = "normal"
    gap: float = 0.06  # inches after the block

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * 1.35 / 72 + self.gap


@dataclass
class Page(pdf.Page):
    """A page being filled from the top: ``y`` inches already used."""

    y: float = MARGIN

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN

    @property
    def room(self) -> float:
        return self.size[1] - MARGIN - self.y

    def text(self, block: Block) -> None:
        for line in block.lines:
            self.texts.append(pdf.Text(MARGIN, self.y, line, block.size, block.weight, block.style))
            self.y += block.size * 1.35 / 72
        self.y += block.gap

    def tree(self, pemda: Pemda, plan, scale: float) -> None:
        """Place a planned tree at the cursor, its figure scaled by ``scale``."""
        self.trees.append(pdf.PlacedTree(pemda, plan, MARGIN, self.y, scale))
        self.y += figure_size(pemda, plan)[1] * scale + 0.1


class Document:
    """Pages in order; a block of text that does not fit the page left starts a new one."""

    def __init__(self):
        self.pages = [Page(PORTRAIT)]

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def text(self, block: Block) -> None:
        if block.height > self.page.room:
            self.pages.append(Page(PORTRAIT))
        self.page.text(block)

    def section(self, title: str, items: list[str]) -> None:
        self.text(Block(wrapped(title, self.page.width, 10, "bold"), 10, "bold", gap=0.03))
        for item in items:
            self.text(Block(wrapped(f"• {item}", self.page.width, 8.5, indent="   "), 8.5, gap=0.03))
        self.page.y += 0.08


def wrapped(text: str, width: float, size: float = 8.5, weight: str = "normal",
            style: str = "normal", indent: str = "") -> list[str]:
    """``text`` in lines no wider than ``width`` inches, as measured by the font that prints it: a
    line's width is the sum of its words' widths and the spaces between them (kept 2% under
    ``width``), each word measured once."""
    space = text_width("a a", size, weight, style) - 2 * text_width("a", size, weight, style)
    room = width * 0.98
    lines, line, used = [], "", 0.0
    for word in str(text).split():
        word_width = text_width(word, size, weight, style)
        if not line:
            line = (indent if lines else "") + word
            used = text_width(indent, size, weight, style) if lines and indent else 0.0
            used += word_width
        elif used + space + word_width > room:
            lines.append(line)
            line = indent + word
            used = (text_width(indent, size, weight, style) if indent else 0.0) + word_width
        else:
            line = f"{line} {word}"
            used += space + word_width
    return [*lines, line] if line else lines or [""]


def finding_line(finding: Finding) -> str:
    where = ", ".join(p for p in (f"sheet {finding.sheet}" if finding.sheet else "",
                                  f"baris {finding.row}" if finding.row else "",
                                  f"kolom {finding.column}" if finding.column else "",
                                  f"id {finding.ref}" if finding.ref else "") if p)
    criterion = f" (kriteria {finding.criterion})" if finding.criterion else ""
    return f"{SEVERITY_LABELS[finding.severity]} {finding.code}{criterion}, {where}: {finding.message}"


def finding_lines(findings: list[Finding]) -> list[str]:
    """One line per finding, but one line per rule repeated (:func:`in_groups`, in the place of its
    first), marked "× N " so the caller can count what it shows."""
    lines = []
    for group in in_groups(findings):
        finding = group[0]
        if len(group) == 1:
            lines.append(finding_line(finding))
        else:
            refs = ", ".join(f.ref for f in group[:8])
            refs += f" dan {len(group) - 8} lagi" if len(group) > 8 else ""
            criterion = f" (kriteria {finding.criterion})" if finding.criterion else ""
            lines.append(f"× {len(group)} {SEVERITY_LABELS[finding.severity]} {finding.code}{criterion} "
                         f"× {len(group)}: {finding.title}, sheet {finding.sheet}: {refs}. Contoh: "
                         f"{finding.message}")
    return lines


def brief_pages(checked: Checked, kode_opd: str, year: int,
                config: AchievementConfig | None = None, scale: str = DEFAULT_SCALE,
                changes: tuple[str, list[str]] | None = None) -> list[Page]:
    """The brief's pages (A4, to write with :func:`write_brief`). ``changes``: the summary line and the
    changes to list, when the workbook was compared with an earlier version."""
    pemda, findings = checked.pemda, checked.findings
    head = opd_headlines(checked, year, config, scale, codes=[kode_opd]).iloc[0]
    doc = Document()
    width = doc.page.width
    info = pemda.info
    doc.text(Block(wrapped("Ringkasan asistensi Pohon Kinerja", width, 14, "bold"), 14, "bold", gap=0.04))
    doc.text(Block(wrapped(f"{pemda.opd_name(kode_opd)} ({kode_opd})", width, 11, "bold"), 11, "bold",
                   gap=0.02))
    doc.text(Block(wrapped(f"{info.get('nama_pemda', '')}, periode {info.get('periode_awal', '')}-"
                           f"{info.get('periode_akhir', '')}; capaian tahun {year}. Dibuat "
                           f"{dt.date.today():%d-%m-%Y} dengan pohon-nb {__version__} dari "
                           f"{Path(pemda.source).name}.", width, 8, style="italic"), 8, style="italic",
                   gap=0.12))
    predicate = predicate_text(head["capaian"], head["predikat"])
    note = f" [{head['catatan_capaian']}]" if head["catatan_capaian"] else ""
    doc.section("Angka utama", [
        f"{int(head['kondisi'])} kondisi, {int(head['indikator'])} indikator terpilih, {int(head['iku'])} "
        f"IKU. Capaian {year}: {percent(head['capaian'])}, predikat {predicate}{note}; capaian cabang "
        f"(penjelas, tanpa predikat) {percent(head['capaian_cabang'])}. Temuan: {int(head['galat'])} galat, "
        f"{int(head['peringatan'])} peringatan, {int(head['info'])} info; "
        f"{waiting_text(int(head['permintaan_tertunda']), int(head['diminta_tertunda']))}."])
    # The findings that matter most: errors first, then by criterion.
    own = sorted((f for f in findings if f.kode_opd == kode_opd),
                 key=lambda f: (SEVERITY_RANK[f.severity], f.criterion or "9", f.code, f.row or 0))
    items = finding_lines(own)[:TOP_FINDINGS]
    shown = sum(1 if not line.startswith("×") else int(line.split()[1]) for line in items)
    items = [line.split(" ", 2)[2] if line.startswith("×") else line for line in items]
    if len(own) > shown:
        items.append(f"dan {len(own) - shown} temuan lain (daftar lengkap di notebook langkah 2).")
    room = room_sections(checked, kode_opd, year, config, scale)
    doc.section(*room[0])  # what to fix today comes first
    doc.section(f"Temuan utama ({len(own)})", items or ["Tidak ada temuan pada baris OPD ini."])
    for title, lines in room[1:]:
        doc.section(title, lines)
    doc.section(*_waiting_section(pemda, kode_opd))
    if changes is not None:
        summary, listed = changes
        extra = [f"dan {len(listed) - CHANGES} perubahan lain."] if len(listed) > CHANGES else []
        doc.section("Sejak asistensi lalu", [summary, *listed[:CHANGES], *extra])
    sign = _sign_off(pemda, kode_opd, width)
    plans, note = _trees_for_brief(pemda, kode_opd, year, scale, config)
    if not plans:
        doc.section("Pohon kinerja", ["OPD ini belum punya kondisi di sheet pohon."])
    # The sign-off closes the text, at the foot of its last page (or of a page of its own).
    if doc.page.room < sign.height + 0.2:
        doc.pages.append(Page(PORTRAIT))
    doc.page.y = PORTRAIT[1] - MARGIN - sign.height
    doc.page.text(sign)
    for plan in plans:
        fig_w, fig_h = figure_size(pemda, plan)
        # The drawing carries its own title; the brief adds only what it leaves out. Each gets a
        # page of its own, portrait or landscape, whichever prints it larger.
        titles = {size: Block(wrapped(f"Pohon kinerja ({note})", size[0] - 2 * MARGIN, 10, "bold") if note
                              else [], 10, "bold", gap=0.04 if note else 0) for size in (PORTRAIT, LANDSCAPE)}
        fits = {size: min((size[0] - 2 * MARGIN) / fig_w,
                          (size[1] - 2 * MARGIN - titles[size].height - 0.3) / fig_h, 1.0)
                for size in (PORTRAIT, LANDSCAPE)}
        size = max(fits, key=fits.get)
        doc.pages.append(Page(size))
        doc.page.text(titles[size])
        doc.page.tree(pemda, plan, fits[size])
    _number_pages(doc.pages, pemda.opd_short(kode_opd))
    return doc.pages


def _number_pages(pages: list[Page], who: str) -> None:
    """"Halaman i dari n" in the bottom margin of every page, with the OPD, so a loose page of
    a printed pile finds its brief."""
    for number, page in enumerate(pages, start=1):
        w, h = page.size
        line = f"{who} · Halaman {number} dari {len(pages)}"
        page.texts.append(pdf.Text(w - MARGIN, h - MARGIN / 2 - 0.5 * 7.5 / 72, line, 7.5, align="right"))


ACTIONS = 6
BELOW_TARGET = 3


def room_sections(checked: Checked, kode_opd: str, year: int, config: AchievementConfig | None,
                  scale: str = DEFAULT_SCALE) -> list[tuple[str, list[str]]]:
    """What the asistensi room works from, after the findings: what to fix today (the fewest
    elements that raise an LKE criterion one grade, with who and by when left to fill in), the
    LKE estimate, the indicators below target, the budget and its absorption, the core problem."""
    pemda = checked.pemda
    estimates = lke.estimate(checked, year, config, kode_opd=kode_opd)[kode_opd]
    decided = [e for e in estimates if e.decided]
    actions = follow_up.today(checked, kode_opd, year, config, estimates)
    fix = [action_line(r) for r in actions.head(ACTIONS).itertuples()]
    if len(actions) > ACTIONS:
        fix.append(f"dan {len(actions) - ACTIONS} tindakan lain (berkas tindak_lanjut_usulan.xlsx).")
    reviewed = follow_up.review(checked)
    counted_actions = follow_up.counts(reviewed, kode_opd)
    title = "Perbaiki hari ini"
    if any(counted_actions.values()):
        title += f" (tindak lanjut yang disepakati: {follow_up.counts_text(counted_actions)})"
    else:
        title += " (usulan tindak lanjut)"
    sections = [(title.replace("\u00a0", " "), fix or [
        "Tidak ada unsur yang dapat diperbaiki untuk menaikkan perkiraan LKE OPD ini."])]
    counted = ", ".join(f"{n} {a}" for a, n in lke.answer_counts(decided))
    below_bb = [f"{e.criterion.code} {e.criterion.text.rstrip('.')}: {e.answer} "
                f"({sum(x.fulfilled for x in e.elements)} dari {len(e.elements)} unsur)"
                for e in decided if e.answer != "BB"]
    sections.append(("Perkiraan LKE (dari workbook, bukan keputusan evaluator)", [
        f"{len(decided)} kriteria diperkirakan dari workbook: {counted or 'belum ada'}; "
        f"{len(estimates) - len(decided)} dinilai evaluator dari bukti dokumen.", *below_bb[:5]]))
    gaps = indicator_gaps(pemda, kode_opd, year, config, scale).dropna(subset=["capaian"])
    below = gaps[gaps["capaian"] < TARGET_MET]
    lines = [f"{len(below)} dari {len(gaps)} indikator berdata {year} di bawah target."]
    lines += [f"{r.id_indikator} {r.nama}: capaian {percent(r.capaian)}"
              for r in below.head(BELOW_TARGET).itertuples()]
    sections.append(("Indikator di bawah target", lines if len(gaps) else [
        f"Belum ada indikator OPD ini dengan realisasi {year} (sheet indikator, kolom realisasi_{year})."]))
    money = opd_budget(pemda, kode_opd, year, config)
    if money is None:
        sections.append(("Anggaran", [f"Sheet anggaran belum berisi pagu OPD ini tahun {year}."]))
    else:
        spent = money.branches["realisasi_anggaran"].dropna()
        absorbed = (f", realisasi Rp{number_text(float(spent.sum()))}, serapan "
                    f"{percent(float(spent.sum()) / money.total * 100)}" if len(spent) and money.total else
                    ", realisasi belum diisi")
        sections.append(("Anggaran", [f"Pagu {year}: Rp{number_text(money.total)}{absorbed}; "
                                      f"{len(money.unfunded_outputs)} output tanpa anggaran."]))
    core = problems.core_problem(pemda, kode_opd)
    marked, top = core[core["ditandai_inti"]], core[core["usg_teratas"]]
    if core.empty:
        lines = ["Sheet masalah belum menandai masalah inti OPD ini (kolom inti)."]
    else:
        lines = [f"{r.id} {r.pernyataan} (USG "
                 f"{number_text(r.total_usg) if pd.notna(r.total_usg) else 'belum dinilai'}"
                 f"{', ditandai inti' if r.ditandai_inti else ''}"
                 f"{', peringkat USG 1' if r.usg_teratas else ''})" for r in core.itertuples()]
        if len(top) > 1:
            lines.append(f"Seri di peringkat USG 1: {', '.join(top['id'])}; putuskan di forum.")
        if len(marked) and not marked["usg_teratas"].all():
            lines.append("Masalah yang ditandai inti bukan peringkat USG teratas: periksa skornya.")
    sections.append(("Masalah inti", lines))
    return sections


def action_line(r) -> str:
    """One action of :func:`follow_up.today` as the brief prints it, with who and by when to fill in."""
    rule = ", ".join(x for x in (r.kode_aturan, f"menaikkan {r.kriteria}" if r.kriteria else "") if x)
    head = f"{r.id} ({r.keadaan}): " if r.id else ""
    # "; " between who and by when: a wrapped line keeps no double space, and a name given reads
    # apart from the deadline ("Sekretaris Dinas; tenggat 01-11-2026").
    return (f"{head}{r.ref + ': ' if r.ref else ''}{r.tindakan}{f' ({rule})' if rule else ''}. Penanggung "
            f"jawab: {r.penanggung_jawab or '__________'}; tenggat: {r.tenggat or '__________'}")


def _sign_off(pemda: Pemda, kode_opd: str, width: float) -> Block:
    """The signatures at the foot of the first page: the OPD head (by title, not by office) and
    the facilitator, with the date."""
    row = pemda.opd[pemda.opd["kode_opd"] == kode_opd]
    given = row.iloc[0].get("jabatan_kepala") if len(row) and "jabatan_kepala" in row else None
    title = head_title(pemda.opd_name(kode_opd), given if isinstance(given, str) else None)
    lines = wrapped(f"Disetujui, {title}: ______________________", width, 9)
    lines += wrapped("Fasilitator asistensi: ______________________   Tanggal: ____________", width, 9)
    return Block(lines, 9, gap=0)


def _waiting_section(pemda: Pemda, kode_opd: str) -> tuple[str, list[str]]:
    """The crosscutting requests still waiting, each with its direction: those the OPD made and
    its partners have not answered, and those made of it that it has not answered."""
    table = requests(pemda)
    mine = table[(table["kode_opd"] == kode_opd) | (table["kode_opd_mitra"] == kode_opd)]
    waiting = mine[mine["status"] == "usulan"]
    lines = []
    for r in waiting.head(OPEN_REQUESTS).itertuples():
        what = r.peran or "peran belum ditulis"
        if r.kode_opd == kode_opd:
            lines.append(f"Diminta OPD ini dari {pemda.opd_short(r.kode_opd_mitra)} (kondisi {r.id_pohon}): "
                         f"{what}; menunggu jawaban mitra.")
        else:
            lines.append(f"Diminta dari OPD ini oleh {pemda.opd_short(r.kode_opd)} (kondisi {r.id_pohon}): "
                         f"{what}; menunggu jawaban OPD ini.")
    if len(waiting) > OPEN_REQUESTS:
        lines.append(f"dan {len(waiting) - OPEN_REQUESTS} permintaan lain.")
    if not len(mine):
        lines = ["OPD ini tidak meminta dan tidak dimintai crosscutting (sheet lintas_opd)."]
    elif not len(waiting):
        lines = [f"Semua {len(mine)} permintaan crosscutting yang melibatkan OPD ini sudah dijawab "
                 f"(disetujui atau ditolak)."]
    return f"Crosscutting belum disepakati ({len(waiting)})", lines


def _trees_for_brief(pemda: Pemda, kode_opd: str, year: int, scale: str,
                     config: AchievementConfig | None):
    """The OPD's tree as the brief draws it, a page each, and a note on what it leaves out: the
    whole tree with its chosen indicators named when they print at 5.5 pt or more, else the whole
    tree without indicator lines when its statements print at 6.4 pt or more, else one page per
    branch after an overview (down to immediate outcomes, else to intermediate outcomes, else
    none, so that it too prints at 6.4 pt or more). Every plan is laid out as it prints largest
    (:func:`_largest`: long columns of leaves wrapped or not). The text never shrinks to nothing.
    Each choice is made from the plans' sizes; only the trees kept are drawn."""
    width = LANDSCAPE[0] - 2 * MARGIN
    without = "tanpa nama indikator; indikatornya di notebook langkah 3"

    def readable(plan) -> bool:
        return _page_fit(figure_size(pemda, plan)) >= MIN_STATEMENT_SCALE

    for indicators, note, least in ((True, "", MIN_INDICATOR_SCALE), (False, without, MIN_STATEMENT_SCALE)):
        whole = opd_tree_plans(pemda, kode_opd, year=year, scale=scale, indicators=indicators,
                               max_width=float("inf"), config=config)
        if not whole:
            return [], ""
        whole = _largest(pemda, whole[0])
        if _page_fit(figure_size(pemda, whole)) >= least:
            return [whole], note
    # Split by branch; a branch still too large for a page (too tall, or too wide) splits into its
    # own branches: plan again with a width just below it. A single plan is the whole tree, too
    # tall for its width: it splits too.
    limit = width / MIN_STATEMENT_SCALE
    for _ in range(4):
        planned = opd_tree_plans(pemda, kode_opd, year=year, scale=scale, indicators=False,
                                 max_width=limit, config=config)
        plans = [_largest(pemda, plan) for plan in planned]
        pairs = list(zip(planned, plans))
        small = [raw.layout.width for raw, plan in (pairs[1:] or pairs) if not readable(plan)]
        if not small:
            break
        limit = min(small) - 0.01
    note = f"{without}; satu halaman per cabang"
    if len(plans) > 1 and not readable(plans[0]):
        upper = opd_overview_plan(pemda, kode_opd, levels=("ultimate", "intermediate"), year=year,
                                  scale=scale, config=config)
        upper = _largest(pemda, upper)
        if readable(upper):
            plans[0] = upper
        else:
            plans, note = plans[1:], f"{note}; tanpa ikhtisar, terlalu lebar untuk dicetak terbaca"
    return plans, note


def _largest(pemda: Pemda, plan):
    """The plan laid out as it prints largest on a page: as planned, or with its long columns of
    leaves wrapped after each of :data:`~pohon_nb.outputs.diagrams.performance_tree.COLUMN_ROWS`."""
    return max([plan, *(plan.wrapped(rows) for rows in COLUMN_ROWS)],
               key=lambda p: _page_fit(figure_size(pemda, p)))


def _page_fit(size: tuple[float, float]) -> float:
    """How much a drawing of ``size`` inches is scaled to fit a page, portrait or landscape,
    whichever is larger."""
    fig_w, fig_h = size
    return max(min((w - 2 * MARGIN) / fig_w, (h - 2 * MARGIN - 0.6) / fig_h)
               for w, h in (PORTRAIT, LANDSCAPE))


def write_brief(pages: list[Page], path: str | Path) -> Path:
    """Save the pages as one PDF, atomically (an earlier brief of the same name is replaced)."""
    return pdf.write_pdf(pages, path, title="Ringkasan asistensi Pohon Kinerja",
                         creator=f"pohon-nb {__version__}")


def merge(paths: list[Path], target: str | Path) -> Path:
    """One PDF of several briefs, in order, atomically."""
    from pypdf import PdfWriter

    from ..core.atomic import atomic_path

    writer = PdfWriter()
    for path in paths:
        writer.append(str(path))
    with atomic_path(target, overwrite=True) as tmp, open(tmp, "wb") as handle:
        writer.write(handle)
    return Path(target)
