"""Check the Windows build under Wine, as a PI's machine would use it.

    .venv/bin/python packaging/check_windows.py [--screenshot] (after build_windows.py)

1. ``applywizard.exe``: its version resource (read back with pefile) and icon;
   ``--version`` and ``--self-test`` (offscreen) of the built folder;
2. the same documents: each example draft rendered by the Windows program and
   by this checkout's Linux Python; every .docx/.xlsx must be byte-identical;
3. the Windows-only tests (tests/test_windows_files.py, test_windows_shared_drafts.py and
   test_windows_address_book.py)
   run by the Windows Python under Wine;
4. the installer, silently (``/S``) into a folder whose path has Chinese and a
   space (``C:\\users\\...\\申报 程序\\ApplyWizard``): files, shortcuts and the
   "Apps & features" entry; the installed program's ``--self-test``;
5. the uninstaller (``/S``): the program, its shortcuts and its registry keys
   gone; a draft the user saved in the program's folder and the user's
   settings folder left in place;
6. with ``--screenshot``, the installed program's window under Xvfb (Wine's
   X11 driver, Qt's ``windows`` platform), saved to docs/screenshots/.

Exit 0 when every check passes; each check prints one line.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pefile
from build import version
from build_windows import NAME, ROOT, WindowsBuild, add_folder_options, artefact_names
from windows_version import version_strings
from wine import Wine, windows_path

from applywizard.cli.steps import Report, SelfTestError

INSTALL_PARENT = "申报 程序"  # Chinese and a space, as in many users' folders
SCREENSHOT = ROOT / "docs" / "screenshots" / "windows-wine-direction-zh_CN.png"
SCREENSHOT_ABOUT = SCREENSHOT.with_name("windows-wine-about-zh_CN.png")
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def timed(action: Callable[[], str]) -> Callable[[], str]:
    """``action``, its result followed by how long it took."""

    def run() -> str:
        started = time.perf_counter()
        detail = action()
        return f"{detail} ({time.perf_counter() - started:.1f} s)"

    return run


def resource_strings(exe: Path) -> dict[str, dict[str, str]]:
    """The string tables of an .exe's version resource, by language and code page."""
    pe = pefile.PE(str(exe), fast_load=True)
    try:
        pe.parse_data_directories(
            directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]]
        )
        tables: dict[str, dict[str, str]] = {}
        for info in getattr(pe, "FileInfo", []):
            for entry in info:
                for table in getattr(entry, "StringTable", []):
                    key = table.LangID.decode()
                    tables[key.upper()] = {k.decode(): v.decode() for k, v in table.entries.items()}
        resources = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
        kinds = [entry.id for entry in resources.entries] if resources is not None else []
        icons = [kind for kind in kinds if kind == pefile.RESOURCE_TYPE["RT_GROUP_ICON"]]
        if not icons:
            raise SelfTestError(f"{exe.name} has no icon")
        return tables
    finally:
        pe.close()


def expect_passed(output: str, what: str) -> str:
    """The self-test's summary line, or SelfTestError with its failing lines."""
    lines = output.strip().splitlines()
    summary = lines[-1] if lines else "(no output)"
    if not summary.startswith("self-test passed"):
        failures = [line for line in lines if line.startswith("FAIL")] or lines[-15:]
        raise SelfTestError(f"{what}: {summary}\n" + "\n".join(failures))
    return summary


class WindowsChecks:
    """The checks of one Windows build."""

    def __init__(self, work: Path, dist: Path) -> None:
        self.build = WindowsBuild(work, dist)
        self.wine: Wine = self.build.wine
        self.dist = dist
        self.bundle_exe = dist / NAME / f"{NAME}.exe"
        self.names = artefact_names(version())
        self.install_dir = (
            self.wine.user_folder / "AppData" / "Local" / INSTALL_PARENT / "ApplyWizard"
        )

    def version_resource(self) -> str:
        found = resource_strings(self.bundle_exe)
        wanted = version_strings(version(), NAME)
        for table, strings in wanted.items():
            if found.get(table) != strings:
                raise SelfTestError(f"table {table}: {found.get(table)} != {strings}")
        return f"{', '.join(sorted(found))}: {found['080404B0']['ProductName']}, icon present"

    def version_option(self) -> str:
        ran = self.wine.run(self.bundle_exe, ["--version"], echo=False)
        if ran.output.strip() != f"applywizard {version()}":
            raise SelfTestError(repr(ran.output))
        return f"{ran.output.strip()} in {ran.seconds * 1000:.0f} ms"

    def self_test(self, exe: Path) -> str:
        ran = self.wine.run(exe, ["--self-test"], env=OFFSCREEN, check=False, echo=False)
        summary = expect_passed(ran.output, windows_path(exe))
        font = next((line for line in ran.output.splitlines() if line.startswith("ok    font")), "")
        return f"{summary} in {ran.seconds:.1f} s; {font.strip()}"

    def same_documents(self) -> str:
        examples = sorted((ROOT / "examples").glob("*.json"))
        compared = 0
        with tempfile.TemporaryDirectory(prefix="aw-compare-") as folder:
            base = Path(folder)
            for example in examples:
                linux_out, windows_out = base / "linux" / example.stem, base / "win" / example.stem
                subprocess.run(
                    [sys.executable, "-m", "applywizard", "render", example, "--out", linux_out],
                    check=True,
                    capture_output=True,
                    cwd=ROOT,
                )
                self.wine.run(
                    self.bundle_exe,
                    ["render", windows_path(example), "--out", windows_path(windows_out)],
                    echo=False,
                )
                linux_files = sorted(p.name for p in linux_out.iterdir())
                windows_files = sorted(p.name for p in windows_out.iterdir())
                if linux_files != windows_files or len(linux_files) < 3:
                    raise SelfTestError(f"{example.name}: {linux_files} != {windows_files}")
                for name in linux_files:
                    if not filecmp.cmp(linux_out / name, windows_out / name, shallow=False):
                        raise SelfTestError(f"{example.name}: {name} differs between the builds")
                    compared += 1
        return f"{compared} files of {len(examples)} drafts byte-identical (Linux and Windows)"

    def windows_tests(self) -> str:
        tests = [
            ROOT / "tests" / name
            for name in (
                "test_windows_files.py",
                "test_windows_shared_drafts.py",
                "test_windows_address_book.py",
            )
        ]
        for test_file in tests:
            if not test_file.is_file():
                raise SelfTestError(f"{test_file} is missing")
        ran = self.wine.run(
            self.build.python,
            [
                *("-m", "pytest", "-q", "-p", "no:cacheprovider", "--noconftest"),
                *("-c", windows_path(ROOT / "packaging" / "windows" / "pytest.ini")),
                *("--rootdir", windows_path(ROOT)),
                *(windows_path(test_file) for test_file in tests),
            ],
            check=False,
            echo=False,
            cwd=ROOT,
        )
        last = ran.output.strip().splitlines()[-1] if ran.output.strip() else "(no output)"
        # Skipped: only the tests that are for POSIX ("off Windows", "POSIX paths").
        skipped = [line for line in ran.output.splitlines() if line.startswith("SKIPPED")]
        wrong_skips = [
            line for line in skipped if "off Windows" not in line and "POSIX" not in line
        ]
        if ran.returncode != 0 or " passed" not in last or wrong_skips:
            raise SelfTestError(f"{last}\n{ran.output[-3000:]}")
        return f"Windows Python under Wine: {last.strip('= ')}"

    def install(self) -> str:
        installer = self.dist / self.names["installer"]
        if self.install_dir.exists():
            shutil.rmtree(self.install_dir)
        target = self._c_drive(self.install_dir)
        self.run_command_line(f"{windows_path(installer)} /S /D={target}")
        self.wine.wait()
        exe = self.install_dir / f"{NAME}.exe"
        if not exe.is_file():
            raise SelfTestError(f"no {exe} after the silent install ({target})")
        shortcuts = self._shortcuts()
        if len(shortcuts) != 2:
            raise SelfTestError(f"expected Start menu and desktop shortcuts, found {shortcuts}")
        entry = self._uninstall_entry()
        if "DisplayVersion" not in entry or version() not in entry:
            raise SelfTestError(f"no Apps & features entry: {entry}")
        size = sum(p.stat().st_size for p in self.install_dir.rglob("*") if p.is_file())
        names = ", ".join(p.name for p in shortcuts)
        return f"{target} ({size / 1e6:.0f} MB), shortcuts: {names}"

    def run_command_line(self, command_line: str) -> None:
        """Start a program with this exact Windows command line, and wait for it.

        NSIS takes ``/D=`` unquoted, spaces included, as the last option; Wine
        quotes any argument with a space, and Wine's cmd garbles Chinese, so
        the Windows Python hands the line to CreateProcessW as it is.
        """
        starter = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1]))"
        self.wine.run(self.build.python, ["-c", starter, command_line], echo=False)
        self.wine.wait()

    def installed_self_test(self) -> str:
        return self.self_test(self.install_dir / f"{NAME}.exe")

    def uninstall(self) -> str:
        kept_draft = self.install_dir / "我的草稿.json"
        kept_draft.write_text('{"schema_version": 1}\n', encoding="utf-8")
        settings = self.wine.user_folder / "AppData" / "Roaming" / "ApplyWizard"
        settings.mkdir(parents=True, exist_ok=True)
        kept_setting = settings / "kept-by-uninstall.txt"
        kept_setting.write_text("user data\n", encoding="utf-8")
        uninstaller = self._c_drive(self.install_dir / "uninstall.exe")
        # _?= runs the uninstaller in place, so it ends when the work is done.
        self.run_command_line(f"{uninstaller} /S _?={self._c_drive(self.install_dir)}")
        # _?= leaves the uninstaller itself behind (a normal uninstall deletes it on exit).
        (self.install_dir / "uninstall.exe").unlink(missing_ok=True)
        left = sorted(p.name for p in self.install_dir.iterdir())
        if left != [kept_draft.name]:
            raise SelfTestError(f"left in the program folder: {left}")
        if self._shortcuts():
            raise SelfTestError(f"shortcuts left: {self._shortcuts()}")
        if "DisplayVersion" in self._uninstall_entry():
            raise SelfTestError("the Apps & features entry is still there")
        if not kept_setting.is_file():
            raise SelfTestError("the uninstaller removed the user's settings folder")
        shutil.rmtree(self.install_dir)
        return "program, shortcuts and registry entries removed; the user's draft and settings kept"

    def screenshot(self) -> str:
        exe = self.install_dir / f"{NAME}.exe"
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            raise SelfTestError("xvfb-run not found (apt-get install xvfb)")
        with tempfile.TemporaryDirectory(prefix="aw-shot-") as folder:
            grabbed = Path(folder) / "window.png"
            command = [xvfb, "-a", "-s", "-screen 0 1400x900x24", "wine", str(exe)]
            command += ["--screenshot", windows_path(grabbed)]
            subprocess.run(
                command,
                env=self.wine.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                check=True,
                timeout=300,
            )
            if not grabbed.is_file() or grabbed.stat().st_size < 10_000:
                raise SelfTestError("no screenshot was written")
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(grabbed, SCREENSHOT)
            about = grabbed.with_name(f"{grabbed.stem}-about.png")
            if about.is_file():
                shutil.copyfile(about, SCREENSHOT_ABOUT)
        return f"{SCREENSHOT.relative_to(ROOT)}, {SCREENSHOT_ABOUT.name}"

    def _c_drive(self, path: Path) -> str:
        """A path inside the prefix's drive_c as Windows sees it (``C:\\users\\...``)."""
        relative = path.relative_to(self.wine.prefix / "drive_c")
        return "C:\\" + "\\".join(relative.parts)

    def _shortcuts(self) -> list[Path]:
        user = self.wine.user_folder
        places = [
            user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs",
            user / "Desktop",
        ]
        return sorted(
            p for place in places if place.is_dir() for p in place.glob("ApplyWizard*.lnk")
        )

    def _uninstall_entry(self) -> str:
        key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ApplyWizard"
        ran = self.wine.run("reg", ["query", key], check=False, echo=False)
        return ran.output if ran.returncode == 0 else ""


def main(argv: list[str] | None = None) -> int:
    """Every check, in order; 0 if all pass."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_folder_options(parser)
    parser.add_argument("--screenshot", action="store_true", help="also the window, under Xvfb")
    args = parser.parse_args(argv)
    job = WindowsChecks(args.work.resolve(), args.dist.resolve())
    if not job.bundle_exe.is_file():
        print(f"no {job.bundle_exe}: run scripts/build-windows first", file=sys.stderr)
        return 2
    report = Report(title="Windows checks")
    report.step("version resource and icon", timed(job.version_resource))
    report.step("--version", timed(job.version_option))
    report.step("--self-test (built folder)", timed(lambda: job.self_test(job.bundle_exe)))
    report.step("same documents as Linux", timed(job.same_documents))
    report.step("Windows-only tests", timed(job.windows_tests))
    if report.step("silent install", timed(job.install)):
        report.step("--self-test (installed)", timed(job.installed_self_test))
        if args.screenshot:
            report.step("screenshot under Xvfb", timed(job.screenshot))
        report.step("silent uninstall", timed(job.uninstall))
    job.wine.stop()
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
