"""Organisation identifiers checked with python-stdnum.

The Chinese 统一社会信用代码 (GB 32100-2015) is ``stdnum.cn.uscc``. For a
foreign partner the registration number may be any of the identifiers an
organisation in that country carries; the ones python-stdnum validates are
listed here, and a number is accepted when any of them validates it. A
country not listed is accepted as free text.
"""

from __future__ import annotations

from typing import Any

from stdnum.cn import uscc
from stdnum.util import get_cc_module

ORGANISATION_NUMBERS: dict[str, tuple[str, ...]] = {
    "AR": ("cuit",),
    "AT": ("businessid", "uid"),
    "BE": ("vat",),
    "BR": ("cnpj",),
    "DE": ("handelsregisternummer", "vat", "stnr"),
    "ES": ("cif", "nif"),
    "FI": ("ytunnus", "alv"),
    "FR": ("siren", "siret", "tva"),
    "GB": ("vat", "utr"),
    "IL": ("hp",),
    "IN": ("pan", "gstin"),
    "IT": ("iva",),
    "KR": ("brn",),
    "RU": ("inn", "ogrn"),
    "SG": ("uen",),
    "ZA": ("tin",),
}


def credit_code_is_valid(code: str) -> bool:
    """True when a 统一社会信用代码 has the right form and check character."""
    return bool(uscc.is_valid(code))


def number_modules(country: str) -> list[Any | None]:
    """python-stdnum's module for each of the country's numbers; None for one not there."""
    return [get_cc_module(country.lower(), name) for name in ORGANISATION_NUMBERS[country]]


def _modules(country: str) -> list[Any]:
    return [module for module in number_modules(country) if module is not None]


def known_number_kinds(country: str) -> list[str]:
    """What identifiers of this country python-stdnum can check (first doc lines)."""
    if country not in ORGANISATION_NUMBERS:
        return []
    return [(module.__doc__ or module.__name__).splitlines()[0] for module in _modules(country)]


def registration_number_is_valid(country: str, number: str) -> bool | None:
    """True or False where python-stdnum knows the country's numbers; None elsewhere.

    None too when none of the country's modules can be loaded (an installation
    that lacks them): that is not knowing, not an invalid number.
    """
    if country not in ORGANISATION_NUMBERS:
        return None
    modules = _modules(country)
    if not modules:
        return None
    return any(module.is_valid(number) for module in modules)
