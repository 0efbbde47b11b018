"""Screenshots of the address book in the units table: the suggestions, the differences.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots_address_book.py

Builds an address book from the 18 examples in a temporary folder, opens the
real window on a new application (example 1.2's project, example 1.1's lead
unit with a mistyped credit code), types three characters of a unit's name
into a new row and photographs the screen (the suggestions are a popup
window of their own, so the whole screen is grabbed, not the wizard), then
picks the other unit and photographs the differences dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_USER = tempfile.mkdtemp(prefix="applywizard-screenshots-")
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = str(Path(_USER) / _variable.lower())
os.environ["APPLYWIZARD_ADDRESS_BOOK"] = str(Path(_USER) / "address-book.sqlite3")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from applywizard.adapters.address_book.importing import import_drafts  # noqa: E402
from applywizard.adapters.address_book.store import open_address_book  # noqa: E402
from applywizard.adapters.draft_files import read_draft  # noqa: E402
from applywizard.adapters.guide_packs import shipped_guide  # noqa: E402
from applywizard.ui import dialogs  # noqa: E402
from applywizard.ui.address_book import BookCompleter, DifferencesDialog  # noqa: E402
from applywizard.ui.assembly import build_wizard  # noqa: E402
from applywizard.ui.translations import install_translations  # noqa: E402
from applywizard.ui.wizard import ApplicationWizard  # noqa: E402
from applywizard.workflow.flow import PageId  # noqa: E402
from applywizard.workflow.session import DraftSession  # noqa: E402


def settle(app: QApplication, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(20)


def type_chars(widget: QLineEdit, text: str) -> None:
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def grab_screen(target: Path) -> None:
    """The whole screen's top-left 1280x820: the suggestions are a window of their own."""
    QGuiApplication.primaryScreen().grabWindow(0, 0, 0, 1280, 820).save(str(target))
    print(target)


def suggestions_shot(app: QApplication, wizard: QWidget, target: Path) -> None:
    """A new row, three characters of a unit's name typed: the suggestions."""
    wizard.activateWindow()
    add = wizard.findChild(QPushButton, "chinese_units.add")
    assert add is not None
    add.click()
    settle(app)
    editor = wizard.findChild(QLineEdit, "chinese_units.1.name")
    assert editor is not None
    type_chars(editor, "岱川大")
    settle(app)
    grab_screen(target)
    completer = editor.completer()
    assert isinstance(completer, BookCompleter)
    QTest.keyClick(completer.list, Qt.Key.Key_Escape)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    settle(app)


def differences_shot(app: QApplication, wizard: ApplicationWizard, target: Path) -> None:
    """The lead unit's name typed again and its entry chosen: the code differs."""

    def photograph(dialog: QDialog) -> int:
        assert isinstance(dialog, DifferencesDialog)
        dialog.show()
        dialog.move(320, 260)
        settle(app)
        grab_screen(target)
        return QDialog.DialogCode.Rejected

    dialogs.run_dialog = photograph
    assert wizard.jump_to_field("chinese_units.0.name")
    settle(app)
    editor = wizard.findChild(QLineEdit, "chinese_units.0.name")
    assert editor is not None
    editor.selectAll()
    type_chars(editor, "楚天理")
    settle(app)
    completer = editor.completer()
    assert isinstance(completer, BookCompleter)
    QTest.keyClick(completer.list, Qt.Key.Key_Down)
    QTest.keyClick(completer.list, Qt.Key.Key_Return)
    settle(app, 20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    install_translations(app, args.lang)
    with open_address_book() as book:
        import_drafts(book, sorted((ROOT / "examples").glob("*.json")))
    draft = read_draft(ROOT / "examples" / "1.2.json")
    earlier = read_draft(ROOT / "examples" / "1.1.json")
    draft.chinese_units = earlier.chinese_units[:1]
    draft.chinese_units[0].credit_code = "12420000441612080Y"  # mistyped
    draft.foreign_partners, draft.team = [], []
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        path = Path.home() / "申报材料" / "新申报.json"  # never written
        wizard = build_wizard(DraftSession(shipped_guide(), draft, path=path), settings)
        wizard.resize(1280, 820)
        wizard.move(0, 0)
        wizard.show()
        wizard.hub.replaced.emit()
        wizard.go_to(PageId.UNITS)
        settle(app)
        suggestions_shot(app, wizard, args.out / f"11-address-book-suggestions-{args.lang}.png")
        differences_shot(app, wizard, args.out / f"12-address-book-differences-{args.lang}.png")
        wizard.hub.session.dirty = False
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
