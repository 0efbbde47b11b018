"""``guide check`` and ``guide new``, run as an author would: exit codes, lines, reasons."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from applywizard.adapters.guide_packs import load_pack
from applywizard.cli.main import main
from applywizard.resources import BUNDLED_PACK, guide_path

BUNDLED = guide_path().parent


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _copy(tmp_path: Path, name: str = "pack") -> Path:
    target = tmp_path / name
    shutil.copytree(BUNDLED, target)
    return target


def _line_of(text: str, anchor: str) -> int:
    assert text.count(anchor) == 1, f"the anchor {anchor!r} is not unique"
    return text[: text.index(anchor)].count("\n") + 1


@dataclass(frozen=True)
class Mistake:
    """One text edit of the bundled guide.yaml, where it should be reported, and why."""

    old: str
    new: str
    reason: str
    anchor: str = ""
    """A text on the line the problem should be reported at (default: ``new``)."""


NOTICE = """notices:
  - id: test-notice
    title: 测试通知
    title_en: Test notice
    source: tests
    cite_as: {zh: 测试通知 申报条件, en: test notice, eligibility}
    clauses:
      - {number: 1, text: 合作国别仅限英国、法国、意大利、西班牙、比利时；, kind: advice}
      - {number: 3, text: 项目执行期为2年；, kind: advice}
figures:
"""

MISTAKES: dict[str, Mistake] = {
    "duplicate key": Mistake(
        "programme: 政府间国际科技创新合作\n",
        "programme: 政府间国际科技创新合作\nprogramme: again\n",
        "the key “programme” repeats",
        "programme: again",
    ),
    "unknown top-level key": Mistake(
        "programme: 政府间", "programm: 政府间", "unknown key “programm” (did you mean programme"
    ),
    "missing title_en": Mistake(
        'title_en: "National Key R&D Program, Intergovernmental International S&T Innovation '
        'Cooperation: 2023 first-batch call guide (draft for comments)"\n',
        "",
        "“title_en” is missing",
        "format: 1",
    ),
    "format not a number": Mistake("format: 1\n", "format: one\n", "should be a whole number"),
    "format too new": Mistake("format: 1\n", "format: 2\n", "should be at most 1"),
    "pack id with capitals": Mistake(
        "id: most-igsti-2023-batch1", "id: Most_IGSTI", "has the wrong form"
    ),
    "unknown edition": Mistake("edition: draft\n", "edition: final\n", "“final” is not allowed"),
    "unknown check kind": Mistake(
        "check: date_before", "check: date_befor", "no kind of check “date_befor” (did you mean"
    ),
    "unknown parameter": Mistake(
        "{id: 1.1/2/lab-name, check: required, params: {path: joint_lab.name_zh}}",
        "{id: 1.1/2/lab-name, check: required, params: {path: joint_lab.name_zh, maxlen: 3}}",
        "unknown key “maxlen”",
    ),
    "parameter of the wrong type": Mistake(
        "params: {years: 3}", "params: {years: three}", "should be a whole number"
    ),
    "parameter not a date": Mistake(
        "params: {kind: joint_lab_agreement, before: 2022-01-01}",
        "params: {kind: joint_lab_agreement, before: soon}",
        "should be a date",
    ),
    "parameters not a mapping": Mistake(
        "params: {years: 3}", "params: 3", "should be a mapping of keys and values"
    ),
    "unknown attachment kind": Mistake(
        "params: {kind: foreign_government_support}",
        "params: {kind: foreign_govt_support}",
        "lists no attachment kind “foreign_govt_support” (did you mean foreign_government_support",
    ),
    "unknown declaration": Mistake(
        "{id: 1.1/7/capability, check: declaration, params: {id: partner_capability}}",
        "{id: 1.1/7/capability, check: declaration, params: {id: partner_capabilty}}",
        "lists no declaration “partner_capabilty”",
    ),
    "unknown draft field": Mistake(
        "params: {path: joint_lab.name_zh}",
        "params: {path: joint_lab.nam_zh}",
        "is not a field of the draft",
    ),
    "repeated rule id": Mistake(
        "{id: 1.1/2/lab-agreement, check",
        "{id: 1.1/2/lab-name, check",
        "rule id “1.1/2/lab-name” repeats",
        "{id: 1.1/2/lab-name, check: attachment,",
    ),
    "repeated direction code": Mistake(
        '  - code: "1.2"\n',
        '  - code: "1.1"\n',
        "direction code “1.1” repeats",
        'code: "1.1"\n    title: 中国和意大利',
    ),
    "clause numbers with a gap": Mistake(
        "      - number: 5\n        text: 此类项目的主要目的",
        "      - number: 6\n        text: 此类项目的主要目的",
        "must be numbered 1, 2, 3, …: this one should be 5, not 6",
        "number: 6\n        text: 此类项目的主要目的",
    ),
    "clause numbers not from 1": Mistake(
        "      - number: 1\n        text: 合作国别仅限英国",
        "      - number: 2\n        text: 合作国别仅限英国",
        "this one should be 1, not 2",
        "number: 2\n        text: 合作国别仅限英国",
    ),
    "notice clause numbers with a gap": Mistake(
        "figures:\n", NOTICE, "clauses of notice test-notice must be numbered", "{number: 3, text"
    ),
    "cited clause missing": Mistake(
        "partner_countries_clause: 1\n", "partner_countries_clause: 9\n", "cites clause 9"
    ),
    "clause text changed": Mistake(
        "        text: 项目执行期为2年；",
        "        text: 项目执行期为3年；",
        "differs from the source",
    ),
    "clause text not in the source": Mistake(
        "text: 科技部已批准建设的“一带一路”联合实验室将不在本项目中重复支持。",
        "text: 鼓励申报单位自行决定。",
        "source text source.txt",
    ),
    "empty clause text": Mistake(
        "text: 合作国别仅限英国、法国、意大利、西班牙、比利时；", 'text: ""', "must not be empty"
    ),
    "unknown clause kind": Mistake(
        "        text: 项目实施周期一般为3年；\n        kind: checked",
        "        text: 项目实施周期一般为3年；\n        kind: chekced",
        "“chekced” is not allowed",
        "kind: chekced",
    ),
    "unknown severity": Mistake(
        "check: duration_rule, severity: warning}",
        "check: duration_rule, severity: warn}",
        "“warn” is not allowed",
    ),
    "budget not a number": Mistake(
        'budget: {wan: "3000", qualifier: exact, text: 共拟支持经费：3000万元人民币。}',
        'budget: {wan: "lots", qualifier: exact, text: 共拟支持经费：3000万元人民币。}',
        "should be a number",
    ),
    "budget total off": Mistake(
        'budget_yi_about: "5.9"', 'budget_yi_about: "6.9"', "add up to 58700 万元, not about 6.9"
    ),
    "budget total off at its precision": Mistake(
        'budget_yi_about: "5.9"', 'budget_yi_about: "5.80"', "not about 5.80 亿元"
    ),
    "projects total off": Mistake(
        "projects_about: 152", "projects_about: 160", "projects add up to 151"
    ),
    "directions count off": Mistake(
        "  directions: 18\n", "  directions: 17\n", "says 17 directions, but directions lists 18"
    ),
    "counterparts count off": Mistake(
        "  counterparts: 16\n", "  counterparts: 15\n", "says 15 counterparts"
    ),
    "country code not ISO": Mistake(
        "  - {code: SE, zh: 瑞典, en: Sweden}\n",
        "  - {code: SE, zh: 瑞典, en: Sweden}\n  - {code: XK, zh: 科索沃, en: Kosovo}\n",
        "“XK” is not an ISO 3166-1 alpha-2 country code",
        "code: XK",
    ),
    "counterpart country not listed": Mistake(
        "countries: [BR, RU, IN, ZA]",
        "countries: [BR, RU, IN, ZA, CN]",
        "“CN” is not in the countries list",
    ),
    "direction counterpart not listed": Mistake(
        "    counterparts: [IT]\n    partner_countries: [IT]",
        "    counterparts: [IT, JP]\n    partner_countries: [IT]",
        "“JP” is not in the counterparts list",
        "counterparts: [IT, JP]",
    ),
    "direction code not text": Mistake(
        '  - code: "1.2"\n', "  - code: 1.2\n", 'put a number-like text in quotes, e.g. "1.2"'
    ),
    "direction code of the wrong form": Mistake(
        '  - code: "1.2"\n', '  - code: "1-2"\n', "“1-2” has the wrong form"
    ),
    "direction with no budget": Mistake(
        '    budget: {wan: "3000", qualifier: exact, text: 共拟支持经费：3000万元人民币。}\n',
        "",
        "a direction needs a project count and a budget",
        'code: "1.1"',
    ),
    "notice clause not in the source": Mistake(
        "figures:\n",
        NOTICE.replace("number: 3, text: 项目执行期为2年", "number: 2, text: 项目执行期为9年"),
        "differs from the source text",
        "{number: 2, text",
    ),
    "misspelt direction key": Mistake(
        "    title_en: China–Italy intergovernmental",
        "    titel_en: China–Italy intergovernmental",
        "unknown key “titel_en” (did you mean title_en",
    ),
}


def _broken(tmp_path: Path, mistake: Mistake) -> tuple[Path, str]:
    pack = _copy(tmp_path)
    guide = pack / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    assert mistake.old in text
    text = text.replace(mistake.old, mistake.new, 1)
    guide.write_text(text, encoding="utf-8")
    return pack, text


def test_the_bundled_pack_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "guide", "check", str(BUNDLED))
    assert code == 0, out
    assert f"指南包 {BUNDLED_PACK} 检查通过：0 个问题，0 个警告" in out
    code, out, _ = _run(capsys, "guide", "check", str(BUNDLED / "guide.yaml"), "--json")
    assert code == 0 and json.loads(out) == []


def test_there_are_thirty_mistakes_or_more() -> None:
    assert len(MISTAKES) >= 30


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_a_single_mistake_is_reported_at_its_line_with_its_reason(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mistake = MISTAKES[name]
    pack, text = _broken(tmp_path, mistake)
    line = _line_of(text, mistake.anchor or mistake.new.strip().splitlines()[0])
    code, out, _ = _run(capsys, "guide", "check", str(pack), "--json")
    assert code == 1
    problems = json.loads(out)
    errors = [problem for problem in problems if problem["severity"] == "error"]
    matching = [problem for problem in errors if mistake.reason in problem["message_en"]]
    assert matching, f"{mistake.reason!r} not in {[p['message_en'] for p in errors]}"
    assert matching[0]["line"] == line, matching[0]
    assert matching[0]["file"] == str(pack / "guide.yaml")
    assert matching[0]["message"] and matching[0]["message"] != matching[0]["message_en"]
    assert len(errors) <= 3, errors  # one mistake, a few consequences at most


def test_every_problem_is_printed_not_only_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _copy(tmp_path)
    guide = pack / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    for name in ("unknown check kind", "projects total off", "misspelt direction key"):
        mistake = MISTAKES[name]
        text = text.replace(mistake.old, mistake.new, 1)
    guide.write_text(text, encoding="utf-8")
    code, out, _ = _run(capsys, "--en", "guide", "check", str(pack))
    assert code == 1
    lines = out.splitlines()
    file = re.escape(str(guide))
    located = [line for line in lines if re.match(rf"{file}:\d+:\d+: ", line)]
    # the misspelt key is two problems: an unknown key, and title_en missing
    assert len(located) == 4
    assert lines[-1] == "guide pack most-igsti-2023-batch1 has problems: 4 problems, 0 warnings"
    assert f"{guide}:{_line_of(text, 'check: date_befor')}:" in out
    code, out, _ = _run(capsys, "guide", "check", str(pack))
    assert "没有“date_befor”这种检查" in out and "有问题：4 个问题" in out


def test_budget_totals_round_at_the_stated_precision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The directions add up to 58 700 万元: “about 5.87” and “about 6” are right too.
    for stated in ("5.87", "6"):
        pack, _ = _broken(tmp_path / stated, Mistake('"5.9"', f'"{stated}"', ""))
        code, out, _ = _run(capsys, "guide", "check", str(pack))
        assert code == 0, out


def test_an_incomplete_direction_skips_the_totals_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mistake = Mistake(
        "    title_en: China–Italy intergovernmental S&T cooperation projects\n",
        "    title_en: China–Italy intergovernmental S&T cooperation projects\n"
        "    incomplete: {zh: 测试, en: test}\n",
        "",
    )
    pack, text = _broken(tmp_path, mistake)
    guide = pack / "guide.yaml"
    guide.write_text(text.replace('budget_yi_about: "5.9"', 'budget_yi_about: "9.9"'), "utf-8")
    code, out, _ = _run(capsys, "--en", "guide", "check", str(pack))
    assert code == 0, out
    assert f"{guide}:{_line_of(text, 'figures:')}:1: warning: directions 1.2 are incomplete" in out
    assert out.splitlines()[-1].endswith(": 0 problems, 1 warning")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"id: caf\xe9\n", "not UTF-8"),
        (b"id: [unclosed\nother: 1\n", "guide.yaml:2:6: not valid YAML: expected ',' or ']'"),
    ],
)
def test_a_pack_that_cannot_be_read_exits_2(
    content: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "guide.yaml").write_bytes(content)
    code, _, err = _run(capsys, "--en", "guide", "check", str(tmp_path))
    assert code == 2
    assert reason in err and "Traceback" not in err


def test_no_such_pack_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--en", "guide", "check", str(tmp_path / "nowhere"))
    assert code == 2 and "no such folder" in err
    code, _, err = _run(capsys, "guide", "check", str(tmp_path))
    assert code == 2 and "没有指南包文件" in err


def test_a_missing_source_text_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _copy(tmp_path)
    (pack / "source.txt").unlink()
    text = (pack / "guide.yaml").read_text(encoding="utf-8")
    code, out, _ = _run(capsys, "--en", "guide", "check", str(pack))
    assert code == 1
    line = _line_of(text, "source_text: source.txt")
    assert f":{line}:14: the source text source.txt named by source_text is not" in out


def test_a_pack_cannot_run_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "pwned"
    mistake = Mistake(
        "programme: 政府间国际科技创新合作\n",
        f"programme: !!python/object/apply:os.system ['touch {marker}']\n",
        "",
    )
    pack, text = _broken(tmp_path, mistake)
    code, out, _ = _run(capsys, "--en", "guide", "check", str(pack))
    assert code == 1
    assert f":{_line_of(text, '!!python')}:" in out and "a pack is data only" in out
    assert not marker.exists()
    assert load_pack(pack).book is None and not marker.exists()


def test_a_template_in_a_clause_is_kept_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clause = "合作国别仅限英国、法国、意大利、西班牙、比利时；"
    pack, _ = _broken(tmp_path, Mistake(clause, clause[:-1] + "{{ 7 * 7 }}；", ""))
    with (pack / "source.txt").open("a", encoding="utf-8") as source:
        source.write("\n" + clause[:-1] + "{{ 7 * 7 }}\n")
    code, out, _ = _run(capsys, "guide", "check", str(pack))
    assert code == 0, out
    book = load_pack(pack).book
    assert book is not None
    direction = book.guide.direction("1.1")
    assert direction is not None
    first = direction.clause(1)
    assert first is not None and first.text.endswith("{{ 7 * 7 }}；")
    code, out, _ = _run(capsys, "rules", "--direction", "1.1", "--guide", str(pack))
    assert code == 0 and "{{ 7 * 7 }}" in out and "49" not in out


def test_a_broken_pack_loads_with_its_first_problem_located(tmp_path: Path) -> None:
    pack, text = _broken(tmp_path, MISTAKES["unknown check kind"])
    loaded = load_pack(pack)
    assert loaded.book is None and loaded.problem is not None
    line = _line_of(text, "check: date_befor")
    assert loaded.problem.startswith(f"{pack / 'guide.yaml'}:{line}:")
    assert "没有“date_befor”这种检查" in loaded.problem
    assert "no kind of check “date_befor”" in loaded.problem


def test_guide_new_copies_a_pack_that_passes_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "office" / "my-pack"
    code, out, err = _run(capsys, "guide", "new", "--from", str(BUNDLED), "-o", str(target))
    assert code == 0, err
    assert f"已新建指南包 {BUNDLED_PACK}-copy（修订版），基于 {BUNDLED_PACK}" in out
    assert sorted(path.name for path in target.iterdir()) == ["guide.yaml", "source.txt"]
    assert (target / "source.txt").read_bytes() == (BUNDLED / "source.txt").read_bytes()
    code, out, _ = _run(capsys, "guide", "check", str(target))
    assert code == 0, out
    pack = load_pack(target)
    assert pack.book is not None
    assert pack.pack_id == f"{BUNDLED_PACK}-copy" != BUNDLED_PACK
    assert pack.book.guide.edition.value == "amended"
    # comments and everything else are kept: only the id and edition lines differ
    old = (BUNDLED / "guide.yaml").read_text(encoding="utf-8").splitlines()
    new = (target / "guide.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [
        (f"id: {BUNDLED_PACK}", f"id: {BUNDLED_PACK}-copy"),
        ("edition: draft", "edition: amended"),
    ]
    assert not [path for path in target.parent.iterdir() if path.name.startswith(".")]


def test_guide_new_takes_an_id_a_title_and_an_installed_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new"
    target.mkdir()  # an empty folder may be the target
    code, _, err = _run(
        capsys,
        "guide", "new", "--from", BUNDLED_PACK, "-o", str(target),
        "--id", "office-2023", "--title", "办公室“修订”版", "--edition", "published",
    )  # fmt: skip
    assert code == 0, err
    pack = load_pack(target)
    assert pack.book is not None and pack.pack_id == "office-2023"
    assert pack.book.guide.title == "办公室“修订”版"
    assert pack.book.guide.edition.value == "published"


def test_guide_new_refuses_a_used_id_and_a_folder_with_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new"
    code, _, err = _run(
        capsys, "--en", "guide", "new", "--from", str(BUNDLED), "-o", str(target),
        "--id", BUNDLED_PACK,
    )  # fmt: skip
    assert code == 2 and f"a guide pack with the id “{BUNDLED_PACK}” is installed" in err
    assert not target.exists() and list(tmp_path.iterdir()) == []
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = _run(capsys, "--en", "guide", "new", "--from", str(BUNDLED), "-o", str(target))
    assert code == 2 and "exists and is not an empty folder" in err
    assert [path.name for path in target.iterdir()] == ["notes.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new"]
    code, _, err = _run(capsys, "--en", "guide", "new", "--from", "no-such-pack", "-o", "x")
    assert code == 2 and "no guide pack no-such-pack" in err


def test_a_rule_whose_limit_changed_but_not_its_message_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The author moves 1.1's laboratory date to 2019 and forgets the message, which says 2022.
    mistake = Mistake(
        "params: {path: joint_lab.founded_on, before: 2022-01-01}",
        "params: {path: joint_lab.founded_on, before: 2019-01-01}",
        "",
    )
    pack, text = _broken(tmp_path, mistake)
    code, out, _ = _run(capsys, "guide", "check", str(pack), "--json")
    assert code == 0  # a warning: a message may name a figure on purpose
    stale = [problem for problem in json.loads(out) if "1.1/2/lab-founded" in problem["message"]]
    zh_line = _line_of(text, "zh: 本方向只面向2022年1月1日前")
    assert [(problem["line"], problem["severity"]) for problem in stale] == [
        (zh_line, "warning"),
        (zh_line + 1, "warning"),  # the English message says “1 January 2022”
    ]
    assert "写的是 2022-01-01，而其参数为 2019-01-01" in stale[0]["message"]
    assert "says 2022-01-01 but its parameters hold 2019-01-01" in stale[1]["message_en"]

    # the message made right (or written with {limit}): no warning
    guide = pack / "guide.yaml"
    fixed = text.replace("本方向只面向2022年1月1日前", "本方向只面向{limit}前", 1).replace(
        "founded before 1 January 2022", "founded before 1 January 2019", 1
    )
    guide.write_text(fixed, encoding="utf-8")
    code, out, _ = _run(capsys, "guide", "check", str(pack), "--json")
    assert code == 0 and json.loads(out) == []


def test_a_number_in_a_message_is_compared_with_the_rule_s_numbers() -> None:
    from applywizard.domain.guide.message_figures import stale_figures  # noqa: PLC0415

    rule = {
        "id": "1.5/4/trl",
        "params": {"path": "horizon.trl", "maximum": 5},
        "message": {"zh": "技术成熟度不超过4级（现为 {value} 级）", "en": "TRL {maximum} at most"},
    }
    [stale] = stale_figures(("directions", 4), rule)
    assert (stale.path[-1], stale.written, stale.held) == ("zh", "4", "5")
    no_figures = {"id": "x", "params": {"path": "a.b"}, "message": {"zh": "项目执行期为3年"}}
    assert list(stale_figures(("x",), no_figures)) == []  # the parameters hold no number
