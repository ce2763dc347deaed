"""The clean state a notebook of a batch starts from, in whatever process runs it.

A process that runs notebook after notebook (a warm kernel, :mod:`pohon_nb.run.engine`, or a pool
worker, :mod:`pohon_nb.run.inprocess`) calls :func:`remember` once, before the first, and
:func:`restore` before every one, after emptying the shell's namespace: matplotlib's figures are
closed and its rcParams restored, the working directory, ``sys.path``, environment variables and
random states are put back as they were remembered, and what outlives all that (the modules, a
shared model) is frozen out of the garbage collector's later scans. pohon-nb keeps no global
state of its own to reset: a region's scale is passed, not registered.
"""

from __future__ import annotations

import copy
import gc
import os
import random
import sys
import warnings

_state: dict | None = None


def remember() -> None:
    """Remember this process's state as the one every notebook starts from (once). numpy and
    matplotlib are loaded first (every notebook loads them), so their state is the one before any
    notebook ran."""
    global _state
    if _state is not None:
        return
    import matplotlib
    import numpy

    _state = {"cwd": os.getcwd(), "path": list(sys.path), "env": dict(os.environ),
              "random": random.getstate(), "np_random": numpy.random.get_state(),
              "rc": copy.deepcopy(dict(matplotlib.rcParams))}


def restore(cwd: str) -> None:
    """Put the remembered state back, with ``cwd`` (the notebook's folder) as working directory."""
    state = _state
    if state is None:
        raise RuntimeError("fresh.remember() was not called in this process")
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sys.modules["matplotlib"].rcParams.update(state["rc"])
    random.setstate(state["random"])
    sys.modules["numpy"].random.set_state(state["np_random"])
    sys.path[:] = state["path"]
    for key in set(os.environ) - set(state["env"]):
        del os.environ[key]
    os.environ.update(state["env"])
    os.chdir(cwd)
    gc.freeze()  # what outlives a reset (modules, a shared model) is not scanned again


def home() -> str:
    """The working directory remembered (where the process goes back to between notebooks)."""
    return _state["cwd"] if _state else os.getcwd()
