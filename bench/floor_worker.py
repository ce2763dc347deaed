"""The floor of bench/batch.py: a notebook's cells in a plain IPython shell, no kernel."""

from __future__ import annotations

import os

import nbformat


def plain(template: str, parameters: dict, cwd: str) -> int:
    """Run a notebook's cells in a plain IPython shell; return how many outputs were formatted."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    os.makedirs(cwd, exist_ok=True)
    os.chdir(cwd)
    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    shown = 0
    original = shell.display_pub.publish

    def publish(data, *args, **kwargs):  # count, do not print
        nonlocal shown
        shown += 1

    shell.display_pub.publish = publish
    try:
        nb = nbformat.read(template, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            shell.run_cell(cell.source, silent=False).raise_error()
            if "parameters" in cell.metadata.get("tags", []):
                shell.user_ns.update(parameters)  # as papermill's injected cell does
    finally:
        shell.display_pub.publish = original
        shell.reset(new_session=False)
    return shown
