"""A class of participants against `pohon-nb kelas` on this laptop: memory, feedback time, nothing lost.

Starts ``pohon-nb kelas`` (modules 1-5, the bundled sample) on 127.0.0.1 in a process of its
own, then lets participants in, ``--peserta`` at a time (default 30, then twice as many until
the 95th percentile passes 2 s or ``--sampai``): each is a client as a browser is to this
server (``tests/classroom.py``: cookies, the XSRF token, the module pages, the answers as the
forms send them), on a thread of this process. Each joins with the class code, opens every
module and answers every exercise, right or wrong at random (the typical answers of the
facilitator guide), the first answer at once and the next after ``--jeda`` seconds, as people
type. Printed, measured in this one run: the server's peak memory (VmHWM of its process; the
modules are run beforehand by a first start, as the second start of a class is), the median
and 95th percentile time from "Periksa" to the feedback, and whether every answer is in the
class database.

Goal on a 2-core laptop: 30 participants within 4 GB, 95th percentile under 1 s, nothing lost.
The clients share the laptop's two cores with the server, as phones in a room do not: the
figures are an upper bound.

``--voila N``: the same module served by Voila (a kernel per visitor, ``pip install voila``),
N visitors opening it one after another: the memory per visitor and the time to the first
page, for the choice recorded in the README.

    python bench/kelas.py [--peserta 30] [--sampai 480] [--jeda 0.5] [--voila 4]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from classroom import Client  # noqa: E402 - the tests' client, a browser as the server sees it

CODE, TRAINER = "BENCH", "PELATIH-BENCH"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "pohon_nb.cli", "kelas", "--folder", str(folder),
               "--alamat", "127.0.0.1", "--port", str(port), "--kode", CODE, "--kode-pelatih", TRAINER]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in server.stdout:  # ready when it prints the address
        if line.startswith("Kelas dibuka"):
            threading.Thread(target=server.stdout.read, daemon=True).start()  # drain the log
            return server
    raise RuntimeError("pohon-nb kelas tidak terbuka")


def peak_memory(pid: int) -> int:
    """The process's peak resident memory (VmHWM), bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def answers_for(keys: list[str]) -> dict[str, tuple[list, list]]:
    """Per exercise, the typical right and wrong answers as a form sends them."""
    from pohon_nb.nb.training import BY_KEY

    def sent(form: str, answer):
        """As the page's form sends it: a list for an order, an indicator or ticked OPDs, else
        the text in the box (the guide writes some answers as Python values)."""
        if isinstance(answer, (list, tuple)):
            items = [str(a) for a in answer]
            return items if form in ("urutan", "indikator", "opd_banyak") else ", ".join(items)
        return str(answer)

    chosen = {}
    for key in keys:
        typical, form = BY_KEY[key].typical, BY_KEY[key].form
        right = [sent(form, a) for a, grade, _ in typical if grade in ("tepat", "varian")]
        wrong = [sent(form, a) for a, grade, _ in typical if grade in ("salah", "hampir")]
        chosen[key] = (right or wrong, wrong or right)
    return chosen


def one_class(url: str, count: int, first: int, modules: list[int], keys: list[str], pause: float,
              rng: random.Random) -> tuple[list[float], list[str]]:
    answers = answers_for(keys)
    times, errors, lock = [], [], threading.Lock()

    def walk(k: int) -> None:
        person, name = Client(url), f"Peserta {first + k}"
        try:
            person.join(name, code=CODE)
            for number in modules:
                page = person.get(f"/modul/{number}")[2]
                for key in re.findall(r'data-latihan="([\d.]+)"', page):
                    right, wrong = answers[key]
                    answer = rng.choice(right if rng.random() < 0.6 else wrong)
                    start = time.perf_counter()
                    reply = person.answer(key, answer)
                    took = time.perf_counter() - start
                    assert reply["nilai"] and reply["html"]
                    with lock:
                        times.append(took)
                    time.sleep(pause * rng.uniform(0.5, 1.5))
        except Exception as exc:  # counted: a lost answer or a refused participant is a failure
            with lock:
                errors.append(f"{name}: {exc!r}")

    threads = [threading.Thread(target=walk, args=(k,)) for k in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def voila(count: int, work: Path) -> None:
    """Voila serving module 1: memory per visitor and time to the first page."""
    if shutil.which("voila") is None:
        print("\nVoila tidak terpasang (pip install voila): perbandingan dilewati.")
        return
    import psutil

    from pohon_nb.core.paths import TRAINING

    shutil.copy(TRAINING / "01_konsep.ipynb", work / "01_konsep.ipynb")
    port = free_port()
    process = subprocess.Popen(["voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
                                str(work / "01_konsep.ipynb")], cwd=work,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120).read()
                break
            except OSError:
                time.sleep(0.3)
        base = psutil.Process(process.pid)

        def total() -> int:
            return sum(p.memory_info().rss for p in [base, *base.children(recursive=True)])

        idle, times = total(), []
        for _ in range(count):
            start = time.perf_counter()
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=300).read()
            times.append(time.perf_counter() - start)
        per_visitor = (total() - idle) / max(count, 1)
        print(f"\nVoila {count} pengunjung (satu kernel per pengunjung): halaman pertama median "
              f"{statistics.median(times):.1f} s, memori per pengunjung {per_visitor / 2**20:.0f} MB "
              f"(30 pengunjung: {30 * per_visitor / 2**30:.1f} GB)")
    finally:
        process.terminate()
        process.wait(20)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peserta", type=int, default=30)
    parser.add_argument("--sampai", type=int, default=480, help="most participants tried")
    parser.add_argument("--jeda", type=float, default=0.5, help="seconds between one answer and the next")
    parser.add_argument("--voila", type=int, default=0, help="also measure Voila with this many visitors")
    args = parser.parse_args(argv)
    from pohon_nb.nb.training import BY_KEY

    work = Path(tempfile.mkdtemp(prefix="pohon-bench-kelas-"))
    folder, port = work / "kelas", free_port()
    started = time.perf_counter()
    start(folder, port).terminate()  # the first start runs the modules; a class starts warm
    print(f"modul 1-5 disiapkan dalam {time.perf_counter() - started:.0f} s (sekali per data)")
    server = start(folder, port)
    url = f"http://127.0.0.1:{port}"
    modules = [1, 2, 3, 4, 5]
    keys = list(BY_KEY)
    rng = random.Random(7)
    count, first, expected, crossed = args.peserta, 1, 0, None
    try:
        while count <= args.sampai:
            times, errors = one_class(url, count, first, modules, keys, args.jeda, rng)
            first += count
            expected += len(times)
            with sqlite3.connect(folder / "kelas.sqlite") as db:
                stored = db.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0]
            p95 = percentile(times, 95) if times else float("nan")
            print(f"{count:4d} peserta, {len(times)} jawaban: umpan balik median "
                  f"{statistics.median(times):.3f} s, p95 {p95:.3f} s; memori puncak server "
                  f"{peak_memory(server.pid) / 2**20:.0f} MB; "
                  f"di basis data {stored} dari {expected} jawaban; galat {len(errors)}", flush=True)
            for error in errors[:3]:
                print("   ", error)
            if p95 > 2.0:
                crossed = count
                break
            count *= 2
    finally:
        server.terminate()
        server.wait(20)
    print(f"p95 melewati 2 s pada {crossed} peserta" if crossed else
          f"p95 tetap di bawah 2 s sampai {count // 2} peserta (batas --sampai {args.sampai})")
    if args.voila:
        voila(args.voila, work)
    print(f"(folder kerja {work}; {os.cpu_count()} inti)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
