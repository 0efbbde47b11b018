r"""Where ApplyWizard keeps its own files for the user: the log and the recovery copies.

Both belong to this machine, so both are in the per-user *local* folders
(``roaming=False``): a crash's recovery copy and its log stay where the
crash happened and are not copied around with a roaming Windows profile.

- Windows: the log in ``%LOCALAPPDATA%\ApplyWizard\Logs``, recovery copies in
  ``%LOCALAPPDATA%\ApplyWizard\recovery`` (``%LOCALAPPDATA%`` is
  ``C:\Users\NAME\AppData\Local``; not ``AppData\Roaming``).
- Linux: ``~/.local/state/ApplyWizard/log`` (``$XDG_STATE_HOME`` when set) and
  ``~/.local/share/ApplyWizard/recovery`` (``$XDG_DATA_HOME`` when set).
- macOS: ``~/Library/Logs/ApplyWizard`` and
  ``~/Library/Application Support/ApplyWizard/recovery``.

The user's own guide packs are in ``guides`` beside the recovery copies, the
earlier versions of each draft in ``history`` (``draft_history`` says why
there and not beside the draft), and
the one setting the command line shares with the window (the folders, e.g. on
a shared drive, that hold a research office's guide packs) is a small JSON
file, ``settings.json`` in the user's config folder
(``~/.config/ApplyWizard``, ``%LOCALAPPDATA%\ApplyWizard``).

The window's other settings (language, recent drafts, last folder) are not here: the window
keeps them with Qt's ``QSettings`` under organisation and application
"ApplyWizard": on Windows the per-user registry key
``HKEY_CURRENT_USER\Software\ApplyWizard\ApplyWizard`` (it roams with the
profile, as ``AppData\Roaming`` does), on Linux
``~/.config/ApplyWizard/ApplyWizard.conf``, on macOS a plist in
``~/Library/Preferences``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs
from platformdirs.api import PlatformDirsABC

from applywizard import APP_NAME


@dataclass(frozen=True)
class UserFolders:
    """The user's log folder, and where unsaved work is copied for recovery after a crash."""

    log: Path
    recovery: Path
    guides: Path
    """The user's own guide packs (``~/.local/share/ApplyWizard/guides``)."""
    settings: Path
    """Settings the command line shares with the window (the shared guide folders)."""

    @property
    def history(self) -> Path:
        """Earlier versions of the user's drafts, beside the recovery copies (``draft_history``)."""
        return self.recovery.parent / "history"


def user_folders(platform: type[PlatformDirsABC] = PlatformDirs) -> UserFolders:
    """The folders on this system (``platform``: another system's rules, for tests)."""
    dirs = platform(APP_NAME, appauthor=False, roaming=False)
    data = Path(dirs.user_data_dir)
    return UserFolders(
        log=Path(dirs.user_log_dir),
        recovery=data / "recovery",
        guides=data / "guides",
        settings=Path(dirs.user_config_dir) / "settings.json",
    )
