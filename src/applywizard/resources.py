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


BUNDLED_PACK = "most-igsti-2023-batch1"
"""The guide pack the program cannot do without (the tests check it always loads)."""


def guide_path(pack: str = BUNDLED_PACK) -> Path:
    """The data file (``guide.yaml``) of a guide pack shipped with the program."""
    return data_folder("resources") / "guides" / pack / "guide.yaml"
