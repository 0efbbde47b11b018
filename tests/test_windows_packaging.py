"""The Windows packaging, checked on Linux without Wine.

makensis (Debian's nsis) really compiles the installer script, over a small
stand-in program folder, and the installer it makes is read back with pefile:
per-user (no administrator prompt), its version resource, its languages. The
icon, the exe's version strings, the Windows requirement list and Wine's path
form are checked as data. The full build and its checks under Wine are
``scripts/build-windows`` (packaging/README.md).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pefile
import pytest

from applywizard import __version__

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

from build_windows import (  # noqa: E402 - packaging/ is not a package
    NSIS_SCRIPT,
    artefact_names,
    nsis_defines,
    windows_requirements,
)
from check_windows import resource_strings  # noqa: E402
from windows_version import PRODUCT, version_numbers, version_strings  # noqa: E402
from wine import Wine, windows_path  # noqa: E402

ICON = ROOT / "resources" / "icons" / "applywizard.ico"
needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None, reason="nsis not installed")


def _manifest(pe: pefile.PE) -> str:
    for kind in pe.DIRECTORY_ENTRY_RESOURCE.entries:
        if kind.id == pefile.RESOURCE_TYPE["RT_MANIFEST"]:
            entry = kind.directory.entries[0].directory.entries[0]
            data = pe.get_data(entry.data.struct.OffsetToData, entry.data.struct.Size)
            return str(data.decode("utf-8"))
    raise AssertionError("no manifest")


@pytest.fixture(scope="module")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real installer script compiled over a stand-in program folder."""
    base = tmp_path_factory.mktemp("nsis")
    program = base / "程序 folder" / "applywizard"
    (program / "_internal" / "applywizard" / "resources").mkdir(parents=True)
    (program / "applywizard.exe").write_bytes(b"MZ stand-in")
    (program / "_internal" / "applywizard" / "resources" / "指南.yaml").write_text("x: 1\n")
    target = base / artefact_names(__version__)["installer"]
    result = subprocess.run(
        [
            *("makensis", "-V2", "-WX", "-INPUTCHARSET", "UTF8"),
            *nsis_defines(program, target, __version__),
            str(NSIS_SCRIPT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@needs_makensis
def test_installer_runs_without_administrator_rights(installer: Path) -> None:
    pe = pefile.PE(str(installer))
    manifest = _manifest(pe)
    assert re.search(r'requestedExecutionLevel\s+level="asInvoker"', manifest), manifest
    assert "dpiAware" in manifest


@needs_makensis
def test_installer_names_its_version_in_chinese_and_english(installer: Path) -> None:
    # NSIS keys its tables by language and ANSI code page (0804 03A8, 0409 04E4).
    tables = {key[:4]: strings for key, strings in resource_strings(installer).items()}
    assert tables["0804"]["ProductName"] == PRODUCT["080404B0"]
    assert tables["0409"]["ProductName"] == PRODUCT["040904B0"]
    assert {table["ProductVersion"] for table in tables.values()} == {__version__}


@needs_makensis
def test_installer_stays_within_its_size_for_a_tiny_program(installer: Path) -> None:
    # The NSIS stub, both languages, the icon and the LZMA data: well under a megabyte.
    assert 50_000 < installer.stat().st_size < 1_000_000


@needs_makensis
def test_installer_script_refuses_to_build_without_its_inputs(tmp_path: Path) -> None:
    result = subprocess.run(
        ["makensis", "-V2", f"-DOUTFILE={tmp_path / 'x.exe'}", str(NSIS_SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "define VERSION, VERSION_NUMBERS, SOURCE, OUTFILE and ICON" in result.stderr


def test_uninstaller_removes_only_what_the_installer_wrote() -> None:
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    uninstall = script[script.index('Section "Uninstall"') :]
    assert 'RMDir /r "$INSTDIR\\_internal"' in uninstall
    # The program folder itself only if empty: a draft saved there survives.
    assert re.search(r'^\s*RMDir "\$INSTDIR"\s*$', uninstall, re.MULTILINE)
    assert not re.search(r'RMDir /r "\$INSTDIR"\s*$', uninstall, re.MULTILINE)
    # Qt's settings live under Software\ApplyWizard\ApplyWizard: only the installer's key goes.
    assert '!define SETTINGS_KEY "Software\\${PRODUCT}\\Installer"' in script
    assert "$APPDATA" not in uninstall and "$DOCUMENTS" not in uninstall


def test_icon_has_every_size_windows_asks_for() -> None:
    data = ICON.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _height, _c, _r, _planes, bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert bits == 32
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(data)
        sizes.add(width or 256)
    assert {16, 24, 32, 48, 256} <= sizes


def test_exe_version_strings_in_both_languages() -> None:
    strings = version_strings("1.2.3")
    assert set(strings) == {"080404B0", "040904B0"}
    chinese = strings["080404B0"]
    assert chinese["ProductName"].startswith("ApplyWizard 政府间国际科技创新合作")
    assert chinese["FileVersion"] == "1.2.3"
    assert chinese["OriginalFilename"] == "applywizard.exe"


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0rc1", (2, 0, 0, 0)),
        ("3.1.4.1.5", (3, 1, 4, 1)),
    ],
)
def test_version_numbers(text: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_numbers(text) == numbers


def test_version_numbers_refuse_a_non_version() -> None:
    with pytest.raises(ValueError, match="not a version"):
        version_numbers("latest")


def test_windows_requirements_are_the_linux_pins_plus_windows_only_ones() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = windows_requirements()
    for line in project["dependencies"]:
        assert line.split(";")[0].strip() in required
    names = {line.split("==")[0].lower() for line in required}
    assert {"pywin32-ctypes", "pefile", "colorama", "pyinstaller", "pytest"} <= names
    assert all("==" in line for line in required)


def test_wine_path_of_a_folder_with_chinese_and_spaces() -> None:
    assert windows_path(Path("/work/申报 材料/a b.json")) == "Z:\\work\\申报 材料\\a b.json"


def test_spec_sets_the_icon_and_version_resource_on_windows() -> None:
    spec = (ROOT / "packaging" / "applywizard.spec").read_text(encoding="utf-8")
    compile(spec, "applywizard.spec", "exec")
    assert '"icons" / "applywizard.ico") if WINDOWS' in spec
    assert 'exe_options["version"] = vs_version_info(VERSION, NAME)' in spec


def test_a_wine_prefix_that_registered_the_machines_fonts_is_recognised(tmp_path: Path) -> None:
    # Such a prefix would draw Chinese with the build machine's Noto CJK, not the shipped font.
    user_reg = tmp_path / "user.reg"
    header = "[Software\\\\Wine\\\\Fonts\\\\External Fonts] 1796226759\n#time=1dd\n"
    user_reg.write_text(header + '\n[Software\\\\Wine\\\\Other]\n"a"="b"\n', encoding="utf-8")
    assert not Wine(tmp_path).sees_host_fonts()
    noto = '"@Noto Sans CJK JP (TrueType)"="Z:\\\\usr\\\\share\\\\fonts\\\\NotoSansCJK.ttc"\n'
    user_reg.write_text(header + noto, encoding="utf-8")
    assert Wine(tmp_path).sees_host_fonts()
