"""Draw the program's icon and write it as a Windows .ico and a PNG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py

Writes ``resources/icons/applywizard.ico`` (16 to 256 pixels, each size a
PNG-compressed entry, which Windows Vista and later and NSIS 3 read) and
``resources/icons/applywizard.png`` (256 pixels). The picture: a blue rounded
square with 申 (申报, to apply) in the shipped font, so it draws the same on
any machine, and a green tick.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = QColor("#1f5fae")
GREEN = QColor("#2e9d48")


def draw(size: int, family: str) -> QImage:
    """The icon at ``size`` x ``size`` pixels, with an alpha channel."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size / 16
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    background = QPainterPath()
    background.addRoundedRect(square, size / 6, size / 6)
    painter.fillPath(background, BLUE)
    font = QFont(family)
    font.setPixelSize(round(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    text_box = QRectF(square.left(), square.top() - size * 0.04, square.width(), square.height())
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, "申")
    if size >= 24:  # a tick too small to read only blurs the character
        pen = QPen(GREEN, size / 10, c=Qt.PenCapStyle.RoundCap, j=Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(
            [
                QPointF(size * 0.58, size * 0.78),
                QPointF(size * 0.70, size * 0.88),
                QPointF(size * 0.90, size * 0.62),
            ]
        )
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, b"PNG"):
        raise RuntimeError("Qt could not encode the icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are the given PNG images (ICONDIR, entries, data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    data = b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def main() -> int:
    """Write the .ico and the PNG."""
    _app = QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        print(f"cannot load {FONT}", file=sys.stderr)
        return 1
    pngs = {size: png_bytes(draw(size, families[0])) for size in SIZES}
    FOLDER.mkdir(parents=True, exist_ok=True)
    (FOLDER / "applywizard.ico").write_bytes(ico_bytes(pngs))
    (FOLDER / "applywizard.png").write_bytes(pngs[256])
    print(f"wrote {FOLDER / 'applywizard.ico'} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
