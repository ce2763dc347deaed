"""A plain (non-editable) install carries the sample and the templates inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from conftest import REPO

pytestmark = pytest.mark.lambat  # builds and installs a wheel


def test_wheel_carries_data_and_templates_and_validate_runs_from_it(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(wheels)], check=True, timeout=300)
    (wheel,) = wheels.glob("pohon_nb-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pohon_nb/_data/kabupaten_contoh.xlsx" in names
    assert "pohon_nb/_templates/templat_input.xlsx" in names

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=300)
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    code = (f"import sys; sys.path.insert(0, {str(target)!r}); import pohon_nb, pohon_nb.cli; "
            f"assert pohon_nb.__file__.startswith({str(target)!r}), pohon_nb.__file__; "
            f"sys.exit(pohon_nb.cli.main(['validate']))")
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kabupaten Contoh" in result.stdout and str(target) in result.stdout
