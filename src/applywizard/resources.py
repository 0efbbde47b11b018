"""Where the program's data folders are, however it was installed.

The one place that answers this: ``resources/`` (guides, checklists,
translations, the fallback font), ``templates/`` and ``examples/`` (a valid
draft per direction, which the self-test checks) sit inside the package in a
wheel and in a PyInstaller bundle (``sys._MEIPASS/applywizard/``), and at the
top of the repository in a source checkout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

_PACKAGE = Path(__file__).resolve().parent

Folder = Literal["resources", "templates", "examples"]


def data_folder(name: Folder) -> Path:
    """The folder ``resources``, ``templates`` or ``examples`` for this installation."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"ApplyWizard's {name} folder is missing (looked in {_PACKAGE / name} and "
        f"{_PACKAGE.parent.parent / name}); the installation is incomplete"
    )


def guide_path(guide_file: str = "2023-batch1.yaml") -> Path:
    """The data file of a guide shipped with the program."""
    return data_folder("resources") / "guides" / guide_file
