"""How a batch runs where a facilitator may choose, declared once: read by the batch, its plan
and the command line (its defaults and help). Imports nothing, so ``pohon-nb --help`` is quick.
The output folder's default is :data:`pohon_nb.core.paths.OUT`."""

from __future__ import annotations

CELL_TIMEOUT = 600
"""Seconds one notebook cell may run before the notebook is stopped and recorded as failed."""
