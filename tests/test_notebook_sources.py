"""Every committed notebook is what its source builds, and every notebook has a source.

The source of each notebook is the percent-format ``.py`` beside it
(``scripts/build_notebooks.py``); an edit made to one and not carried to the other fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "scripts" / "build_notebooks.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def _cells(nb) -> list[tuple]:
    return [(c.id, c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells]


@pytest.mark.parametrize("source", build.sources(), ids=str)
def test_a_committed_notebook_is_what_its_source_builds(source):
    committed = nbformat.read(ROOT / source.with_suffix(".ipynb"), as_version=4)
    expected = build.notebook(source)
    assert _cells(committed) == _cells(expected), (
        f"{source.with_suffix('.ipynb')} tidak sama dengan sumbernya {source}: jalankan "
        f"python scripts/build_notebooks.py {source}")
    assert committed.metadata["kernelspec"] == expected.metadata["kernelspec"]
    for cell in committed.cells:  # outputs are kept only where nbval compares them
        if cell.cell_type == "code" and build.CHECKED not in cell.metadata.get("tags", []):
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_every_notebook_has_a_source():
    notebooks = {p.relative_to(ROOT) for folder in build.FOLDERS for p in (ROOT / folder).glob("*.ipynb")}
    assert notebooks == {source.with_suffix(".ipynb") for source in build.sources()}
    assert len(notebooks) == 10


def test_an_edit_to_a_source_shows_as_a_difference(tmp_path, monkeypatch):
    source = Path("templates/01_identifikasi_masalah.py")
    text = (ROOT / source).read_text(encoding="utf-8")
    changed = tmp_path / source
    changed.parent.mkdir(parents=True)
    changed.write_text(text.replace("# ## 1. OPD sekilas", "# ## 1. OPD sekilas (diubah)"), encoding="utf-8")
    monkeypatch.setattr(build, "ROOT", tmp_path)
    committed = nbformat.read(ROOT / source.with_suffix(".ipynb"), as_version=4)
    assert _cells(build.notebook(source)) != _cells(committed)


def test_the_step_notebooks_share_their_common_cells_word_for_word():
    # The sources repeat what every step notebook has (parameters, how to use it, the session
    # cell's explanation): an edit made to one and not the others fails here.
    steps = [ROOT / f"templates/{name}.ipynb" for name in
             ("01_identifikasi_masalah", "02_pemetaan_kausal", "03_pemilihan_indikator")]

    def common(path):
        cells = nbformat.read(path, as_version=4).cells
        params = next(c.source for c in cells if "parameters" in c.metadata.get("tags", []))
        howto = [c.source for c in cells if "hanya-interaktif" in c.metadata.get("tags", [])
                 and c.cell_type == "markdown"]
        return params, howto[:2]

    params, howto = common(steps[0])
    shared = params.splitlines()  # step 1 has the parameters every step has; 03 adds its own
    assert howto and "Cara memakai" in howto[0] and len(shared) == 7
    for path in steps[1:]:
        other_params, other_howto = common(path)
        assert other_params.splitlines()[: len(shared)] == shared, path.name
        assert other_howto == howto, path.name


def test_every_view_shown_has_the_title_of_its_heading():
    """A saved view names its sheets and figures by ``views.TITLES``: each title starts with the
    heading the notebook shows the view under (numbering left out), and none is used twice."""
    import re

    from pohon_nb.nb import views

    for source in [*ROOT.glob("templates/*.py"), ROOT / "notebooks" / "jelajah_akar_masalah.py"]:
        heading, titles = None, []
        for line in source.read_text(encoding="utf-8").splitlines():
            found = re.match(r"^# ##+ (?:\d+\. )?(.+)$", line)
            if found:
                heading = found.group(1).strip()
            shown = re.search(r"session\.show\(views\.(\w+)\)", line)
            if shown:
                title = views.TITLES.get(shown.group(1))
                assert title and heading and title.startswith(heading), (source.name, shown.group(1))
                titles.append(title)
        assert titles and len(titles) == len(set(titles)), source.name


def test_every_notebook_parameter_starts_at_the_default_the_commands_use():
    """A parameter cell is literals a user edits; each starts where the command line, the
    batch and :class:`Session` start (the package's settings), so a notebook opened by hand
    says what ``pohon-nb run`` says."""
    import inspect

    from pohon_nb.core.paths import OUT
    from pohon_nb.method.config import DEFAULT_CAP, CheckConfig, default
    from pohon_nb.method.scales import DEFAULT_SCALE
    from pohon_nb.nb.session import Session

    settings = {"tahun": 0, "skala": DEFAULT_SCALE, "folder_keluaran": OUT, "batas_atas": DEFAULT_CAP,
                "maks_iku_sasaran": default(CheckConfig, "max_iku_per_sasaran"),
                "maks_iku_opd": default(CheckConfig, "max_iku_per_opd"), "tahun_banding": 0}
    session = inspect.signature(Session).parameters
    assert {name: session[name].default for name in settings} == settings
    checked = set()
    for source in build.sources():
        cells = nbformat.read(ROOT / source.with_suffix(".ipynb"), as_version=4).cells
        params = [c.source for c in cells if "parameters" in c.metadata.get("tags", [])]
        if not params:
            continue
        values: dict = {}
        exec(params[0], {}, values)  # literals only: the cell a user edits
        for name in set(values) & set(settings):
            assert values[name] == settings[name], f"{source}: {name} = {values[name]!r}"
            checked.add(name)
    assert checked == set(settings)
