"""How long an analyst waits after a widget change, on a large Pemda.

Builds a Pemda of 40 OPDs and about 3,400 conditions (``bench/validate.py``'s generator),
opens each notebook's control panel outside a kernel (the same ``ControlPanel`` and view
outputs JupyterLab shows, rendering every table and figure as the browser receives it), and
times what one change of OPD, year, scale or condition recomputes and renders. Prints the
median and maximum per notebook and change, measured in this one run; the goal is a median
of at most 1.0 s and a maximum of at most 2.0 s for every change.

    python bench/interactive.py [--nodes 3400] [--changes 8] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate import YEARS, synthetic_tables  # noqa: E402 - the bench scripts' shared generator

from pohon_nb.reading.blank_workbook import write_workbook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {  # notebook: whether its panel has the condition dropdown
    "templates/01_identifikasi_masalah.py": False,
    "templates/02_pemetaan_kausal.py": False,
    "templates/03_pemilihan_indikator.py": False,
    "notebooks/jelajah_akar_masalah.py": True,
}


def views_of(source: Path) -> list:
    """The views a notebook shows through its session, in order."""
    from pohon_nb.nb import views

    names = re.findall(r"session\.show\(views\.(\w+)\)", source.read_text(encoding="utf-8"))
    return [getattr(views, name) for name in names]


def changes(panel, pemda, count: int, rng: random.Random) -> list[tuple[str, object, object]]:
    """(kind, control, new value) for a sequence of changes an analyst might make."""
    steps = []
    codes = pemda.opd_codes()
    for code in rng.sample(codes[1:], min(count, len(codes) - 1)):
        steps.append(("OPD", panel.opd, code))
    years = [y for y in pemda.years if y != panel.year.value][:1] + [panel.year.value]
    steps += [("tahun", panel.year, y) for y in years]
    scales = [v for _, v in panel.scale.options]
    steps += [("skala", panel.scale, s) for s in scales[1:] + scales[:1]]
    if panel.node is not None:
        tree = pemda.tree_order()
        high = [n for n in tree if pemda.level(n) in ("ultimate", "intermediate")]
        low = [n for n in tree if pemda.level(n) in ("immediate", "output")]
        for node in rng.sample(high, min(count // 2 + 1, len(high))) + rng.sample(low, count // 2):
            steps.append(("kondisi", panel.node, node))
    return steps


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3400)
    parser.add_argument("--changes", type=int, default=8)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    parser.add_argument("--only", default="", help="notebooks whose name contains this (e.g. jelajah)")
    args = parser.parse_args(argv)

    import matplotlib

    matplotlib.use("Agg")
    from pohon_nb.nb.views import Context
    from pohon_nb.nb.widgets import ControlPanel
    from pohon_nb.reading.model import load

    work = Path(tempfile.mkdtemp(prefix="pohon-bench-interactive-"))
    path = work / "pemda.xlsx"
    write_workbook(path, synthetic_tables(args.nodes), years=YEARS, overwrite=True, guide=False)
    pemda = load(path)
    print(f"{len(pemda.tree)} kondisi, {len(pemda.opd_codes())} OPD ({path})")
    rng = random.Random(7)
    profile = cProfile.Profile() if args.profile else None
    worst = 0.0
    medians = []
    for relative, node in NOTEBOOKS.items():
        if args.only not in relative:
            continue
        ctx = Context(pemda, pemda.opd_codes()[0], 2025, out_dir=work / "out")
        panel = ControlPanel(ctx, node=node, all_nodes=node)
        start = time.perf_counter()
        for view in views_of(ROOT / relative):
            panel.add(view)
        first = time.perf_counter() - start
        times: dict[str, list[float]] = {}
        for kind, control, value in changes(panel, pemda, args.changes, rng):
            if control.value == value:
                continue
            if profile:
                profile.enable()
            start = time.perf_counter()
            control.value = value  # the panel refreshes every view, as in JupyterLab
            times.setdefault(kind, []).append(time.perf_counter() - start)
            if profile:
                profile.disable()
        print(f"\n{Path(relative).stem}: first display {first:.2f} s")
        for kind, values in times.items():
            med, top = statistics.median(values), max(values)
            worst, medians = max(worst, top), medians + [med]
            print(f"  {kind:<8} median {med:5.2f} s   max {top:5.2f} s   ({len(values)} changes)")
    print(f"\nall changes: worst median {max(medians):.2f} s (goal <= 1.0), "
          f"worst max {worst:.2f} s (goal <= 2.0)")
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(r"pohon_nb", 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
