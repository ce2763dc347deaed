"""Wall time of the batch against what a user would write, and against a floor.

Measured in this one run, on the bundled sample (the overview and the three step
notebooks for the first --opd-count OPDs), and printed with the ratios:

* loop:  a plain sequential loop of papermill calls (a new kernel per notebook) and an
         HTML export of each, what a user would write themselves;
* batch: ``pohon-nb batch --jobs <cores> --force`` (each notebook run in a pool worker's own
         IPython shell, no kernel; HTML written in the worker);
* floor: the notebooks' cells run in plain IPython shells, one process per core, outputs
         formatted but no kernel, no papermill, no files;
* rerun: the batch again with nothing changed;
* the batch without its printed briefs (``--no-pdf``), to show what the briefs add: they are drawn
  in the same worker pool, each as soon as its OPD's notebooks are done.

The batch is timed with its briefs (``ringkasan.pdf`` of every OPD), which loop and floor do not
make. Goals: batch / loop <= 0.07 on the whole sample (--opd-count 27), batch / floor <= 2.0,
rerun / batch < 0.05.

    python bench/batch.py [--opd-count 27] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import papermill as pm
from nbconvert import HTMLExporter

from pohon_nb.run.batch import run_batch
from pohon_nb.run.plan import plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floor_worker import plain  # noqa: E402  (a module of its own: process pools pickle it)

from pohon_nb.reading.model import load


def loop(tasks, out: Path) -> None:
    for task in tasks:
        target = out / Path(task.notebook).relative_to(Path(task.notebook).parents[2])
        target.parent.mkdir(parents=True, exist_ok=True)
        pm.execute_notebook(task.template, str(target), parameters=task.parameters,
                            kernel_name="python3", progress_bar=False, cwd=str(target.parent))
        body, _ = HTMLExporter(exclude_input=True).from_filename(str(target))
        target.with_suffix(".html").write_text(body, encoding="utf-8")


def floor(tasks, jobs: int) -> None:
    import multiprocessing

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(plain, t.template, t.parameters, str(Path(t.notebook).parent))
                   for t in tasks]
        for future in futures:
            future.result()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opd-count", type=int, default=27)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    pemda = load()
    only = pemda.opd_codes()[: args.opd_count]
    work = Path(tempfile.mkdtemp(prefix="pohon-bench-batch-"))
    tasks = plan(pemda, work / "plan", only=only)
    print(f"{len(tasks)} notebook ({len(only)} OPD + ikhtisar), {args.jobs} proses, di {work}")

    start = time.perf_counter()
    floor(plan(pemda, work / "floor", only=only), args.jobs)
    t_floor = time.perf_counter() - start
    print(f"lantai (IPython polos)   : {t_floor:7.1f} s")

    start = time.perf_counter()
    loop(tasks, work / "loop")
    t_loop = time.perf_counter() - start
    print(f"loop papermill berurutan : {t_loop:7.1f} s")

    start = time.perf_counter()
    report = run_batch(None, work / "batch", jobs=args.jobs, only=only, force=True, progress=False)
    t_batch = time.perf_counter() - start
    assert not report.failed, report.failed
    assert len(report.briefs_drawn) == len(only), report.briefs_drawn
    print(f"pohon-nb batch           : {t_batch:7.1f} s (dengan {len(only)} ringkasan PDF)")

    start = time.perf_counter()
    rerun = run_batch(None, work / "batch", jobs=args.jobs, only=only, progress=False)
    t_rerun = time.perf_counter() - start
    assert not rerun.ran and not rerun.briefs_drawn
    print(f"batch ulang tanpa ubahan : {t_rerun:7.1f} s")

    start = time.perf_counter()
    bare = run_batch(None, work / "tanpa_ringkasan", jobs=args.jobs, only=only, force=True, progress=False,
                     briefs=False)
    t_bare = time.perf_counter() - start
    assert not bare.failed, bare.failed
    print(f"batch tanpa ringkasan    : {t_bare:7.1f} s (--no-pdf)")

    print(f"\nbatch / loop  = {t_batch / t_loop:.3f}  (sasaran <= 0.07, ringkasan PDF termasuk; "
          f"tanpa ringkasan {t_bare / t_loop:.3f})")
    print(f"batch / floor = {t_batch / t_floor:.2f}   (sasaran <= 2.0)")
    print(f"rerun / batch = {t_rerun / t_batch:.3f}  (sasaran < 0.05)")
    print(f"ringkasan     = {(t_batch - t_bare) / len(only):.2f} s per OPD di atas batch tanpa ringkasan "
          f"(digambar di pool yang sama, selagi notebook OPD lain berjalan)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
