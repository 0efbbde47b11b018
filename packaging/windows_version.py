"""The Windows version resource of applywizard.exe (what Explorer shows in Properties).

The strings are plain data here, so a test on Linux checks them and the
Windows build's check compares them with what the built .exe carries (read
back with pefile); ``vs_version_info`` turns them into PyInstaller's
structure, and only the spec calls it, on Windows or under Wine (PyInstaller's
version-info module imports Windows-only parts). Languages: Simplified Chinese
(0x0804) and US English (0x0409), code page 1200 (UTF-16).
"""

from __future__ import annotations

from typing import Any

PRODUCT = {
    "080404B0": "ApplyWizard 政府间国际科技创新合作申报助手",
    "040904B0": "ApplyWizard: intergovernmental S&T cooperation applications",
}
COMPANY = "ApplyWizard"
COPYRIGHT = "© ApplyWizard"
TRANSLATIONS = [0x0804, 1200, 0x0409, 1200]


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` as (0, 1, 0, 0); a suffix such as ``rc1`` or ``.dev2`` is dropped."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for character in part:
            if not character.isdigit():
                break
            digits += character
        if not digits:
            break
        numbers.append(int(digits))
        if digits != part:
            break
    if not numbers:
        raise ValueError(f"not a version: {version!r}")
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_strings(version: str, name: str = "applywizard") -> dict[str, dict[str, str]]:
    """Each language's string table (key: language and code page in hex, as Windows has it)."""
    return {
        table: {
            "CompanyName": COMPANY,
            "FileDescription": product,
            "FileVersion": version,
            "InternalName": name,
            "LegalCopyright": COPYRIGHT,
            "OriginalFilename": f"{name}.exe",
            "ProductName": product,
            "ProductVersion": version,
        }
        for table, product in PRODUCT.items()
    }


def vs_version_info(version: str, name: str = "applywizard") -> Any:
    """PyInstaller's VSVersionInfo for ``name``.exe (Windows or Wine only)."""
    from PyInstaller.utils.win32 import versioninfo as vi  # noqa: PLC0415 - Windows only

    numbers = version_numbers(version)
    tables = [
        vi.StringTable(table, [vi.StringStruct(key, value) for key, value in strings.items()])
        for table, strings in version_strings(version, name).items()
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo(tables),
            vi.VarFileInfo([vi.VarStruct("Translation", TRANSLATIONS)]),
        ],
    )
