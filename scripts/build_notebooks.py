"""Build the notebooks from their sources: one percent-format file beside each notebook.

The source of ``templates/01_identifikasi_masalah.ipynb`` is
``templates/01_identifikasi_masalah.py``, a notebook in jupytext's percent format
(``# %% [markdown]`` cells, tags such as ``# %% tags=["parameters"]``): open it in
JupyterLab as a notebook (jupytext), or in any editor, and review it as a diff. This script
writes each ``.ipynb`` from its source: stable cell ids, a kernelspec, no outputs except on
the cells tagged ``nbval-check-output``, whose output is recorded by running the notebook
once, so nbval catches a changed headline number. It also writes the typical answers into
the facilitator guide. Run from the repo root after editing a source::

    python scripts/build_notebooks.py            # every notebook
    python scripts/build_notebooks.py templates/02_pemetaan_kausal.py

``tests/test_notebook_sources.py`` fails when a committed notebook and its source disagree.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("templates", "notebooks", "notebooks/pelatihan")
GUIDE = ROOT / "notebooks" / "pelatihan" / "PANDUAN_FASILITATOR.md"
CHECKED = "nbval-check-output"


def sources() -> list[Path]:
    """Every notebook source, as paths relative to the repo root."""
    return [p.relative_to(ROOT) for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.py"))]


def notebook(source: Path) -> nbformat.NotebookNode:
    """The notebook a source describes, without outputs: ids, metadata and cells fixed."""
    nb = jupytext.read(ROOT / source, fmt="py:percent")
    target = source.with_suffix(".ipynb").as_posix()
    for index, cell in enumerate(nb.cells):  # stable ids: rebuilding changes only what changed
        cell.id = hashlib.sha1(f"{target}:{index}".encode()).hexdigest()[:8]
        cell.metadata = {"tags": cell.metadata["tags"]} if cell.metadata.get("tags") else {}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                  "language": "python"},
                   "language_info": {"name": "python"}}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def source_text(nb: nbformat.NotebookNode) -> str:
    """A notebook as its percent-format source (the header keeps only the kernelspec)."""
    text = jupytext.writes(nb, fmt="py:percent")
    return "".join(line for line in text.splitlines(keepends=True) if "jupytext_version" not in line)


def record_checked_outputs(nb: nbformat.NotebookNode) -> None:
    """Run the notebook once; keep outputs only on the cells nbval checks."""
    executed = nbformat.from_dict(nb)
    NotebookClient(executed, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    for original, ran in zip(nb.cells, executed.cells):
        if original.cell_type == "code" and CHECKED in original.metadata.get("tags", []):
            original.outputs = ran.outputs  # nbval compares with these
            original.execution_count = 1  # and takes a cell without a count as never run


def write_guide_table() -> None:
    """Put the typical answers and their feedback into the facilitator guide."""
    from pohon_nb.nb.training.guide import write_guide

    if write_guide(GUIDE):
        print(f"ditulis: {GUIDE.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    chosen = [Path(a) for a in argv] or sources()
    write_guide_table()
    for source in chosen:
        nb = notebook(source)
        record_checked_outputs(nb)
        nbformat.validate(nb)
        nbformat.write(nb, ROOT / source.with_suffix(".ipynb"))
        print(f"ditulis: {source.with_suffix('.ipynb')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
