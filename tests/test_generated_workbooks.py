"""Generative: random valid workbooks, from the four required sheets up to every sheet filled.

For each, every section of every notebook for every OPD (in a year with data and in a year
outside it), the headlines, the notebook session, every export and figure: nothing raises,
every section has content or the sentence saying what is missing, and no export holds a
formula. CI runs a few examples; set ``POHON_NB_EXAMPLES`` for more (e.g. 200 before a
release).
"""

from __future__ import annotations

import os

import openpyxl
import pytest
from conftest import write_xlsx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sections import SECTIONS, run_section
from workbooks import random_tables

from pohon_nb.method.checks import run_checks, validate
from pohon_nb.nb import views
from pohon_nb.nb.session import Session
from pohon_nb.nb.widgets import ControlPanel, IndicatorScorer, UsgScorer
from pohon_nb.outputs import diagrams, exports

EXAMPLES = int(os.environ.get("POHON_NB_EXAMPLES", "6"))


def _no_formulas(path) -> bool:
    book = openpyxl.load_workbook(path)
    return not any(c.data_type == "f" for ws in book.worksheets for row in ws.iter_rows() for c in row)


# No shrinking: a workbook is built from one random stream, which hypothesis shrinks slowly;
# a failure prints the seed that reproduces it.
@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("POHON_NB_EXAMPLES"),
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@pytest.mark.lambat
@given(rng=st.randoms(use_true_random=False))
def test_every_section_of_every_notebook_on_random_valid_workbooks(rng, tmp_path_factory):
    tables = random_tables(rng)
    folder = tmp_path_factory.mktemp("acak")
    path = write_xlsx(tables, folder / "acak.xlsx")
    pemda, findings = validate(path)
    errors = [f"{f.code} {f.location()} {f.message}" for f in findings if f.severity == "error"]
    assert errors == [], "the generator must build valid workbooks"

    years = [*pemda.years[:1], 1999] if pemda.years else [2025]
    for code in pemda.opd_codes():
        for year in years:
            for name in SECTIONS:
                assert run_section(pemda, name, code, year, out_dir=folder) is None, (code, year, name)
        ctx = views.Context(pemda, code, years[0])
        assert views.headline(ctx).startswith(pemda.opd_name(code))
        session = Session(str(path), code, years[0], interaktif=False, folder_keluaran=str(folder))
        assert session.ctx.kode_opd == code
        # the explorer on each of the OPD's conditions, and with none chosen
        for node in [None, *ctx.opd_nodes()[:3]]:
            for name in ("node_subtree", "node_achievement", "node_root_causes", "node_crosscutting"):
                assert run_section(pemda, name, code, years[0], node=node, out_dir=folder) is None
        # the analyst's widgets: every section follows the control panel, the scorers build
        panel = ControlPanel(views.Context(pemda, code, years[0], out_dir=folder), node=True)
        outputs = [panel.add(getattr(views, name)) for name in SECTIONS]
        panel.year.value = panel.year.options[-1][1]  # (label, year)
        shown = " ".join(str(o) for out in outputs for o in out.outputs)
        assert "Tidak dapat ditampilkan" not in shown
        assert UsgScorer(ctx, folder).children and IndicatorScorer(ctx, folder).children
        drawings = diagrams.opd_tree_figures(pemda, code, year=years[0])
        assert all(d.patches for d in drawings) and bool(drawings) == bool(ctx.opd_nodes())
    assert views.pemda_headline(views.Context(pemda, pemda.opd_codes()[0], years[0]))

    written = [
        exports.export_cascading(pemda, folder / "cascading.xlsx"),
        exports.export_crosscutting(pemda, folder / "crosscutting.xlsx"),
        exports.export_manual_iku(pemda, folder / "manual_iku.xlsx"),
        exports.export_findings(pemda, pemda.findings + run_checks(pemda), folder / "temuan.xlsx"),
        *(exports.export_cascading(pemda, folder / f"cascading_{i}.xlsx", code)
          for i, code in enumerate(pemda.opd_codes())),
    ]
    assert all(_no_formulas(p) for p in written)
