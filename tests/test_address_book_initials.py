"""Pinyin initials: polyphones, other scripts, migrating a version-1 book, search by initials."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from applywizard.adapters.address_book import schema
from applywizard.adapters.address_book.initials import (
    entry_initials,
    initials,
    person_initials,
)
from applywizard.adapters.address_book.store import AddressBookError, open_address_book
from applywizard.domain.address_book import FIELDS, KINDS, identity, name_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("重庆大学", "cqdx"),  # 重 chóng, not zhòng
        ("长安大学", "cadx"),  # 长 cháng, not zhǎng
        ("中国农业银行", "zgnyyh"),  # 行 háng, not xíng
        ("中国银行重庆分行", "zgyhcqfh"),
        ("厦门大学", "xmdx"),
        ("长沙理工大学", "cslgdx"),
        ("中国科学院长春应用化学研究所", "zgkxyccyyhxyjs"),  # not 院长 (zhǎng)
        ("研究院长沙分院", "yjycsfy"),
        ("ABB（中国）有限公司", "abbzgyxgs"),  # ASCII kept, lower-cased
        ("Max-Planck研究所 2", "maxplanckyjs2"),  # punctuation and spaces dropped
        ("ＡＢＣ１公司", "abc1gs"),  # full-width letters and digits
        ("École 大学", "ecoledx"),  # accents dropped
        ("Исследовательский 大学", "dx"),  # other scripts dropped
        ("", ""),
        ("—·（）", ""),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("曾伟", "zw"),
        ("单雄", "sx"),
        ("解明", "xm"),
        ("单于明", "cym"),
        ("张曾", "zc"),
        ("钟南山", "zns"),
    ],
)
def test_a_persons_surname_is_read_as_a_surname(name: str, expected: str) -> None:
    assert person_initials(name) == expected


def test_each_kind_is_found_by_its_chinese_name() -> None:
    assert entry_initials("unit", {"name": "重庆大学", "name_en": "Chongqing University"}) == "cqdx"
    assert (
        entry_initials("partner", {"name": "Universität Wien", "name_zh": "维也纳大学"}) == "wyndx"
    )
    assert entry_initials("partner", {"name": "Universität Wien"}) == ""
    assert entry_initials("person", {"name": "曾伟", "unit": "重庆大学"}) == "zw"


V1_ENTRIES = {
    "unit": [{"name": "重庆大学", "credit_code": "124100004158003338"}, {"name": "长安大学"}],
    "partner": [{"name": "Universität Wien", "name_zh": "维也纳大学", "country": "AT"}],
    "person": [{"name": "曾伟", "unit": "重庆大学"}],
}


def _version_1_book(path: Path) -> None:
    """A book as the first version of the program wrote it: migration 1's SQL, entries."""
    first = schema.MIGRATIONS[0]
    assert isinstance(first, str)
    connection = sqlite3.connect(path)
    connection.executescript(first)
    for kind, entries in V1_ENTRIES.items():
        for entry in entries:
            fields = FIELDS[kind]  # type: ignore[index]
            columns = ", ".join(("identity", "name_key", *fields, "last_used"))
            marks = ", ".join("?" * (len(fields) + 3))
            connection.execute(
                f"INSERT INTO {schema.TABLES[kind]} ({columns}) VALUES ({marks})",  # type: ignore[index]
                (
                    identity(kind, entry),  # type: ignore[arg-type]
                    name_key(kind, entry),  # type: ignore[arg-type]
                    *(entry.get(field, "") for field in fields),
                    "2025-01-01T00:00:00+00:00",
                ),
            )
    connection.execute("INSERT INTO schema_migrations VALUES (1, '2025-01-01T00:00:00+00:00')")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


def test_a_version_1_book_is_migrated_with_initials_filled(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    _version_1_book(path)
    with open_address_book(path) as book:
        connection = book.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
        versions = [v for (v,) in connection.execute("SELECT version FROM schema_migrations")]
        assert versions == [1, 2]
        found = {kind: {e.fields["name"]: e.initials for e in book.entries(kind)} for kind in KINDS}
        assert found == {
            "unit": {"重庆大学": "cqdx", "长安大学": "cadx"},
            "partner": {"Universität Wien": "wyndx"},
            "person": {"曾伟": "zw"},
        }
        assert [e.fields["name"] for e in book.search("unit", "cqd")] == ["重庆大学"]
        assert book.entries("unit")[0].last_used == "2025-01-01T00:00:00+00:00"


def test_a_migration_that_fails_leaves_the_version_1_book_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v1.sqlite3"
    _version_1_book(path)
    calls = []

    def broken(kind: str, entry: dict[str, str]) -> str:
        calls.append(kind)
        if len(calls) == 3:  # the units done, then the pinyin data is missing
            raise FileNotFoundError("pinyin_dict.json")
        return "x"

    monkeypatch.setattr(schema, "entry_initials", broken)
    with pytest.raises(AddressBookError) as caught:
        open_address_book(path)
    assert "pinyin_dict.json" in caught.value.en and "文件未改动" in caught.value.zh
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in connection.execute("PRAGMA table_info(units)")]
    assert "initials" not in columns
    assert connection.execute("SELECT count(*) FROM units").fetchone()[0] == 2
    connection.close()
    monkeypatch.undo()
    with open_address_book(path) as book:  # and a working program migrates it later
        assert {e.initials for e in book.entries("unit")} == {"cqdx", "cadx"}


def test_put_writes_the_initials_and_search_ranks_them(tmp_path: Path) -> None:
    with open_address_book(tmp_path / "book.sqlite3") as book:
        with book.transaction():
            for name, english, used in [
                ("重庆大学", "Chongqing University", "2025-01-01"),  # initials cqdx
                ("重庆电信", "", "2026-01-01"),  # initials cqdx, used more recently
                ("长安大学", "Chang'an University", "2026-02-01"),
                ("CQD Consulting 公司", "", "2020-01-01"),  # name starts with cqd
                ("中国人民大学", "Renmin University (cqd inside)", "2026-03-01"),  # contains
                ("重庆交通大学", "Chongqing Jiaotong University", "2024-01-01"),  # cqjtdx
            ]:
                entry_id = book.put("unit", {"name": name, "name_en": english})
                book.connection.execute(
                    "UPDATE units SET last_used = ? WHERE id = ?", (used, entry_id)
                )
        names = [entry.fields["name"] for entry in book.search("unit", "cqd")]
        assert names == ["CQD Consulting 公司", "重庆电信", "重庆大学", "中国人民大学"]
        assert book.search("unit", "cqd")[2].initials == "cqdx"
        spaced = [e.fields["name"] for e in book.search("unit", "CQ D")]  # initials only
        assert spaced == ["重庆电信", "重庆大学", "CQD Consulting 公司"]
        assert "重庆交通大学" in [e.fields["name"] for e in book.search("unit", "cq")]
        assert book.search("unit", "重庆")[0].fields["name"] == "重庆电信"
        assert book.search("unit", "重庆d") == []  # no initials for text with Chinese in it
        assert len(book.search("unit", "", limit=None)) == 6
        assert len(book.search("unit", "", limit=2)) == 2
        assert book.search("unit", "%") == [] and book.search("unit", "_") == []
        with book.transaction():
            [changed] = book.search("unit", "cadx")
            book.put("unit", {**changed.fields, "name": "西安大学"}, entry_id=changed.id)
        assert book.search("unit", "cadx") == []
        assert book.search("unit", "xadx")[0].id == changed.id
