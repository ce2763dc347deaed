"""The package's layout: subpackages by purpose, imports running one way only.

core -> reading -> method -> outputs / impor -> nb -> run -> cli: a module may import from
its own subpackage and those below it, never from one above (lazy imports inside functions
included), so the flow workbook -> model -> method -> outputs and notebooks -> run stays
easy to see.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pohon_nb

PACKAGE = Path(pohon_nb.__file__).parent
LAYERS = {"core": 0, "reading": 1, "method": 2, "outputs": 3, "impor": 3, "nb": 4, "run": 5, "kelas": 6}
TOP = 7  # cli.py and __init__.py


def _layer(parts: tuple[str, ...]) -> int:
    return LAYERS[parts[0]] if parts and parts[0] in LAYERS else TOP


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, subpackage) of every pohon_nb module a file imports."""
    here = path.relative_to(PACKAGE).parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                names = [target] if node.module else [base + [a.name] for a in node.names]
            elif node.module and node.module.startswith("pohon_nb"):
                names = [node.module.split(".")[1:]]
            else:
                continue
            found += [(node.lineno, ".".join(n)) for n in names if n]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, ".".join(a.name.split(".")[1:])) for a in node.names
                      if a.name.startswith("pohon_nb.")]
    return found


def test_no_import_runs_back_up():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = _layer(path.relative_to(PACKAGE).parts[:-1])
        for line, target in _imports(path):
            parts = tuple(target.split("."))
            if parts[0] in ("__version__", ""):  # the package root's version: read by every layer
                continue
            if _layer(parts) > own:
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert upward == []


def test_every_module_lives_in_a_subpackage():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "cli.py"]
    assert sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()) == sorted(LAYERS)


def test_the_code_cites_the_method_in_the_repository():
    """Docstrings and comments cite ``docs/metode.md``, never a file a clone does not have."""
    outside = ("DOMAIN.md", "DESIGN.md", "STYLE.md", "FIELD-NOTES.md")
    cited = [f"{path.relative_to(PACKAGE.parent)}: {name}"
             for folder in (PACKAGE, PACKAGE.parent / "scripts") for path in sorted(folder.rglob("*.py"))
             for name in outside if name in path.read_text(encoding="utf-8")]
    assert cited == []
    assert (PACKAGE.parent / "docs" / "metode.md").exists()


def test_the_readme_names_every_module():
    """The developer map in the README names every module of the package by its path."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Untuk pengembang"):]
    modules = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py"))
               if p.name != "__init__.py" and p.name != "cli.py"]
    assert [m for m in modules if f"`{m}`" not in section] == []


def test_report_figures_are_described_in_indonesian_and_outputs_are_tab_stops():
    from pohon_nb.run.reports import finished_page

    body = ('<h2>Pohon kinerja OPD<a class="anchor-link">¶</a></h2><div><img src="x.png" '
            'alt="No description has been provided for this image"></div><img src="y.png" alt="Peta">'
            '<h3>Capaian &amp; tren</h3><div class="jp-OutputArea-output jp-RenderedImage">'
            '<img src="data:image/png;base64,AAAA" class="z"/></div>')
    described = finished_page(body)
    assert 'alt="Gambar: Pohon kinerja OPD"' in described and 'alt="Peta"' in described
    assert "No description" not in described
    assert '<img src="data:image/png;base64,AAAA" class="z" alt="Gambar: Capaian &amp; tren"/>' in described
    assert '<div class="jp-OutputArea-output jp-RenderedImage" tabindex="0">' in described
