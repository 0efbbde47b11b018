"""Running Windows programs under Wine, in a prefix of the build's own.

Never the user's ``~/.wine``: the prefix lives in the build folder
(``build/windows/wineprefix``) and is made on first use. Programs run with
standard input from /dev/null and their output through a pipe: Wine gives a
Windows program an invalid console handle when its standard streams are a
terminal-less file, and Python then cannot start ("init_sys_streams").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath


def windows_path(path: Path) -> str:
    """``/work/x y/z`` as Wine's ``Z:\\work\\x y\\z`` (drive Z: is the Unix root)."""
    return str(PureWindowsPath("Z:\\", *path.resolve().parts[1:]))


@dataclass(frozen=True)
class Ran:
    """A finished Windows program: its exit code, output and time."""

    returncode: int
    output: str
    seconds: float


@dataclass
class Wine:
    """A Wine prefix and the environment its programs run in."""

    prefix: Path
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        """The environment for Wine: this prefix, 64-bit, quiet, no Mono/Gecko prompts."""
        env = dict(os.environ)
        env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            # No dialog offering to download Mono or Gecko (no network, not needed), and
            # no menu entries or file types written into the Linux desktop of the build machine.
            WINEDLLOVERRIDES="mscoree,mshtml=,winemenubuilder.exe=d",
        )
        # Wine would take the build machine's fonts (Noto CJK) through fontconfig; a
        # Windows without Chinese fonts is what the shipped font is for, so Wine's
        # programs see only Wine's own fonts.
        env["FONTCONFIG_FILE"] = str(self._no_host_fonts())
        # The build's Windows Python (pip, PyInstaller, pytest) reads and prints
        # UTF-8 whatever Wine's code page; the frozen program ignores it.
        env["PYTHONUTF8"] = "1"
        env.update(self.extra_env)
        return env

    def _no_host_fonts(self) -> Path:
        conf = self.prefix.parent / "fontconfig-no-host-fonts.conf"
        if not conf.is_file():
            conf.parent.mkdir(parents=True, exist_ok=True)
            cache = self.prefix.parent / "fontconfig-cache"
            conf.write_text(
                '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                f"<fontconfig><cachedir>{cache}</cachedir></fontconfig>\n",
                encoding="utf-8",
            )
        return conf

    @property
    def system32(self) -> Path:
        """The prefix's 64-bit system folder."""
        return self.prefix / "drive_c" / "windows" / "system32"

    @property
    def user_folder(self) -> Path:
        """The Windows user's profile folder inside the prefix (``C:\\users\\NAME``)."""
        users = self.prefix / "drive_c" / "users"
        mine = [p for p in users.iterdir() if p.is_dir() and p.name.lower() != "public"]
        if len(mine) != 1:
            raise RuntimeError(f"expected one user folder in {users}, found {mine}")
        return mine[0]

    def sees_host_fonts(self) -> bool:
        """True if the prefix registered the build machine's fonts (an older prefix)."""
        user_reg = self.prefix / "user.reg"
        if not user_reg.is_file():
            return False
        header = "[Software\\\\Wine\\\\Fonts\\\\External Fonts]"
        in_section = False
        for line in user_reg.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("["):
                in_section = line.startswith(header)
            elif in_section and line.startswith('"'):
                return True
        return False

    def create(self) -> None:
        """Make the prefix if it does not exist yet (``wineboot -i``, a few seconds)."""
        if (self.prefix / "system.reg").is_file() and not self.sees_host_fonts():
            return
        if self.prefix.exists():  # an old prefix that sees the machine's Chinese fonts
            shutil.rmtree(self.prefix)
        self.prefix.mkdir(parents=True, exist_ok=True)
        wineboot = shutil.which("wineboot")
        if wineboot is None:
            raise RuntimeError("wineboot not found: install Wine (apt-get install wine wine64)")
        subprocess.run(
            [wineboot, "-i"],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=True,
        )
        self.wait()

    def run(
        self,
        program: Path | str,
        args: Sequence[str] = (),
        *,
        env: Mapping[str, str] | None = None,
        check: bool = True,
        echo: bool = True,
        cwd: Path | None = None,
        timeout: float = 3600,
    ) -> Ran:
        """Run a Windows program; its output is echoed line by line and returned."""
        command = ["wine", str(program), *args]
        full_env = self.env | dict(env or {})
        started = time.perf_counter()
        with subprocess.Popen(
            command,
            env=full_env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        ) as process:
            assert process.stdout is not None
            lines = []
            for line in process.stdout:
                lines.append(line)
                if echo:
                    sys.stdout.write(line)
                    sys.stdout.flush()
            returncode = process.wait(timeout=timeout)
        ran = Ran(returncode, "".join(lines), time.perf_counter() - started)
        if check and returncode != 0:
            raise subprocess.CalledProcessError(returncode, command, ran.output)
        return ran

    def wait(self) -> None:
        """Wait until every program of the prefix has ended (``wineserver -w``)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=False)

    def stop(self) -> None:
        """End the prefix's Wine server and whatever still runs in it."""
        subprocess.run(["wineserver", "-k"], env=self.env, check=False)
