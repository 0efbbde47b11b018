"""The shared-draft words without Qt: who has it open, since when, what to do."""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.draft_lock import LockOwner, LockState
from applywizard.adapters.file_stamps import FileStamp
from applywizard.presenters.sharing import (
    EDITABLE_WHEN_READ_ONLY,
    NO_BREAK,
    ConflictChoice,
    LockChoice,
    age_words,
    changed_notice,
    changed_question,
    locked_question,
    overwrite_confirmations,
)
from applywizard.presenters.text import set_language
from applywizard.workflow.flow import ORDER, PageId

LIBREOFFICE = LockOwner("李华", "lihua", "LAB-PC-07", "06.12.2026 09:41", "file:///C:/LO/4")


def test_the_lock_question_names_the_person_the_time_and_the_program() -> None:
    state = LockState(Path("a.json"), LIBREOFFICE, 125.0, stale=False, mine=False)
    question = locked_question(state, "申报书.json")
    assert question.title == "草稿正被使用"
    assert "“申报书.json”正由 李华 (lihua@LAB-PC-07) — LibreOffice 打开" in question.text
    assert f"始于 06.12.2026{NO_BREAK}09:41" in question.text
    assert "（2 分钟前刷新过锁定）" in question.text
    assert [choice for choice, _text in question.choices] == list(LockChoice)
    assert [text for _choice, text in question.choices][:3] == [
        "只读打开(&R)",
        "打开副本(&C)",
        "仍然打开(&A)",
    ]
    unreadable = LockState(Path("a.json"), None, 0.0, stale=False, mine=False)
    assert "他人（锁定文件无法读取）" in locked_question(unreadable, "a.json").text


def test_ours_name_the_program_and_version_unbroken() -> None:
    ours = LockOwner("", "wang", "PC-1", "01.02.2026 03:04", "applywizard:0.1.0:pid:7")
    state = LockState(Path("a.json"), ours, 30.0, stale=False, mine=False)
    assert f"wang (wang@PC-1) — ApplyWizard{NO_BREAK}0.1.0" in locked_question(state, "a").text


def test_ages_in_words() -> None:
    assert [age_words(s) for s in (10, 61, 7200, 3 * 86400)] == [
        "不到 1 分钟",
        "1 分钟",
        "2 小时",
        "3 天",
    ]
    set_language("en")
    assert age_words(7200) == "2 h"


def test_a_change_on_disk_is_explained_with_its_time() -> None:
    stamp = FileStamp(10, 1_765_000_000 * 10**9, "0" * 64)
    question = changed_question("申报书.json", stamp)
    assert question.title == "文件已被修改"
    assert stamp.modified.strftime("%Y-%m-%d %H:%M:%S") in question.text
    assert [choice for choice, _text in question.choices] == list(ConflictChoice)
    assert "已于" in changed_notice("申报书.json", stamp)
    first, second = overwrite_confirmations("申报书.json")
    assert "覆盖" in first and "申报书.json.bak" in second


def test_read_only_leaves_only_the_pages_that_edit_nothing() -> None:
    editable = [page for page in ORDER if page in EDITABLE_WHEN_READ_ONLY]
    assert editable == [PageId.START, PageId.REVIEW, PageId.GENERATE]
