"""Whatever bytes a draft file holds, decoding either succeeds or says why, clearly."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from applywizard.domain.draft.codec import DraftDecodeError, decode_draft, encode_draft
from tests.drafts import small_draft

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
TEMPLATE: dict[str, Any] = json.loads(encode_draft(small_draft()))


def _decodes_or_explains(raw: bytes) -> None:
    try:
        decode_draft(raw)
    except DraftDecodeError as error:
        assert error.zh.strip() and error.en.strip()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    _decodes_or_explains(raw)


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_random_json(value: Any) -> None:
    _decodes_or_explains(json.dumps({"schema_version": 1, "project": value}).encode())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(TEMPLATE)), JSON)
def test_a_real_draft_with_one_part_replaced(key: str, value: Any) -> None:
    data = dict(TEMPLATE, **{key: value})
    _decodes_or_explains(json.dumps(data).encode())
