"""Foreign registration numbers through python-stdnum, and an installation without its modules."""

from __future__ import annotations

import pytest

from applywizard.domain import identifiers


def test_a_valid_and_an_invalid_french_siren() -> None:
    assert identifiers.registration_number_is_valid("FR", "180046278") is True
    assert identifiers.registration_number_is_valid("FR", "180046279") is False


def test_a_country_stdnum_does_not_know_is_not_judged() -> None:
    assert identifiers.registration_number_is_valid("NZ", "anything") is None


def test_an_installation_missing_the_country_modules_does_not_call_numbers_invalid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bundle once lacked them (imported by name, unseen by PyInstaller): every
    French number then read as invalid. Not knowing is not a finding."""
    monkeypatch.setattr(identifiers, "get_cc_module", lambda _country, _name: None)
    assert identifiers.registration_number_is_valid("FR", "180046278") is None
