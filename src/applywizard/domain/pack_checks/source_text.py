"""The pack check of clause texts against the guide's own words (the pack's source text).

``check_against_source``: each clause of each direction and notice must be in
the source text, whitespace, line breaks, page numbers and full- or half-width
forms aside (``authoring.normalise``); a problem says where the two part, with
the line of the source text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from applywizard.domain.guide.authoring import find_in_source, normalise
from applywizard.domain.guide.plain_errors import Path
from applywizard.domain.pack_checks.data import DataProblem, items_at


def check_against_source(
    data: dict[str, Any], source_text: str, source_name: str
) -> Iterator[DataProblem]:
    source = normalise(source_text, drop_page_numbers=True)
    owners: list[Path] = [("directions", index) for index, _ in items_at(data, "directions")]
    owners.extend(("notices", index) for index, _ in items_at(data, "notices"))
    for owner in owners:
        for index, clause in items_at(data, *owner, "clauses"):
            text = clause.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            mismatch = find_in_source(text, source, source_text)
            if mismatch is None:
                continue
            path = (*owner, "clauses", index, "text")
            if mismatch.matched == 0:
                yield DataProblem(
                    path,
                    "clause-not-in-source",
                    f"条款文字在原文 {source_name} 中找不到（开头“{mismatch.clause_rest}”）",
                    f"the clause's text is not in the source text {source_name} "
                    f"(it begins “{mismatch.clause_rest}”)",
                )
                continue
            yield DataProblem(
                path,
                "clause-not-in-source",
                f"条款文字与原文 {source_name} 不符：前 {mismatch.matched} 个字相同，"
                f"此后条款为“{mismatch.clause_rest}”，原文（第 {mismatch.source_line} 行）为"
                f"“{mismatch.source_rest}”",
                f"the clause's text differs from the source text {source_name} after "
                f"{mismatch.matched} characters: the clause has “{mismatch.clause_rest}”, "
                f"the source (line {mismatch.source_line}) “{mismatch.source_rest}”",
            )
