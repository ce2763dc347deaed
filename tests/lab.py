"""JupyterLab in headless Chromium, for the browser tests and ``bench/browser.py``.

:func:`running_lab` starts ``jupyter lab`` on 127.0.0.1 with a token, in a folder of its own
with fresh settings (no news toast, every cell rendered), and always stops it; :class:`Walk`
is one notebook opened in it, acted on as a user would, with a screenshot at every step.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROME_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]


class LabFailed(RuntimeError):
    """The server stopped or did not answer; the message holds the end of its log."""


@contextlib.contextmanager
def running_lab(root: Path, home: Path, timeout: float = 60):
    """A JupyterLab server serving ``root``, its settings and runtime files in ``home``;
    yields {"url", "token", "root"}."""
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    notebook_settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True, exist_ok=True)
    # Every cell in the page (no windowing), so widgets above the fold can be found.
    (notebook_settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    log_path = home / "lab.log"
    log = open(log_path, "w")  # noqa: SIM115 (open for the server's whole life)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--allow-root",
         f"--LabApp.workspaces_dir={home / 'workspaces'}",
         f"--LabApp.user_settings_dir={home / 'settings'}"],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + timeout
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    raise LabFailed(f"jupyter lab berhenti: {log_path.read_text()[-2000:]}") from None
                if time.time() > deadline:
                    raise LabFailed(f"jupyter lab tidak menjawab dalam {timeout:.0f} detik") from None
                time.sleep(0.3)
        yield {"url": url, "token": token, "root": root}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


class Walk:
    """One notebook opened in JupyterLab, with a screenshot at every step."""

    def __init__(self, browser, lab, name: str, shots: Path, viewport=(1400, 1000)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.page.set_default_timeout(90_000)
        self.shots, self.name, self.step = shots, name, 0
        # A workspace of its own, so no notebook of an earlier walk is open in a hidden tab.
        workspace = Path(name).stem.replace("_", "-")
        self.page.goto(f"{lab['url']}/lab/workspaces/{workspace}/tree/{name}?token={lab['token']}")
        self.page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
        self.snap("dibuka")

    @property
    def notebook(self):
        """The notebook panel on screen (not one in a hidden tab)."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def snap(self, what: str) -> Path:
        self.step += 1
        path = self.shots / f"{Path(self.name).stem}_{self.step:02d}_{what}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def run_all(self, timeout: float = 180) -> None:
        self.page.get_by_role("menuitem", name="Run", exact=True).click()
        self.page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        # Done when every code cell has run ("[12]:", not "[ ]:" or "[*]:"; a notebook whose
        # kernel is still starting has not queued them yet) and the kernel is idle again.
        self.page.wait_for_function(
            "() => { const prompts = Array.from(document.querySelectorAll("
            "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt'));"
            " return prompts.length > 0 && prompts.every(e => /\\[\\d+\\]/.test(e.textContent)); }",
            timeout=timeout * 1000)
        self.page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
        self.snap("dijalankan")

    def assert_widgets_rendered(self, dropdowns: int = 3) -> None:
        body = self.page.inner_text("body")
        assert "Loading widget" not in body, self.fail_note("widget tidak tampil")
        assert "Error displaying widget" not in body, self.fail_note("widget galat")
        assert self.notebook.locator(".widget-dropdown select").count() >= dropdowns, self.fail_note(
            "panel pilihan tidak ada")

    def dropdown(self, description: str):
        """The panel's dropdown labelled ``description`` (OPD, Tahun, Skala, Banding, Kondisi)."""
        return self.notebook.locator(".widget-dropdown", has=self.page.locator(
            "label", has_text=description)).first.locator("select")

    def select(self, index: int | str, label_part: str) -> None:
        select = (self.dropdown(index) if isinstance(index, str)
                  else self.notebook.locator(".widget-dropdown select").nth(index))
        options = select.locator("option").all_inner_texts()
        # ipywidgets shows spaces in option labels as non-breaking spaces.
        label = next(o for o in options if label_part in o.replace("\xa0", " "))
        select.scroll_into_view_if_needed()
        select.select_option(label=label)
        self.snap("pilihan")

    def wait_for_text(self, text: str, timeout: float = 30) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function("t => document.body.innerText.includes(t)", arg=text,
                                        timeout=timeout * 1000)
        except PlaywrightTimeout:
            raise AssertionError(self.fail_note(f"teks {text!r} tidak muncul")) from None

    def wait_settled(self, timeout: float = 60) -> None:
        """Until no section is greyed out or being redrawn."""
        self.page.wait_for_function(SETTLED, timeout=timeout * 1000)

    def images(self) -> list[str]:
        return self.notebook.locator(".jp-OutputArea-output img").evaluate_all(
            "els => els.map(e => e.src.slice(-200))")

    def fail_note(self, what: str) -> str:
        return f"{what}; tangkapan layar: {self.snap('gagal')}"


SETTLED = ("() => !document.body.innerText.includes('memperbarui') && "
           "!document.querySelector('.pohon-nb-usang') && "
           "Array.from(document.querySelectorAll('.jp-OutputArea-output img')).every(i => i.complete)")
"""In the page: no section greyed out, the status line not redrawing, every figure decoded."""
