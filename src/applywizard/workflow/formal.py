"""Moving a draft from the pre-application to the formal application (转为正式申报).

``move_to_formal`` freezes what the pre-application promises
(``domain.draft.promising.snapshot``) into the draft, sets the stage to
formal and keeps everything else as it is, so nothing is typed again. From
then on the consistency rules (``checks/promises.py``) compare the formal
application with the record.
"""

from __future__ import annotations

from datetime import date

from applywizard.domain.draft.model import Stage
from applywizard.domain.draft.promised import PreApplicationRecord
from applywizard.domain.draft.promising import snapshot
from applywizard.workflow.session import DraftSession


class MoveRefusedError(ValueError):
    """The draft cannot move to the formal application; the message says why, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def can_move_to_formal(session: DraftSession) -> bool:
    """True when the draft is a pre-application with nothing frozen yet."""
    draft = session.draft
    return draft.stage is Stage.PRE and draft.promised is None


def move_to_formal(session: DraftSession, *, today: date | None = None) -> PreApplicationRecord:
    """Freeze the pre-application's promises and make the draft the formal application.

    Refused (``MoveRefusedError``, nothing changed) when the draft is not at
    the pre-application stage, already holds a record, or is open read-only.
    """
    draft = session.draft
    if draft.promised is not None:
        raise MoveRefusedError(
            "此草稿已保存过预申报书的冻结记录，不能再次转为正式申报",
            "this draft already holds the pre-application's frozen record; "
            "it cannot move to the formal application again",
        )
    if draft.stage is not Stage.PRE:
        raise MoveRefusedError(
            "只有预申报阶段的草稿才能转为正式申报（此草稿已是正式申报）",
            "only a pre-application can move to the formal application "
            "(this draft already is the formal one)",
        )
    if session.files.read_only:
        raise MoveRefusedError(
            "草稿以只读方式打开，不能转为正式申报",
            "the draft is open read-only; it cannot move to the formal application",
        )
    record = snapshot(draft, today or date.today())  # noqa: DTZ011 - the user's calendar day
    session.set_value("promised", record)
    session.set_value("stage", Stage.FORMAL)
    return record
