#!/usr/bin/env python3
"""Runs a script inside `.venv-fit/`, the virtual environment of the fitting and scoring
commands: creates it on first use and installs scripts/fit_requirements.txt from PyPI.

    import fit_venv; fit_venv.ensure()   # at the top of main(): re-executes in the venv

Standard library only. `TRUSTLENS_NO_VENV=1` (or `--no-venv` where a script offers it)
uses the current interpreter instead, which must then have the packages.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv-fit"
REQUIREMENTS = REPO / "scripts" / "fit_requirements.txt"
MODULES = ["numpy", "scipy", "sklearn", "vaderSentiment", "nrclex"]


def python() -> Path:
    return VENV / "bin" / "python"


def ensure() -> None:
    """Re-executes the running script in .venv-fit (made and filled when missing)."""
    if os.environ.get("TRUSTLENS_NO_VENV") == "1" or "--no-venv" in sys.argv:
        return
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = python()
    if not py.exists():
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = ("import importlib.util, sys; "
             f"sys.exit(0 if all(importlib.util.find_spec(m) for m in {MODULES!r}) else 1)")
    if subprocess.run([str(py), "-c", probe]).returncode != 0:
        print(f"installing {REQUIREMENTS.name} into {VENV} ...", file=sys.stderr)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(REQUIREMENTS)], check=True)
    os.execv(str(py), [str(py), str(Path(sys.argv[0]).resolve()), *sys.argv[1:]])
