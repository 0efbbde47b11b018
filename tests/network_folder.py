# ruff: noqa: PTH101, PTH102, PTH105, PTH106, PTH108, PTH118, PTH208
# (a FUSE pass-through speaks in path strings and os calls, as libfuse does)
"""A folder that behaves like a network share, for the tests: FUSE over a local folder.

    python tests/network_folder.py BACKING MOUNTPOINT

What it imitates of SMB/NFS shares as people meet them: the kernel keeps a
file's attributes for a few seconds (``attr_timeout``, as CIFS's
``actimeo``), times are rounded down to two seconds (FAT-backed and older
servers), and a change another computer makes (here: a write into BACKING,
beside the mount) sends no change event to this one, so file-system
watchers stay silent. Everything written through the mount reaches
BACKING: creating with O_EXCL, renaming over a file, fsync of files and
folders, as saving and locking need.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

from fuse import FUSE, FuseOSError, Operations

TIME_STEP = 2
ATTRIBUTE_SECONDS = 3


class ShareLike(Operations):  # type: ignore[misc]
    """A pass-through to ``root`` with coarse times."""

    def __init__(self, root: str) -> None:
        self.root = root

    def _path(self, path: str) -> str:
        return os.path.join(self.root, path.lstrip("/"))

    def getattr(self, path: str, fh: int | None = None) -> dict[str, Any]:
        try:
            status = os.lstat(self._path(path))
        except OSError as error:
            raise FuseOSError(error.errno) from error
        keys = ("st_mode", "st_nlink", "st_size", "st_uid", "st_gid")
        found: dict[str, Any] = {key: getattr(status, key) for key in keys}
        for key in ("st_atime", "st_mtime", "st_ctime"):
            found[key] = int(getattr(status, key)) // TIME_STEP * TIME_STEP
        return found

    def readdir(self, path: str, fh: int) -> list[str]:
        return [".", "..", *os.listdir(self._path(path))]

    def access(self, path: str, amode: int) -> None:
        if not os.access(self._path(path), amode):
            raise FuseOSError(errno.EACCES)

    def open(self, path: str, flags: int) -> int:
        return os.open(self._path(path), flags)

    def create(self, path: str, mode: int, fi: Any = None) -> int:
        return os.open(self._path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        return os.pread(fh, size, offset)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        return os.pwrite(fh, data, offset)

    def truncate(self, path: str, length: int, fh: int | None = None) -> None:
        os.truncate(self._path(path), length)

    def flush(self, path: str, fh: int) -> None:
        os.fsync(fh)

    def fsync(self, path: str, datasync: int, fh: int) -> None:
        os.fsync(fh)

    def fsyncdir(self, path: str, datasync: int, fh: int) -> None:
        return None

    def release(self, path: str, fh: int) -> None:
        os.close(fh)

    def rename(self, old: str, new: str) -> None:
        os.replace(self._path(old), self._path(new))

    def unlink(self, path: str) -> None:
        os.unlink(self._path(path))

    def mkdir(self, path: str, mode: int) -> None:
        os.mkdir(self._path(path), mode)

    def rmdir(self, path: str) -> None:
        os.rmdir(self._path(path))

    def chmod(self, path: str, mode: int) -> None:
        os.chmod(self._path(path), mode)

    def chown(self, path: str, uid: int, gid: int) -> None:
        os.chown(self._path(path), uid, gid)

    def utimens(self, path: str, times: tuple[float, float] | None = None) -> None:
        os.utime(self._path(path), times)

    def statfs(self, path: str) -> dict[str, Any]:
        status = os.statvfs(self._path(path))
        keys = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files")
        return {key: getattr(status, key) for key in (*keys, "f_flag", "f_frsize", "f_namemax")}


def main() -> None:
    backing, mountpoint = sys.argv[1], sys.argv[2]
    FUSE(
        ShareLike(backing),
        mountpoint,
        foreground=True,
        nothreads=True,
        attr_timeout=ATTRIBUTE_SECONDS,
        entry_timeout=ATTRIBUTE_SECONDS,
    )


if __name__ == "__main__":
    main()
