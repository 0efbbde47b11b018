"""Build the ApplyWizard bundle with PyInstaller, archive it and write SHA256SUMS.

    python packaging/build.py             # one folder: dist/applywizard/ and its archive
    python packaging/build.py --onefile   # also the one-file program
    python packaging/build.py --no-archive

The archive is ``applywizard-VERSION-SYSTEM-MACHINE.tar.gz`` on Linux and
``.zip`` elsewhere, beside ``SHA256SUMS`` (the format ``sha256sum -c`` reads).
Portable: runs the same on Linux, Windows and macOS (scripts/build-bundle is
the Linux/macOS wrapper; on Windows run this file with the venv's Python).
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "applywizard.spec"
NAME = "applywizard"


def version() -> str:
    """The program's version, from its one place (``applywizard.__version__``)."""
    namespace: dict[str, str] = {}
    exec((ROOT / "src" / "applywizard" / "__init__.py").read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own file
    return namespace["__version__"]


def system_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64`` and so on."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system.removesuffix('2')}-{platform.machine().lower()}"


def pyinstaller(dist: Path, work: Path, *, onefile: bool) -> None:
    """Run PyInstaller on the spec."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    if onefile:
        command += ["--", "--onefile"]
    subprocess.run(command, check=True, cwd=ROOT)


def archive(folder: Path, target_stem: Path) -> Path:
    """``folder`` as a .tar.gz (Linux) or .zip (elsewhere), with ``folder``'s name on top."""
    if sys.platform.startswith("linux"):
        target = target_stem.with_name(target_stem.name + ".tar.gz")
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        return target
    target = target_stem.with_name(target_stem.name + ".zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
        for path in sorted(folder.rglob("*")):
            bundle.write(path, Path(folder.name) / path.relative_to(folder))
    return target


def sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_sums(files: list[Path], folder: Path) -> Path:
    """SHA256SUMS for ``files`` in ``folder``, one ``HASH  NAME`` line each."""
    sums = folder / "SHA256SUMS"
    lines = [f"{sha256(path)}  {path.name}\n" for path in files]
    sums.write_text("".join(lines), encoding="utf-8", newline="\n")
    return sums


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symbolic links not followed)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Build, archive, checksum; prints where everything went."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onefile", action="store_true", help="also build the one-file program")
    parser.add_argument("--no-archive", action="store_true", help="only the folder")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    started = time.perf_counter()
    pyinstaller(dist, args.work.resolve(), onefile=False)
    bundle = dist / NAME
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.1f} MB unpacked)")
    artefacts: list[Path] = []
    if args.onefile:
        onefile_dist = dist / "onefile"
        pyinstaller(onefile_dist, args.work.resolve() / "onefile", onefile=True)
        single = next(onefile_dist.glob(f"{NAME}*"))
        target = dist / f"{NAME}-{version()}-{system_tag()}-onefile{single.suffix}"
        shutil.copy2(single, target)
        artefacts.append(target)
        print(f"one file: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    if not args.no_archive:
        packed = archive(bundle, dist / f"{NAME}-{version()}-{system_tag()}")
        artefacts.insert(0, packed)
        print(f"archive: {packed} ({packed.stat().st_size / 1e6:.1f} MB)")
    if artefacts:
        print(f"checksums: {write_sums(artefacts, dist)}")
    print(f"built in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
