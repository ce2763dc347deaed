"""Layout + render time of a performance tree against its size.

Draws synthetic Pemda trees (the generator of bench/validate.py) of 10 to 3,000 conditions
with badges and indicators, renders each to an Agg canvas, and prints, measured in this one
run (best of --repeat): the time, and the time over n·log2(n) relative to the smallest
size. Growth no worse than n log n keeps that ratio from rising.

    python bench/diagrams.py [--sizes 10,30,100,300,1000,3000] [--repeat 2] [--dpi 20]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate import synthetic_tables  # noqa: E402

from pohon_nb.outputs.diagrams import draw_tree  # noqa: E402
from pohon_nb.reading.blank_workbook import write_workbook  # noqa: E402
from pohon_nb.reading.model import load  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,30,100,300,1000,3000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--dpi", type=int, default=20,
                        help="render resolution (low: a 3,000-node tree is hundreds of inches wide)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="pohon-bench-diagram-"))
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        n_opd = max(1, min(40, size // 25))
        tables = synthetic_tables(size, n_opd=n_opd)
        path = work / f"pohon_{size}.xlsx"
        write_workbook(path, tables, overwrite=True, guide=False)
        pemda = load(path)
        roots = [n for n in pemda.roots()]
        best = math.inf
        for _ in range(args.repeat):
            start = time.perf_counter()
            drawing = draw_tree(pemda, roots, year=2025, title=f"{size} kondisi")
            drawing.figure.set_dpi(args.dpi)
            FigureCanvasAgg(drawing.figure).draw()
            best = min(best, time.perf_counter() - start)
        n = len(drawing.layout.boxes)
        results.append((n, best))
        print(f"{n:>6} kondisi: {best:7.3f} s  ({drawing.layout.width:.0f} x "
              f"{drawing.layout.height:.0f} in)")
    base_n, base_t = results[0]
    unit = base_t / (base_n * math.log2(max(base_n, 2)))
    print("\ntime / (n log2 n), relative to the smallest size (n log n growth keeps it <= 1):")
    for n, t in results:
        print(f"  {n:>6}: {t / (n * math.log2(max(n, 2))) / unit:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
