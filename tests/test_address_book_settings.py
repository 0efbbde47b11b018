"""Which address book is used: the environment, the settings (a shared file), the user's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from applywizard.adapters.address_book.store import open_address_book
from applywizard.adapters.app_settings import (
    SettingsError,
    address_book_path,
    own_address_book,
    set_address_book,
)
from applywizard.adapters.user_folders import user_folders
from applywizard.cli.main import main


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_ADDRESS_BOOK", raising=False)
    return tmp_path


def test_the_users_own_book_by_default(home: Path) -> None:
    found = address_book_path()
    assert found.path == home / "data" / "ApplyWizard" / "address-book.sqlite3"
    assert found.path == own_address_book()
    assert (found.origin, found.problems, found.is_users_own) == ("user", (), True)
    assert found.origin_words() == ("本用户自己的通讯录", "the user's own")


def test_a_book_named_in_the_settings_then_cleared(home: Path) -> None:
    shared = home / "office share" / "book.sqlite3"
    assert set_address_book(shared) == shared
    found = address_book_path()
    assert (found.path, found.origin, found.is_users_own) == (shared, "settings", False)
    assert json.loads(user_folders().settings.read_text("utf-8"))["address_book"] == str(shared)
    assert set_address_book(None) is None
    assert address_book_path().origin == "user"
    assert "address_book" not in json.loads(user_folders().settings.read_text("utf-8"))
    set_address_book(None)  # clearing twice is no error


def test_a_relative_name_is_stored_absolute(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(home)
    assert set_address_book(Path("book.sqlite3")) == home / "book.sqlite3"
    assert address_book_path().path == home / "book.sqlite3"


def test_a_folder_is_refused(home: Path) -> None:
    with pytest.raises(SettingsError, match="is a folder"):
        set_address_book(home)
    assert address_book_path().origin == "user"


def test_the_environment_overrides_the_settings(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_address_book(home / "shared.sqlite3")
    monkeypatch.setenv("APPLYWIZARD_ADDRESS_BOOK", str(home / "for-one-run.sqlite3"))
    found = address_book_path()
    assert (found.path, found.origin) == (home / "for-one-run.sqlite3", "environment")
    assert "APPLYWIZARD_ADDRESS_BOOK" in found.origin_words()[0]


@pytest.mark.parametrize(
    "content", [b"{not json", b"\xff\xfe", b"[1, 2]", b'{"address_book": 42}', b""]
)
def test_an_unreadable_settings_file_falls_back_to_the_users_own(
    home: Path, content: bytes
) -> None:
    settings = user_folders().settings
    settings.parent.mkdir(parents=True)
    settings.write_bytes(content)
    found = address_book_path()
    assert (found.path, found.origin) == (own_address_book(), "user")
    if content not in (b"[1, 2]",):
        assert found.problems and str(settings) in found.problems[0]
    with open_address_book() as book:  # the book opens all the same
        assert book.path == own_address_book()


def test_a_settings_file_that_is_a_folder_does_not_stop_anything(home: Path) -> None:
    user_folders().settings.mkdir(parents=True)
    assert address_book_path().origin == "user"
    assert address_book_path().problems


def test_open_uses_the_named_book_with_the_rollback_journal(home: Path) -> None:
    with open_address_book() as own:
        assert own.path == own_address_book()
        assert own.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    shared = home / "share" / "book.sqlite3"
    set_address_book(shared)
    with open_address_book() as book:
        assert book.path == shared
        # WAL needs shared memory, which two machines on a network drive cannot share
        assert book.connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        with book.transaction():
            book.put("unit", {"name": "重庆大学"})
    assert shared.is_file() and not Path(f"{shared}-wal").exists()
    with open_address_book(home / "local.sqlite3", journal="wal") as chosen:  # asked for
        assert chosen.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_wal_file_named_as_shared_is_turned_to_the_rollback_journal(home: Path) -> None:
    own = own_address_book()
    with open_address_book() as book, book.transaction():
        book.put("unit", {"name": "重庆大学"})
    set_address_book(own.with_name("copy.sqlite3"))
    own.with_name("copy.sqlite3").write_bytes(own.read_bytes())  # WAL mode in its header
    with open_address_book() as book:
        assert book.connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    with open_address_book(own) as first, open_address_book(own.with_name("copy.sqlite3")):
        assert first.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_settings_command_sets_shows_and_clears_the_book(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = home / "share" / "book.sqlite3"
    assert main(["--en", "settings", "--address-book", str(shared)]) == 0
    out = capsys.readouterr().out
    assert f"address book: {shared} (named in the settings (may be shared)" in out
    assert main(["settings"]) == 0
    assert f"通讯录：{shared}（设置中指定的通讯录（可共享）" in capsys.readouterr().out
    assert main(["--en", "settings", "--address-book", ""]) == 0
    assert f"address book: {own_address_book()} (the user's own" in capsys.readouterr().out
    assert main(["--en", "settings", "--address-book", str(home)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_the_settings_listing_says_when_the_settings_cannot_be_read(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = user_folders().settings
    settings.parent.mkdir(parents=True)
    settings.write_text("{not json", encoding="utf-8")
    assert main(["--en", "settings"]) == 0
    captured = capsys.readouterr()
    assert f"address book: {own_address_book()}" in captured.out
    assert "cannot be read" in captured.err
