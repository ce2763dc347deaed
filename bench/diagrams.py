"""Layout + render time of a performance tree against its size.

Draws synthetic Pemda trees (the generator of bench/validate.py) of 10 to 3,000 conditions
with badges and indicators, renders each to an Agg canvas, and prints, measured in this one
run (best of --repeat): the time, and the time over n·log2(n) relative to the smallest
size. Growth no worse than n log n keeps that ratio from rising.

Then the cost of text, which most of a tree figure is: a tree of 120 boxes drawn to PNG at 100
dpi as the notebooks show it, the time per thousand glyphs, and the share of the PNG's time
that is text (the same figure with its texts hidden). matplotlib 3.11.0-3.11.2 draw text about
three times slower than 3.10 (here: 0.112 s per 1,000 glyphs with 3.11.2, 0.036 s with
3.10.9; the PNG 2.28 s against 0.83 s), hence pyproject's ``matplotlib<3.11``: run this under
a newer matplotlib before lifting it.

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
    text_cost(work)
    return 0


def text_cost(work: Path) -> None:
    """Print what the text of a notebook-sized tree costs in its PNG."""
    import io

    import matplotlib

    tables = synthetic_tables(120, n_opd=4)
    path = work / "pohon_text.xlsx"
    write_workbook(path, tables, overwrite=True, guide=False)
    pemda = load(path)
    drawing = draw_tree(pemda, pemda.roots(), year=2025, title="teks")
    texts = [t for lines in drawing.texts.values() for t in lines]
    glyphs = sum(len(t.get_text()) for t in texts)

    def png() -> float:
        best = math.inf
        for _ in range(3):
            start = time.perf_counter()
            drawing.figure.savefig(io.BytesIO(), format="png", dpi=100)
            best = min(best, time.perf_counter() - start)
        return best

    whole = png()
    for text in texts:
        text.set_visible(False)
    bare = png()
    print(f"\ntext, matplotlib {matplotlib.__version__}: {len(drawing.layout.boxes)} boxes, {glyphs} glyphs; "
          f"PNG at 100 dpi {whole:.3f} s, without the text {bare:.3f} s; text "
          f"{(whole - bare) / whole:.0%} of it, {(whole - bare) / glyphs * 1000:.3f} s per 1,000 glyphs")


if __name__ == "__main__":
    sys.exit(main())
