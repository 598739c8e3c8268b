"""A non-editable install carries the templates, roles and catalogs with it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow  # builds a wheel and installs it in a new environment


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True)
    [built] = dist.glob("jobdocs-*.whl")
    return built


def test_wheel_contains_package_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "jobdocs/_data/templates/markdown/document.md.j2" in names
    assert "jobdocs/_data/roles/key-account-manager.yaml" in names
    assert "jobdocs/_data/locales/ru/LC_MESSAGES/messages.po" in names


def test_installed_wheel_renders_from_an_empty_directory(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "empty"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [str(bin_dir / "jobdocs"), "render", "key-account-manager", "--lang", "ru", "--lang",
         "en", "-o", "out"], cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ru = (work / "out" / "key-account-manager.ru.md").read_text(encoding="utf-8")
    assert "# Должностная инструкция менеджера по работе с ключевыми клиентами" in ru
    assert "**УТВЕРЖДАЮ**" in ru and "ЛИСТ ОЗНАКОМЛЕНИЯ" in ru
    en = (work / "out" / "key-account-manager.en.md").read_text(encoding="utf-8")
    assert "**APPROVED**" in en
    version = subprocess.run([str(bin_dir / "python"), "-m", "jobdocs", "--version"],
                             cwd=work, env=env, capture_output=True, text=True)
    assert version.stdout.strip() == "jobdocs, version 0.1.0"
