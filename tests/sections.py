"""Every section the notebooks show, read from the notebooks themselves, and what counts as
a section with nothing in it.

A section is a view of :mod:`pohon_nb.nb.views` that a notebook calls (``views.X``). It must
return content (a table with rows, a drawing with boxes, a figure with data, text) or a
sentence saying what is missing: never an empty list, an empty table or a blank figure.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import nbformat
from matplotlib.figure import Figure

from pohon_nb.nb import views
from pohon_nb.nb.display import Deferred, Table
from pohon_nb.outputs.diagrams import Drawing

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "templates").glob("*.ipynb")) + [REPO / "notebooks" /
                                                             "jelajah_akar_masalah.ipynb"]


def _sections() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                for name in re.findall(r"views\.(\w+)", cell.source):
                    if callable(getattr(views, name, None)) and name != "Context":
                        found.setdefault(name, path.stem)
    return found


_OUT = Path(tempfile.mkdtemp(prefix="pohon-nb-sections-"))  # what a section writes goes here

SECTIONS = _sections()
"""View name -> the notebook that shows it."""


def section_problem(items) -> str | None:
    """What is wrong with a section's items, or None when it has content or its sentence."""
    if not isinstance(items, list) or not items:
        return "tidak ada isi"
    for item in items:
        if isinstance(item, Deferred):  # drawn when shown: check what it draws
            item = item.resolve()
        if isinstance(item, Table) and len(item.data) == 0:
            return "tabel kosong"
        if isinstance(item, Drawing) and not item.patches:
            return "gambar tanpa kotak"
        if isinstance(item, Figure) and not any(ax.has_data() or ax.patches for ax in item.axes):
            return "gambar kosong"
        if isinstance(item, str) and not item.strip():
            return "teks kosong"
    return None


def run_section(pemda, name: str, kode_opd: str, year: int, node: str | None = None,
                out_dir: Path | None = None) -> str | None:
    """Run one section for one OPD and year; its problem, or None. Exceptions propagate."""
    ctx = views.Context(pemda, kode_opd, year, node=node, out_dir=out_dir or _OUT)
    return section_problem(getattr(views, name)(ctx))
