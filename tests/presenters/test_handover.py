"""Packing for handing on and opening a pack, without Qt: the steps and every word shown."""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.handover import HandoverPresenter
from applywizard.presenters.text import set_language
from applywizard.workflow.session import DraftSession
from tests.handover_files import example_with_files, tree
from tests.hostile_packs import HOSTILE
from tests.presenters.page_sessions import getter


def _saved(book: RuleBook, code: str, folder: Path, files_in: Path | None = None) -> DraftSession:
    path = example_with_files(code, folder, files_in=files_in)
    return DraftSession(book, read_draft(path), path=path)


def test_a_draft_not_saved_as_it_is_shown_is_saved_first(book: RuleBook, tmp_path: Path) -> None:
    session = DraftSession(book)
    handover = HandoverPresenter(getter(session))
    assert handover.needs_saving()
    assert handover.suggested_pack() == Path.home() / "application.awpack"
    assert handover.look().problem == "请先保存草稿。"
    assert "申报包收录的是已保存的草稿" in handover.save_first_text()
    session = _saved(book, "1.1", tmp_path)
    handover = HandoverPresenter(getter(session))
    assert not handover.needs_saving()
    assert handover.suggested_pack() == tmp_path / "1.1.awpack"
    session.set_value("project.title_zh", "改过的名称")
    assert handover.needs_saving()


def test_every_file_found_is_packed_and_listed_where_found(book: RuleBook, tmp_path: Path) -> None:
    handover = HandoverPresenter(getter(_saved(book, "1.4", tmp_path / "mine")))
    looked = handover.look()
    assert looked.missing == [] and looked.problem == ""
    outcome = handover.pack(tmp_path / "交给王老师", looked)
    assert outcome.problem == "" and outcome.complete
    assert outcome.pack is not None and outcome.pack.path == tmp_path / "交给王老师.awpack"
    assert outcome.title == "打包发送"
    assert outcome.summary.startswith(f"{tmp_path / '交给王老师.awpack'}：已打包草稿及 3/3 个附件")
    assert outcome.lines == [
        f"✔ {name} (草稿所在文件夹)"
        for name in (
            "CLEANMANURE_101135418_Proposal_Part_A_B.pdf",
            "CLEANMANURE项目预算及中方研究内容中文翻译.pdf",
            "自筹资金承诺函（三家单位）.pdf",
        )
    ]


def test_files_not_found_are_named_and_a_folder_can_be_added(
    book: RuleBook, tmp_path: Path
) -> None:
    session = _saved(book, "1.1", tmp_path / "mine", files_in=tmp_path / "scans")
    handover = HandoverPresenter(getter(session))
    looked = handover.look()
    assert len(looked.missing) == 5
    assert looked.missing[0].startswith("“中法合作协议_热障涂层寿命预测.pdf”（中外合作协议")
    assert "未找到文件；已查找：" in looked.missing[0]
    assert handover.ask_folder_text(looked).startswith("有 5 个附件在草稿所在文件夹")
    again = handover.look(tmp_path / "scans")
    assert again.missing == []
    outcome = handover.pack(tmp_path / "1.1.awpack", again)
    assert outcome.complete and outcome.lines[0].endswith("(指定的文件夹)")


def test_packing_without_them_warns_with_every_name(book: RuleBook, tmp_path: Path) -> None:
    session = _saved(book, "2.8", tmp_path / "mine")
    (tmp_path / "mine" / "自筹资金承诺函.pdf").write_bytes(b"%PDF-1.7 signed again")
    handover = HandoverPresenter(getter(session))
    set_language("en")
    outcome = handover.pack(tmp_path / "2.8.awpack", handover.look())
    assert not outcome.complete
    assert outcome.lines[0].startswith("“自筹资金承诺函.pdf” (other attachment): the file found")
    assert "it changed; not packed" in outcome.lines[0]
    assert sum(line.startswith("✔") for line in outcome.lines) == 2


def test_a_pack_that_cannot_be_written_says_why(book: RuleBook, tmp_path: Path) -> None:
    session = _saved(book, "2.2", tmp_path)
    handover = HandoverPresenter(getter(session))
    outcome = handover.pack(tmp_path / "2.2.json", handover.look())  # would be written as .awpack
    assert outcome.problem == "" and (tmp_path / "2.2.json.awpack").is_file()
    refused = handover.pack(tmp_path / "no such folder" / "2.2.awpack", handover.look())
    assert refused.problem.startswith("无法写入申报包：找不到") and refused.pack is None
    assert session.path is not None
    session.path.unlink()
    assert "找不到“2.2.json”" in handover.look().problem


def test_opening_a_pack_unpacks_into_a_new_folder_and_names_what_is_missing(
    book: RuleBook, tmp_path: Path
) -> None:
    session = _saved(book, "2.7", tmp_path / "mine")
    (tmp_path / "mine" / "自筹资金承诺函.pdf").unlink()
    handover = HandoverPresenter(getter(session))
    pack = handover.pack(tmp_path / "2.7.awpack", handover.look()).pack
    assert pack is not None
    received = tmp_path / "received"
    received.mkdir()
    (received / "other.txt").write_text("x")
    target = handover.unpack_folder(received, pack.path)
    assert target == received / "2.7"
    outcome = handover.unpack(pack.path, target)
    assert outcome.unpacked is not None and outcome.unpacked.draft_path == target / "2.7.json"
    assert outcome.title == "打开申报包"
    assert outcome.summary == f"已解包到 {target}：草稿及 1 个附件。"
    assert outcome.lines == ["包中没有：“自筹资金承诺函.pdf”（其他附件）：未找到文件"]
    assert not outcome.complete


def test_a_refused_pack_says_why_and_that_nothing_was_written(
    book: RuleBook, tmp_path: Path
) -> None:
    make, _refusal, _words = HOSTILE["symlink"]
    pack = make(tmp_path)
    handover = HandoverPresenter(getter(DraftSession(book)))
    before = tree(tmp_path)
    outcome = handover.unpack(pack, tmp_path / "out")
    assert outcome.unpacked is None
    assert outcome.problem.startswith("未打开申报包，未写入任何文件。\n条目“link.pdf”是符号链接")
    assert tree(tmp_path) == before
