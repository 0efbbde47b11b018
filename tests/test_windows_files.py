r"""What Windows users meet when saving drafts and writing documents.

A file held open by Word, Excel or WPS; a read-only folder; drive roots, UNC
shares, Chinese names with spaces and paths past 260 characters; CR LF line
ends; the per-user folders. Every test runs on Linux with Windows' errors
built by hand, and again with a real Windows Python (under Wine too), where
the tests marked ``win32`` also hold a file open the way Word does.
"""

from __future__ import annotations

import contextlib
import errno
import ntpath
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from platformdirs.unix import Unix
from platformdirs.windows import Windows

from applywizard.adapters import file_errors, windows_files
from applywizard.adapters.draft_files import (
    DraftFileError,
    read_draft,
    save_draft,
    write_bytes_atomically,
)
from applywizard.adapters.file_errors import FileProblem, file_problem, os_reason
from applywizard.adapters.user_folders import user_folders
from applywizard.adapters.windows_files import extended_length, held_open, operation_path
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.project import FormParts, Project
from applywizard.workflow.attachments import AttachmentFileError, read_file_facts
from tests.windows_errors import WindowsPermissionError

win32 = pytest.mark.skipif(sys.platform != "win32", reason="needs a Windows Python")

HELD_EN = (
    "“{name}” is open in another program (such as Word, Excel or WPS): close it there and try again"
)
HELD_ZH = "“{name}”正被其他程序（如 Word、Excel 或 WPS）打开：请在该程序中关闭它，然后重试"
PROTECTED_EN = "permission denied: “{name}” or its folder is read-only or protected"
PROTECTED_ZH = "没有权限：“{name}”或其所在文件夹是只读的或受保护的"

CHINESE_AND_SPACES = ("Users", "张三", "My Documents", "申报 2024")


def _draft(title: str = "城市水环境智能监测") -> Draft:
    return Draft(direction="2.5", project=Project(title_zh=title, title_en="Smart water"))


def _names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in operation_path(folder).iterdir())


def _replace_failing_for(name: str, error: OSError, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Path.replace`` onto a file called ``name`` fails with ``error``; other replaces work."""
    real = Path.replace

    def replace(self: Path, target: Any) -> Path:
        if Path(target).name == name:
            raise error
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)


# -- telling a file held open from a protected one ------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (WindowsPermissionError(32), FileProblem.HELD_OPEN),  # ERROR_SHARING_VIOLATION
        (WindowsPermissionError(33), FileProblem.HELD_OPEN),  # ERROR_LOCK_VIOLATION
        (WindowsPermissionError(5), FileProblem.PROTECTED),  # ERROR_ACCESS_DENIED
        (PermissionError(errno.EACCES, "Permission denied"), FileProblem.PROTECTED),
        (FileNotFoundError(errno.ENOENT, "No such file"), FileProblem.MISSING),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), FileProblem.NOT_A_FILE),
        (OSError(errno.ENOSPC, "No space left on device"), FileProblem.DISK_FULL),
        (OSError(errno.EIO, "Input/output error"), FileProblem.OTHER),
    ],
)
def test_an_error_is_classified_by_its_winerror_first(
    error: OSError, expected: FileProblem
) -> None:
    assert file_problem(error) is expected


def test_held_open_and_read_only_get_different_messages_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "申报书.docx"
    assert os_reason(WindowsPermissionError(32), path) == (
        HELD_ZH.format(name="申报书.docx"),
        HELD_EN.format(name="申报书.docx"),
    )
    assert os_reason(WindowsPermissionError(5), path) == (
        PROTECTED_ZH.format(name="申报书.docx"),
        PROTECTED_EN.format(name="申报书.docx"),
    )


def test_a_bare_permission_error_on_a_file_another_program_holds_says_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' open() and os.replace say only "access denied" for a file Word holds."""
    path = tmp_path / "draft.json"
    path.write_bytes(b"{}")
    monkeypatch.setattr(file_errors, "held_open", lambda probed: probed == path)
    assert os_reason(WindowsPermissionError(5), path)[1] == HELD_EN.format(name="draft.json")
    bare = PermissionError(errno.EACCES, "Permission denied")
    assert os_reason(bare, path)[1] == HELD_EN.format(name="draft.json")
    assert os_reason(bare, tmp_path / "other.json")[1] == PROTECTED_EN.format(name="other.json")


def test_a_permission_error_on_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    """What Windows says when a folder is opened as a file."""
    folder = tmp_path / "申报 2024"
    folder.mkdir()
    zh, en = os_reason(PermissionError(errno.EACCES, "Permission denied"), folder)
    assert (zh, en) == ("“申报 2024”是一个文件夹，不是文件", "“申报 2024” is a folder, not a file")


@pytest.mark.skipif(sys.platform == "win32", reason="off Windows")
def test_no_file_is_held_open_off_windows(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_bytes(b"{}")
    assert held_open(path) is False


# -- saving when the file is held or protected: nothing half-written ------------------------------


@pytest.mark.parametrize("winerror", [32, 33])
def test_saving_over_a_file_held_open_says_close_it_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    path = tmp_path / "draft.json"
    save_draft(_draft("第一版"), path)
    before = path.read_bytes()
    _replace_failing_for("draft.json", WindowsPermissionError(winerror), monkeypatch)
    with pytest.raises(DraftFileError) as caught:
        save_draft(_draft("不应写入"), path)
    assert caught.value.path == path
    assert caught.value.zh == "无法保存：" + HELD_ZH.format(name="draft.json")
    assert caught.value.en == "cannot save: " + HELD_EN.format(name="draft.json")
    assert path.read_bytes() == before
    assert read_draft(path) == _draft("第一版")
    assert _names(tmp_path) == ["draft.json", "draft.json.bak"]  # no temporary file
    assert (tmp_path / "draft.json.bak").read_bytes() == before


def test_access_denied_on_the_replace_says_read_only_not_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.json"
    save_draft(_draft("第一版"), path)
    before = path.read_bytes()
    _replace_failing_for("draft.json", WindowsPermissionError(5), monkeypatch)
    with pytest.raises(DraftFileError) as caught:
        save_draft(_draft("不应写入"), path)
    assert caught.value.en == "cannot save: " + PROTECTED_EN.format(name="draft.json")
    assert "Word" not in caught.value.en and "Word" not in caught.value.zh
    assert path.read_bytes() == before
    assert _names(tmp_path) == ["draft.json", "draft.json.bak"]


def test_access_denied_on_a_file_word_holds_says_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Windows really gives: os.replace onto a file Word has open is ERROR_ACCESS_DENIED."""
    path = tmp_path / "draft.json"
    save_draft(_draft("第一版"), path)
    before = path.read_bytes()
    _replace_failing_for("draft.json", WindowsPermissionError(5), monkeypatch)
    monkeypatch.setattr(file_errors, "held_open", lambda probed: probed.name == "draft.json")
    with pytest.raises(DraftFileError) as caught:
        save_draft(_draft("不应写入"), path)
    assert caught.value.en == "cannot save: " + HELD_EN.format(name="draft.json")
    assert path.read_bytes() == before


def test_a_read_only_folder_refuses_the_temporary_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise WindowsPermissionError(5)

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(DraftFileError) as caught:
        save_draft(_draft(), tmp_path / "draft.json")
    assert caught.value.zh == "无法保存：" + PROTECTED_ZH.format(name="draft.json")
    assert _names(tmp_path) == []


def test_a_generated_document_held_open_is_named_and_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "2.5-城市水环境智能监测-申报书.docx"
    path.write_bytes(b"earlier version")
    _replace_failing_for(path.name, WindowsPermissionError(32), monkeypatch)
    with pytest.raises(DraftFileError) as caught:
        write_bytes_atomically(path, b"new version", keep_backup=False)
    assert caught.value.en == "cannot save: " + HELD_EN.format(name=path.name)
    assert path.read_bytes() == b"earlier version"
    assert _names(tmp_path) == [path.name]


def test_an_attachment_held_open_is_named_with_the_same_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "合作协议 2024.pdf"
    path.write_bytes(b"%PDF-1.7 agreement")
    real_open = Path.open

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == path.name:
            raise WindowsPermissionError(32, str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    with pytest.raises(AttachmentFileError) as caught:
        read_file_facts(path)
    assert caught.value.zh == "无法读取：" + HELD_ZH.format(name="合作协议 2024.pdf")
    assert caught.value.en == "Cannot read: " + HELD_EN.format(name="合作协议 2024.pdf")


# -- Windows path forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "extended"),
    [
        (r"D:\draft.json", r"\\?\D:\draft.json"),
        (r"\\server\share\dir\draft.json", r"\\?\UNC\server\share\dir\draft.json"),
        ("//server/share/dir/draft.json", r"\\?\UNC\server\share\dir\draft.json"),
        (
            r"C:\Users\张三\My Documents\申报 2024\draft.json",
            r"\\?\C:\Users\张三\My Documents\申报 2024\draft.json",
        ),
        ("C:/Users/张三/draft.json", r"\\?\C:\Users\张三\draft.json"),
        (r"C:\a\b\..\.\c\draft.json", r"\\?\C:\a\c\draft.json"),
        (r"\\?\C:\already\draft.json", r"\\?\C:\already\draft.json"),
        (r"\\?\UNC\server\share\draft.json", r"\\?\UNC\server\share\draft.json"),
        (r"\\.\COM1", r"\\.\COM1"),
        ("draft.json", "draft.json"),  # relative: no extended form
        ("C:draft.json", "C:draft.json"),  # relative to C:'s current folder
        (r"\draft.json", r"\draft.json"),  # relative to the current drive
    ],
)
def test_the_extended_length_form_of_windows_paths(path: str, extended: str) -> None:
    assert extended_length(path) == extended


def test_a_path_past_260_characters_keeps_every_part_in_its_extended_form() -> None:
    parts = [f"申报材料 第{depth:02d}层" for depth in range(30)]
    long_path = ntpath.join("C:\\", *parts, "draft.json")
    unc_path = ntpath.join("\\\\server\\share", *parts, "draft.json")
    assert len(long_path) > 260
    assert extended_length(long_path) == "\\\\?\\" + long_path
    assert extended_length(unc_path) == "\\\\?\\UNC\\" + unc_path[2:]
    assert ntpath.normpath(extended_length(long_path)[4:]) == long_path


def _deep_folder(root: Path) -> Path:
    folder = root.joinpath(*CHINESE_AND_SPACES, *(f"申报 材料 {depth:02d}" for depth in range(24)))
    assert len(str(folder / "draft.json")) > 300
    operation_path(folder).mkdir(parents=True)
    return folder


@pytest.mark.parametrize("deep", [False, True], ids=["chinese-and-spaces", "past-260"])
def test_real_files_in_chinese_folders_with_spaces_and_past_260_characters(
    tmp_path: Path, deep: bool
) -> None:
    folder = _deep_folder(tmp_path) if deep else tmp_path.joinpath(*CHINESE_AND_SPACES)
    operation_path(folder).mkdir(parents=True, exist_ok=True)
    path = folder / "申报书 草稿.json"
    save_draft(_draft("第一版"), path)
    save_draft(_draft("第二版"), path)
    assert read_draft(path) == _draft("第二版")
    assert read_draft(folder / "申报书 草稿.json.bak") == _draft("第一版")
    assert _names(folder) == ["申报书 草稿.json", "申报书 草稿.json.bak"]
    document = folder / "2.5-城市水环境智能监测-申报书.docx"
    write_bytes_atomically(document, b"form", keep_backup=False)
    assert operation_path(document).read_bytes() == b"form"
    assert read_file_facts(document).size_bytes == len(b"form")


@pytest.mark.skipif(sys.platform == "win32", reason="off Windows")
def test_posix_paths_are_used_as_they_are_never_extended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path_str: str) -> str:
        raise AssertionError(f"extended_length called on POSIX for {path_str}")

    monkeypatch.setattr(windows_files, "extended_length", refuse)
    folder = _deep_folder(tmp_path)
    assert operation_path(folder / "draft.json") == folder / "draft.json"
    save_draft(_draft(), folder / "draft.json")
    assert read_draft(folder / "draft.json") == _draft()


@win32
def test_a_long_windows_path_is_handed_over_in_its_extended_form(tmp_path: Path) -> None:
    short = tmp_path / "draft.json"
    assert operation_path(short) == short
    long = tmp_path.joinpath(*(f"申报 材料 {depth:02d}" for depth in range(24)), "draft.json")
    assert str(operation_path(long)) == extended_length(str(long))
    assert str(operation_path(long)).startswith("\\\\?\\")


def test_the_temporary_file_is_made_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rename within one folder: atomic on a network share too."""
    moves: list[tuple[Path, Path]] = []
    real = Path.replace

    def replace(self: Path, target: Any) -> Path:
        moves.append((self, Path(target)))
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    folder = tmp_path.joinpath(*CHINESE_AND_SPACES)
    folder.mkdir(parents=True)
    save_draft(_draft(), folder / "draft.json")
    save_draft(_draft(), folder / "draft.json")
    assert moves and all(source.parent == target.parent == folder for source, target in moves)
    assert all(source.name.endswith(".tmp") for source, _ in moves)


def test_the_folder_is_fsynced_on_posix_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows cannot open a folder as a file: there only the file is fsynced."""
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(descriptor)
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    save_draft(_draft(), tmp_path / "draft.json")
    assert len(synced) == (2 if os.name == "posix" else 1)
    assert read_draft(tmp_path / "draft.json") == _draft()


# -- no CR LF in a draft -------------------------------------------------------------------------


def test_text_typed_with_windows_line_ends_is_saved_without_a_cr_byte(tmp_path: Path) -> None:
    draft = _draft()
    draft.form = FormParts(status_and_trends="第一段\r\n第二段\r第三段\r\n")
    encoded = encode_draft(draft)
    assert b"\r" not in encoded
    assert draft.form.status_and_trends == "第一段\n第二段\n第三段\n"
    path = tmp_path / "draft.json"
    save_draft(draft, path)
    assert b"\x0d" not in path.read_bytes()
    assert path.read_bytes() == encoded  # binary: no newline translation on Windows
    assert read_draft(path) == draft


def test_a_cr_that_reached_a_value_is_escaped_in_the_json(tmp_path: Path) -> None:
    draft = _draft()
    draft.project = Project.model_construct(title_zh="甲\r\n乙")  # past validation
    encoded = encode_draft(draft)
    assert b"\x0d" not in encoded
    assert "甲\\r\\n乙".encode() in encoded
    write_bytes_atomically(tmp_path / "draft.json", encoded)
    assert b"\x0d" not in (tmp_path / "draft.json").read_bytes()


def test_the_temporary_file_is_written_in_binary_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[str] = []
    real = tempfile.NamedTemporaryFile

    def named(*args: Any, **kwargs: Any) -> Any:
        modes.append(kwargs.get("mode", "w+b"))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", named)
    save_draft(_draft(), tmp_path / "draft.json")
    assert modes == ["wb"]


# -- per-user folders ----------------------------------------------------------------------------


def test_windows_keeps_the_log_and_recovery_copies_in_local_appdata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\张三\AppData\Local")
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\张三\AppData\Roaming")
    folders = user_folders(Windows)
    local = PureWindowsPath(r"C:\Users\张三\AppData\Local\ApplyWizard")
    assert PureWindowsPath(str(folders.log)) == local / "Logs"
    assert PureWindowsPath(str(folders.recovery)) == local / "recovery"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_linux_keeps_them_in_the_xdg_state_and_data_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folders = user_folders(Unix)
    assert folders.log == tmp_path / "state" / "ApplyWizard" / "log"
    assert folders.recovery == tmp_path / "data" / "ApplyWizard" / "recovery"


@win32
def test_on_this_windows_both_are_under_local_appdata_not_roaming() -> None:
    folders = user_folders()
    local = os.path.normcase(os.environ["LOCALAPPDATA"])
    assert os.path.normcase(str(folders.recovery)).startswith(local)
    assert os.path.normcase(str(folders.log)).startswith(local)
    assert not os.path.normcase(str(folders.recovery)).startswith(
        os.path.normcase(os.environ["APPDATA"])
    )


# -- a file really held open, as Word holds it (Windows only) ------------------------------------

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
FILE_SHARE_READ = 0x1
OPEN_EXISTING = 3


@contextlib.contextmanager
def held_like_word(path: Path, share: int) -> Iterator[None]:
    """``path`` opened read-write with ``share`` as its share mode, as Word or Excel opens it."""
    if sys.platform != "win32":
        pytest.skip("needs Windows")
    import ctypes  # noqa: PLC0415 - Windows only
    from ctypes import wintypes  # noqa: PLC0415

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    handle = kernel32.CreateFileW(
        str(path), GENERIC_READ | GENERIC_WRITE, share, None, OPEN_EXISTING, 0, None
    )
    if handle in (None, wintypes.HANDLE(-1).value):
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        yield
    finally:
        kernel32.CloseHandle(handle)


SHARE_MODES = pytest.mark.parametrize(
    "share", [0, FILE_SHARE_READ], ids=["exclusive", "others-may-read"]
)


@win32
@SHARE_MODES
def test_saving_a_draft_word_holds_open_says_close_it_and_changes_nothing(
    tmp_path: Path, share: int
) -> None:
    path = tmp_path / "申报 草稿.json"
    save_draft(_draft("第一版"), path)
    before = path.read_bytes()
    with held_like_word(path, share):
        assert held_open(path)
        with pytest.raises(DraftFileError) as caught:
            save_draft(_draft("不应写入"), path)
    assert caught.value.en == "cannot save: " + HELD_EN.format(name=path.name)
    assert caught.value.zh == "无法保存：" + HELD_ZH.format(name=path.name)
    assert path.read_bytes() == before
    assert not [name for name in _names(tmp_path) if name.endswith(".tmp")]
    assert not held_open(path)
    save_draft(_draft("第二版"), path)  # once closed, the save goes through
    assert read_draft(path) == _draft("第二版")


@win32
@SHARE_MODES
def test_writing_a_document_excel_holds_open_says_close_it_and_changes_nothing(
    tmp_path: Path, share: int
) -> None:
    path = tmp_path / "2.5-城市水环境智能监测-双边合作表.xlsx"
    path.write_bytes(b"earlier workbook")
    with held_like_word(path, share), pytest.raises(DraftFileError) as caught:
        write_bytes_atomically(path, b"new workbook", keep_backup=False)
    assert caught.value.en == "cannot save: " + HELD_EN.format(name=path.name)
    assert path.read_bytes() == b"earlier workbook"
    assert _names(tmp_path) == [path.name]


@win32
def test_attaching_a_file_held_exclusively_says_close_it(tmp_path: Path) -> None:
    path = tmp_path / "合作协议.pdf"
    path.write_bytes(b"%PDF-1.7 agreement")
    with held_like_word(path, 0), pytest.raises(AttachmentFileError) as caught:
        read_file_facts(path)
    assert caught.value.en == "Cannot read: " + HELD_EN.format(name="合作协议.pdf")
    assert read_file_facts(path).size_bytes == len(b"%PDF-1.7 agreement")
