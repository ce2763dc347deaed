"""The step notebooks and their reports: names, titles, and an executed notebook as HTML.

Notebooks are executed in one place, :mod:`pohon_nb.run.batch` (``pohon-nb run`` is a batch of
one OPD); this module names the notebooks and turns an executed one into the page a reader
gets, with inputs, prompts and JupyterLab-only cells hidden, written atomically.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..core.atomic import atomic_path

STEPS = ("01_identifikasi_masalah", "02_pemetaan_kausal", "03_pemilihan_indikator")
OVERVIEW = "00_ikhtisar_pemda"
STEP_TITLES = {OVERVIEW: "Ikhtisar Pemda", "01_identifikasi_masalah": "1 Identifikasi masalah",
               "02_pemetaan_kausal": "2 Pemetaan kausal", "03_pemilihan_indikator": "3 Pemilihan indikator"}


_EXPORTER = None
INTERACTIVE_TAG = "hanya-interaktif"
"""Cells that only make sense in JupyterLab (how to run, the scorers): left out of reports."""


def html_exporter():
    """One reused HTML exporter: inputs, prompts and JupyterLab-only cells hidden."""
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert.preprocessors import TagRemovePreprocessor

        _EXPORTER = _report_exporter_class()(exclude_input=True, exclude_input_prompt=True,
                                             exclude_output_prompt=True)
        remove = TagRemovePreprocessor(remove_cell_tags={INTERACTIVE_TAG}, enabled=True)
        _EXPORTER.register_preprocessor(remove, enabled=True)
    return _EXPORTER


def _report_exporter_class():
    """nbconvert's HTML exporter without its last pass, which parses the whole page again
    (BeautifulSoup) to give every image an English placeholder description and every output a
    tab stop: :func:`finished_page` does both in one regex pass, with the description in
    Bahasa Indonesia. The rest is nbconvert's own ``from_notebook_node``."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            highlight = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            data_types = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                               resources=resources)
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_types)
            body, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return finished_page(body), resources

    return ReportExporter


def write_html(notebook: Path, target: Path, title: str | None = None) -> Path:
    """The executed notebook as a report: ``title`` in the page's title (else the file name)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    resources = {"metadata": {"name": title or Path(notebook).stem}}
    body, _ = html_exporter().from_notebook_node(nb, resources=resources)
    body = body.replace("</head>", REPORT_STYLE + "</head>", 1)
    with atomic_path(target, overwrite=True) as tmp:
        tmp.write_text(body, encoding="utf-8")
    return target


REPORT_STYLE = """<style>
/* pohon-nb: a report read on a laptop is as compact as a printed table: tighter cells and
   paragraphs than JupyterLab's, the same text. A folded part shows it can be opened. */
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { padding: 0.25em 0.5em; line-height: 1.3; }
.jp-RenderedHTMLCommon p { margin-bottom: 0.6em; }
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li { line-height: 1.45; }
.jp-RenderedHTMLCommon table { margin-bottom: 0.6em; }
.jp-RenderedHTMLCommon h1, .jp-RenderedHTMLCommon h1:first-child, .jp-RenderedHTMLCommon h1:last-child {
  margin-top: 0.2em; margin-bottom: 0.3em; }
.jp-RenderedHTMLCommon h2, .jp-RenderedHTMLCommon h2:first-child, .jp-RenderedHTMLCommon h2:last-child {
  margin-top: 0.4em; margin-bottom: 0.3em; font-size: 1.45em; }
.jp-Cell { padding-top: 2px; padding-bottom: 2px; }
.jp-OutputArea-output { margin: 0; }
details.pohon-lipat { margin: 0.3em 0 0.8em; }
details.pohon-lipat > summary { cursor: pointer; color: #1F4E78; }
</style>
"""
"""Added to every report's head (after nbconvert's own styles, so it wins)."""


NO_ALT = 'alt="No description has been provided for this image"'

_HEADING_IMAGE_OUTPUT = re.compile(
    r"<(h[1-3])\b[^>]*>(.*?)</\1>"  # a heading: 1 its tag, 2 its text
    r"|(<img\b[^>]*?)(/?>)"  # an image: 3 the tag, 4 its end
    r"|(<div class=\"[^\"]*\b(?:jp-OutputArea-output|jp-Cell-inputWrapper)\b[^\"]*\")",  # 5 an output
    re.S | re.I)
_ALT = re.compile(r"\salt=(\"[^\"]*\"|'[^']*')", re.I)


def finished_page(body: str) -> str:
    """An exported page as a reader gets it, in one pass: every figure without its own
    alternative text described in Bahasa Indonesia by the heading of its section (nbconvert's
    English placeholder replaced too), and every output and text cell a tab stop (as nbconvert
    gives them)."""
    last = ""

    def replace(match: re.Match) -> str:
        nonlocal last
        if match.group(1):  # a heading: the title of what follows
            text = html.unescape(re.sub(r"<[^>]+>", " ", match.group(2))).replace("¶", "")
            last = " ".join(text.split())
            return match.group(0)
        if match.group(5):  # an output
            return match.group(5) + ' tabindex="0"'
        tag, end = match.group(3), match.group(4)
        own = _ALT.search(tag)
        if own and own.group(0).strip() != NO_ALT:
            return match.group(0)
        alt = html.escape(f"Gambar: {last}" if last else "Gambar", quote=True)
        return f'{_ALT.sub("", tag)} alt="{alt}"{end}'

    return _HEADING_IMAGE_OUTPUT.sub(replace, body)



def report_title(pemda, step: str, kode_opd: str | None, tahun: int | None) -> str:
    """The title of a report page: step, OPD, Pemda, year."""
    who = f"{pemda.opd_name(kode_opd)} ({kode_opd})" if kode_opd else None
    parts = [STEP_TITLES.get(step, step), who, pemda.info.get("nama_pemda"),
             f"tahun {tahun}" if tahun else None]
    return " · ".join(str(p) for p in parts if p)
