"""A training module as a web page: the notebook run once on the trainer's laptop, its narrative
and outputs kept, its code, parameters and answer cells left out, a form where each exercise is.

A module is executed with papermill (``interaktif = False``: the questions without their
JupyterLab forms) into the class folder, once for its notebook, its data and the package
version: a restarted class reuses it. What a page shows is the notebook's own Markdown and the
outputs of its cells (tables, figures, the question of each exercise), so the class reads the
same material as the notebooks.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..core.atomic import atomic_path
from ..core.errors import PohonError
from ..core.fingerprint import digest
from ..core.paths import TRAINING
from ..nb.training import BY_KEY, MODULES
from ..run.reports import INTERACTIVE_TAG

QUESTION = re.compile(r"""kelas\.question\(["']([\d.]+)["']\)""")
"""A question cell: its output is the question, the exercise's form goes after it."""
ANSWER_CELL = re.compile(r"""kelas\.check\(""")
"""An answer cell (``jawaban = ""`` then ``kelas.check``): the form replaces it."""


class ModuleFailed(PohonError):
    """A training module did not run on the trainer's laptop (its data lacks something)."""


@dataclass(frozen=True)
class Module:
    """One module as the class sees it: ``parts`` are ("html", markup) or ("latihan", key)."""

    number: int
    name: str
    title: str
    parts: tuple[tuple[str, str], ...]

    @property
    def exercises(self) -> list[str]:
        return [value for kind, value in self.parts if kind == "latihan"]


def module_names(numbers: list[int] | None = None) -> list[str]:
    """The modules' notebook names (``01_konsep``, ...), all or those numbered."""
    return [name for k, name in enumerate(MODULES, start=1) if numbers is None or k in numbers]


def prepare(names: list[str], folder: Path, parameters: dict) -> list[Module]:
    """Every module named, executed when not already for these parameters, as pages."""
    return [page(k, executed(name, folder, parameters))
            for k, name in ((int(n[:2]), n) for n in names)]


def executed(name: str, folder: Path, parameters: dict) -> Path:
    """The module's notebook run with ``parameters`` (plus ``interaktif=False``) in ``folder``;
    the run is reused while the notebook, the data and the package are the same."""
    import papermill as pm

    source = TRAINING / f"{name}.ipynb"
    parameters = {**parameters, "interaktif": False, "kunci_jawaban": False}
    data = Path(parameters.get("data_path") or "")
    stamp = digest(hashlib.sha256(source.read_bytes()).hexdigest(), parameters, __version__,
                   data.stat().st_mtime_ns if data.is_file() else "")
    target = folder / "modul" / f"{name}.{stamp}.ipynb"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target, overwrite=True) as tmp:
        try:
            pm.execute_notebook(str(source), str(tmp), parameters=parameters, progress_bar=False,
                                kernel_name="python3", cwd=str(folder))
        except pm.PapermillExecutionError as exc:
            raise ModuleFailed(f"Modul {name} gagal dijalankan: {exc.ename}: {exc.evalue}") from None
    for old in target.parent.glob(f"{name}.*.ipynb"):  # runs for other data or versions
        if old != target:
            old.unlink()
    return target


def page(number: int, notebook: Path) -> Module:
    """The parts of an executed module notebook, in order."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    parts: list[tuple[str, str]] = []
    title = f"Modul {number}"
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if tags & {"parameters", "injected-parameters", INTERACTIVE_TAG}:
            continue
        if cell.cell_type == "markdown":
            heading = re.match(r"#\s+(.+)", cell.source)
            if heading and title == f"Modul {number}":
                title = heading.group(1).strip()
            parts.append(("html", markdown_html(cell.source)))
            continue
        if cell.cell_type != "code" or ANSWER_CELL.search(cell.source):
            continue
        parts += [("html", markup) for markup in map(output_html, cell.get("outputs", [])) if markup]
        asked = QUESTION.search(cell.source)
        if asked and asked.group(1) in BY_KEY:
            parts.append(("latihan", asked.group(1)))
    return Module(number, notebook.name.split(".")[0], title, tuple(parts))


def markdown_html(text: str) -> str:
    """The notebook's (or a view's) Markdown as HTML; workbook text in it is escaped already
    (:func:`pohon_nb.nb.display.md`)."""
    import mistune

    return mistune.html(text)


def output_html(output: dict) -> str:
    """One output of a cell as markup: a table or Markdown as rendered, a figure inline, text
    escaped. Widgets (none with ``interaktif = False``) and empty outputs give nothing."""
    kind = output.get("output_type")
    if kind == "stream":
        return f'<p class="keluaran">{html.escape(output.get("text", ""))}</p>'
    if kind == "error":
        raise ModuleFailed(f"sel modul galat: {output.get('ename')}: {output.get('evalue')}")
    data = output.get("data", {})
    if "image/png" in data:
        return (f'<img class="gambar" alt="Gambar modul" '
                f'src="data:image/png;base64,{"".join(data["image/png"].split())}">')
    if "text/html" in data:
        return "".join(data["text/html"])
    if "text/markdown" in data:
        return markdown_html("".join(data["text/markdown"]))
    if "text/plain" in data and "application/vnd.jupyter.widget-view+json" not in data:
        return f'<pre class="keluaran">{html.escape("".join(data["text/plain"]))}</pre>'
    return ""
