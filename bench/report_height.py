"""How tall the reports an OPD head reads are, against their height before issue 29.

Runs the batch for a few OPDs of the bundled sample, opens every report in headless Chromium at
1280 px wide (as a laptop shows it) and prints each page's height, and per OPD the sum of its three
step reports over the same sum measured before the reports were made to read once (commit
8caaa27: the same sample, the same width). Goal: 0.5 or less per OPD, nothing the room needs lost
(tests/test_reports_read_once.py checks what must stay).

    python bench/report_height.py [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pohon_nb.core.paths import SAMPLE
from pohon_nb.run.batch import run_batch
from pohon_nb.run.reports import STEPS

BEFORE = {  # px at 1280 px wide, commit 8caaa27
    "1.02.0.00.0.00.01.0000": {"01_identifikasi_masalah": 6731, "02_pemetaan_kausal": 13253,
                               "03_pemilihan_indikator": 8637},
    "2.23.0.00.0.00.01.0000": {"01_identifikasi_masalah": 4064, "02_pemetaan_kausal": 5825,
                               "03_pemilihan_indikator": 3753},
    "5.04.0.00.0.00.01.0000": {"01_identifikasi_masalah": 4238, "02_pemetaan_kausal": 6193,
                               "03_pemilihan_indikator": 4258},
}
OVERVIEW_BEFORE = 13561


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium tidak terpasang (Debian: apt-get install chromium)")
        return 1
    from playwright.sync_api import sync_playwright

    out = Path(tempfile.mkdtemp(prefix="pohon-bench-tinggi-"))
    report = run_batch(SAMPLE, out, jobs=args.jobs, only=list(BEFORE), briefs=False, progress=False)
    assert not report.failed, report.failed
    folder = out / "3599"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def height(path: Path) -> int:
            page.goto(path.resolve().as_uri())
            return page.evaluate("document.documentElement.scrollHeight")

        overview = height(folder / "00_ikhtisar_pemda.html")
        print(f"{'ikhtisar Pemda':28} {OVERVIEW_BEFORE:7d} -> {overview:7d} px  "
              f"({overview / OVERVIEW_BEFORE:.2f})")
        for code, before in BEFORE.items():
            now = {step: height(folder / code / f"{step}.html") for step in STEPS}
            for step in STEPS:
                print(f"{code} {step[:2]}      {before[step]:7d} -> {now[step]:7d} px")
            ratio = sum(now.values()) / sum(before.values())
            print(f"{code} langkah 1-3 {sum(before.values()):7d} -> {sum(now.values()):7d} px  "
                  f"rasio {ratio:.3f} (sasaran <= 0.5)")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
