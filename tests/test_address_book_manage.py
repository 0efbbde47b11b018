"""``applywizard addressbook list | show | set | remove``: correcting entries by hand."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from applywizard.adapters.address_book.store import open_address_book
from applywizard.cli.main import main

VALID_CODE = "124100004158003338"  # passes its check
OTHER_CODE = "123100004251120751"
BAD_CODE = "12420000441612088F"  # wrong check character


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite3"
    with open_address_book(path) as opened, opened.transaction():
        first = opened.put("unit", {"name": "重庆大学", "credit_code": VALID_CODE})
        opened.put("unit", {"name": "长安大学", "credit_code": OTHER_CODE, "name_en": "CHD"})
        opened.put("unit", {"name": "无代码研究所"})
        opened.put("person", {"name": "曾伟", "unit": "重庆大学", "title": "教授"})
        opened.put("person", {"name": "曾伟", "unit": "长安大学"})
        opened.put("partner", {"name": "Universität Wien", "name_zh": "维也纳大学"})
        opened.used_in("unit", first, "/drafts/a.json")
        opened.used_in("unit", first, "/drafts/b.json")
    return path


def _run(book: Path, *args: str, english: bool = False) -> int:
    return main([*(["--en"] if english else []), "addressbook", "--book", str(book), *args])


def _unit(book: Path, entry_id: int) -> dict[str, str]:
    with open_address_book(book) as opened:
        stored = opened.get("unit", entry_id)
        assert stored is not None
        return {**stored.fields, "initials": stored.initials}


def test_list_shows_every_entry_with_its_drafts(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(book, "list") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == [
        "编号",
        "类别",
        "名称",
        "其他名称",
        "代码",
        "最近使用",
        "草稿数",
    ]
    row = next(line for line in out.splitlines() if "重庆大学" in line and "中方单位" in line)
    assert row.split()[0] == "1" and row.split()[-1] == "2" and VALID_CODE in row
    assert "维也纳大学" in out and "共 6 条" in out
    assert _run(book, "list", "--kind", "person", english=True) == 0
    out = capsys.readouterr().out
    assert "id" in out.splitlines()[1] and "drafts" in out.splitlines()[1]
    assert out.count("person") == 2 and "2 entries" in out


def test_list_searches_by_pinyin_initials(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(book, "list", "--search", "cqd") == 0
    out = capsys.readouterr().out
    assert "重庆大学" in out and "长安大学" not in out and "共 1 条" in out
    assert _run(book, "list", "--search", "zw", "--kind", "person") == 0
    assert "共 2 条" in capsys.readouterr().out  # 曾 read as a surname: zēng


def test_show_gives_every_field_its_drafts_and_findings(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(book, "show", "unit", "1") == 0
    out = capsys.readouterr().out
    assert "中方单位 #1“重庆大学”" in out
    assert f"统一社会信用代码：{VALID_CODE}" in out and "注册日期：—" in out
    assert "拼音首字母：cqdx" in out and "用于 2 份草稿" in out and "/drafts/b.json" in out
    assert "检查：无问题" in out
    with open_address_book(book) as opened, opened.transaction():
        opened.put("unit", {"name": "坏代码", "credit_code": BAD_CODE, "type": "university"})
    assert _run(book, "show", "unit", "4", english=True) == 0
    out = capsys.readouterr().out
    assert "type: university" in out and "used in 0 drafts" in out
    assert f"check: The unified social credit code {BAD_CODE} of “坏代码” fails its check" in out


def test_set_changes_fields_and_the_initials(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _run(book, "set", "unit", "3", "name=西安研究所", "state_organ=yes", "type=enterprise") == 0
    )
    out = capsys.readouterr().out
    assert "单位名称：无代码研究所 → 西安研究所" in out and "是否国家机关：— → true" in out
    assert "已保存中方单位 #3“西安研究所”" in out
    saved = _unit(book, 3)
    assert (saved["name"], saved["state_organ"], saved["initials"]) == (
        "西安研究所",
        "true",
        "xayjs",
    )
    assert _run(book, "set", "unit", "3", "name=西安研究所") == 0
    assert "没有改动" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("set", "robot", "1", "name=x"), "no kind “robot”"),
        (("set", "unit", "99", "name=x"), "has no Chinese unit #99"),
        (("set", "unit", "1", "colour=red"), "“colour=red” is not FIELD=VALUE"),
        (("set", "unit", "1", "name"), "“name” is not FIELD=VALUE"),
        (("set", "unit", "1", "birth_date=2000-01-01"), "birth_date"),  # a person's field
        (("set", "unit", "1", "type=大学"), "the type cannot be “大学”"),
        (("set", "unit", "1", "name="), "the name cannot be empty"),
        (("show", "unit", "99"), "has no Chinese unit #99"),
        (("remove", "partner", "99"), "has no foreign partner #99"),
    ],
)
def test_refusals_exit_2_and_change_nothing(
    book: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str
) -> None:
    before = book.read_bytes()
    assert _run(book, *args, english=True) == 2
    assert says in capsys.readouterr().err
    assert book.read_bytes() == before


def test_a_failed_check_is_refused_unless_forced(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(book, "set", "unit", "3", f"credit_code={BAD_CODE}") == 1
    captured = capsys.readouterr()
    assert "未通过校验" in captured.out and "加 --force" in captured.err
    assert _unit(book, 3)["credit_code"] == ""
    assert _run(book, "set", "unit", "3", "registered_on=2999-01-01", english=True) == 1
    assert "registration date of “无代码研究所” is impossible" in capsys.readouterr().out
    assert _run(book, "set", "unit", "3", f"credit_code={BAD_CODE.lower()}", "--force") == 0
    assert _unit(book, 3)["credit_code"] == BAD_CODE  # written as a draft writes it


def test_a_change_that_makes_two_entries_one_names_the_other(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(book, "set", "unit", "2", f"credit_code={VALID_CODE}") == 2
    err = capsys.readouterr().err
    assert "中方单位 #1“重庆大学”的统一社会信用代码相同" in err
    assert "addressbook remove unit 1" in err
    assert _run(book, "set", "unit", "3", "name=长安大学 ") == 0  # 长安大学 has a code of its own
    assert _run(book, "set", "person", "2", "unit=重庆大学", english=True) == 2
    assert "same name and unit as person #1 “曾伟”" in capsys.readouterr().err
    assert _unit(book, 2)["credit_code"] == OTHER_CODE


def test_remove_takes_the_entry_and_its_uses(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(book, "remove", "unit", "1") == 0
    assert "已删除中方单位 #1“重庆大学”及其 2 条使用记录" in capsys.readouterr().out
    connection = sqlite3.connect(book)
    assert connection.execute("SELECT count(*) FROM unit_uses").fetchone()[0] == 0
    assert connection.execute("SELECT count(*) FROM units").fetchone()[0] == 2
    connection.close()
    assert _run(book, "remove", "unit", "1") == 2
