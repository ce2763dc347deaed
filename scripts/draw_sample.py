"""Draw the sample's trees to PNG (and Mermaid text) for a person to look at; not committed.

    python scripts/draw_sample.py [--out out/gambar] [--opd KODE ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pohon_nb import load
from pohon_nb.outputs.diagrams import (
    crosscutting_figure,
    opd_tree_figures,
    pemda_tree_figure,
    problem_tree_figure,
    save_figure,
)
from pohon_nb.outputs.mermaid import mermaid_tree


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="out/gambar")
    parser.add_argument("--opd", nargs="*", default=None)
    parser.add_argument("--tahun", type=int, default=2025)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pemda = load()
    written = pemda_tree_figure(pemda, year=args.tahun).save(out / "pemda", formats=("png",))
    written += save_figure(crosscutting_figure(pemda), out / "crosscutting", formats=("png",))
    for code in args.opd or pemda.opd_codes():
        short = pemda.opd_short(code)
        for i, drawing in enumerate(opd_tree_figures(pemda, code, year=args.tahun), start=1):
            written += drawing.save(out / f"pohon_{short}_{i}", formats=("png",))
        written += problem_tree_figure(pemda, code).save(out / f"masalah_{short}", formats=("png",))
        roots = [n for n in pemda.tree_order() if pemda.node(n).get("kode_opd") == code
                 and pemda.parent(n) is not None and pemda.node(pemda.parent(n)).get("kode_opd") != code]
        (out / f"pohon_{short}.mmd").write_text(mermaid_tree(pemda, roots), encoding="utf-8")
    print(f"{len(written)} gambar di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
