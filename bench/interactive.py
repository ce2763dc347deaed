"""How long an analyst waits after a widget change, on a large Pemda.

Builds a Pemda of 40 OPDs and about 3,400 conditions (``bench/validate.py``'s generator, with
realisations in two years, problems behind the outcomes and shared roots), opens each
notebook's control panel outside a kernel (the same ``ControlPanel`` and view outputs
JupyterLab shows, rendering every table and figure as the browser receives it), and times what
one change of OPD, year, scale, compared year, condition (every sasaran daerah, the widest
nodes, among them) or search recomputes and renders, for the Pemda overview, steps 1-3 and
the explorer. Prints the median and maximum per notebook and change, measured in this one
run; the goal is a median of at most 1.0 s and a maximum of at most 2.0 s for every change.
``bench/browser.py`` measures the same changes in JupyterLab, as the analyst sees them.

Then, in an asyncio event loop as in a kernel, the explorer gets two condition picks 0.4 s
apart, and three picks 0.15 s apart (going down the list with the arrow keys): superseded
draws are dropped, so the draws stay well under one full redraw per pick; printed as the
section draws and the time until the panel settles, beside one pick alone.

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
    "templates/00_ikhtisar_pemda.py": False,
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
    if panel.opd is not None:  # the Pemda overview chooses no OPD
        for code in rng.sample(codes[1:], min(count, len(codes) - 1)):
            steps.append(("OPD", panel.opd, code))
    realised = pemda.realised_years()
    years = [y for y in realised if y != panel.year.value][-1:] + [panel.year.value]
    steps += [("tahun", panel.year, y) for y in years]
    scales = [v for _, v in panel.scale.options]
    steps += [("skala", panel.scale, s) for s in scales[1:] + scales[:1]]
    if panel.compare is not None:
        steps += [("banding", panel.compare, y) for y in [*realised[:1], 0]]
    if panel.node is not None:
        tree = pemda.tree_order()
        tops = [n for n in tree if pemda.parent(n) is None]  # every sasaran daerah: the widest nodes
        steps += [("sasaran daerah", panel.node, n) for n in tops]
        high = [n for n in tree if pemda.level(n) == "intermediate"]
        low = [n for n in tree if pemda.level(n) in ("immediate", "output")]
        for node in rng.sample(high, min(count // 2 + 1, len(high))) + rng.sample(low, count // 2):
            steps.append(("kondisi", panel.node, node))
        steps += [("cari kata", panel.search, words) for words in
                  (pemda.opd_name(rng.choice(codes)), "layanan kegiatan", "")]
    return steps


def rapid_picks(pemda, work: Path, rng: random.Random) -> None:
    """Two picks 0.4 s apart against one pick, in an event loop: draws and time to settle."""
    import asyncio

    from pohon_nb.nb.views import Context
    from pohon_nb.nb.widgets import ControlPanel

    draws = []

    def counted(view):
        return lambda ctx: (draws.append(view.__name__), view(ctx))[1]

    async def picks(count: int, gap: float = 0.4) -> float:
        ctx = Context(pemda, pemda.opd_codes()[0], pemda.assessed_year(), out_dir=work / "out")
        panel = ControlPanel(ctx, node=True, all_nodes=True)
        for view in views_of(ROOT / "notebooks/jelajah_akar_masalah.py"):
            panel.add(counted(view))
        listed = [v for _, v in panel.node.options if v != panel.node.value]
        nodes = rng.sample(listed, count)
        draws.clear()
        start = time.perf_counter()
        for i, node in enumerate(nodes):
            if i:
                await asyncio.sleep(gap)
            panel.node.value = node
        while "memperbarui" in panel.status.value:
            await asyncio.sleep(0.01)
        return time.perf_counter() - start

    one = asyncio.run(picks(1))
    one_draws = len(draws)
    print(f"\n  one pick: {one_draws} section draws, settled after {one:.2f} s")
    for count, gap in ((2, 0.4), (3, 0.15)):
        settled = asyncio.run(picks(count, gap))
        print(f"  {count} picks {gap} s apart: {len(draws)} section draws, settled {settled:.2f} s after "
              f"the first")


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
    write_workbook(path, synthetic_tables(args.nodes, linked=True), years=YEARS, overwrite=True, guide=False)
    pemda = load(path)
    print(f"{len(pemda.tree)} kondisi, {len(pemda.opd_codes())} OPD, realisasi {pemda.realised_years()} "
          f"({path})")
    rng = random.Random(7)
    profile = cProfile.Profile() if args.profile else None
    worst = 0.0
    medians = []
    for relative, node in NOTEBOOKS.items():
        if args.only not in relative:
            continue
        ctx = Context(pemda, pemda.opd_codes()[0], pemda.assessed_year(), out_dir=work / "out")
        panel = ControlPanel(ctx, node=node, all_nodes=node, opd="ikhtisar" not in relative)
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
            if control is panel.node and value not in [v for _, v in control.options]:
                panel.search.value = value  # another OPD's condition is reached by search
                if control.value != value:  # the id found others first (SD.1 also finds SD.1x)
                    control.value = value
            else:
                control.value = value  # the panel refreshes every view, as in JupyterLab
            times.setdefault(kind, []).append(time.perf_counter() - start)
            if profile:
                profile.disable()
        print(f"\n{Path(relative).stem}: first display {first:.2f} s")
        for kind, values in times.items():
            med, top = statistics.median(values), max(values)
            worst, medians = max(worst, top), medians + [med]
            print(f"  {kind:<14} median {med:5.2f} s   max {top:5.2f} s   ({len(values)} changes)")
    if "jelajah" in " ".join(NOTEBOOKS) and args.only in "notebooks/jelajah_akar_masalah.py":
        rapid_picks(pemda, work, rng)
    print(f"\nall changes: worst median {max(medians):.2f} s (goal <= 1.0), "
          f"worst max {worst:.2f} s (goal <= 2.0)")
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(r"pohon_nb", 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
