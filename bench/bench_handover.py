"""How long packing and unpacking take, and how fast each hostile pack is refused.

Measures, in one run:
1. the largest example (1.4: three PDFs of 4.7, 1.1 and 0.5 MB as it records,
   here files of those sizes that do not compress, as real PDFs barely do):
   looking for the files (SHA-256 of each), writing the pack, unpacking it;
   the pack's size;
2. a heavy draft: 1.4 with 10 files of 20 MB (the national system's limit as
   taken here), the same steps, for throughput;
3. each hostile pack of ``tests/hostile_packs.py``: the time from ``unpack``
   to its refusal (the pack already built), with the pack's size.
The baseline for 1 and 2 is reading the same files and hashing them ("x read").
Figures are medians.

Run: .venv/bin/python bench/bench_handover.py [--repeat N]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the file makers live with the tests

from tests.handover_files import EXAMPLES, file_for  # noqa: E402
from tests.hostile_packs import HOSTILE  # noqa: E402

from applywizard.adapters.draft_files import read_draft, save_draft  # noqa: E402
from applywizard.adapters.handover.refusals import PackError  # noqa: E402
from applywizard.domain.draft.model import Attachment  # noqa: E402
from applywizard.workflow.handover import (  # noqa: E402
    pack_draft,
    read_draft_file,
    survey_draft,
    unpack,
)
from timing import median_seconds  # noqa: E402

MB = 1024 * 1024


def draft_with_files(folder: Path, sizes: list[int]) -> Path:
    """Example 1.4 with one attachment of each size, real files of those sizes beside it."""
    draft = read_draft(EXAMPLES / "1.4.json")
    template = draft.attachments
    attachments: list[Attachment] = []
    for index, size in enumerate(sizes):
        base = template[index % len(template)]
        name = base.file_name if index < len(template) else f"附件{index + 1}.pdf"
        data = file_for(name, index, size)
        (folder / name).write_bytes(data)
        attachments.append(
            base.model_copy(
                update={
                    "file_name": name,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "size_bytes": len(data),
                }
            )
        )
    path = folder / "1.4.json"
    save_draft(draft.model_copy(update={"attachments": attachments}), path)
    path.with_name(path.name + ".bak").unlink(missing_ok=True)
    return path


def read_all(folder: Path) -> None:
    for path in folder.iterdir():
        hashlib.sha256(path.read_bytes()).hexdigest()


def measure(label: str, sizes: list[int], folder: Path, repeat: int) -> None:
    mine = folder / f"{label}-mine"
    mine.mkdir()
    draft = draft_with_files(mine, sizes)
    on_disk = read_draft_file(draft)
    pack = folder / f"{label}.awpack"
    looked = survey_draft(on_disk)

    def unpack_fresh() -> None:
        target = folder / f"{label}-theirs"
        shutil.rmtree(target, ignore_errors=True)
        unpack(pack, target)

    baseline = median_seconds(lambda: read_all(mine), repeat)
    look = median_seconds(lambda: survey_draft(on_disk), repeat)
    write = median_seconds(lambda: pack_draft(on_disk, pack, found=looked), repeat)
    undo = median_seconds(unpack_fresh, repeat)
    total, packed = sum(sizes) / MB, pack.stat().st_size / MB
    print(f"{label}: {len(sizes)} files, {total:.1f} MB; the pack {packed:.1f} MB")
    print(
        f"  look {look * 1000:.0f} ms, pack {write * 1000:.0f} ms, unpack {undo * 1000:.0f} ms; "
        f"read+SHA {baseline * 1000:.0f} ms (pack x{write / baseline:.1f}, "
        f"unpack x{undo / baseline:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    recorded = [item.size_bytes or 0 for item in read_draft(EXAMPLES / "1.4.json").attachments]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        measure("1.4, as recorded", recorded, folder, args.repeat)
        measure("1.4 with 10 x 20 MB", [20 * MB] * 10, folder, args.repeat)
        print(f"\n{'hostile pack':34} {'size':>10} {'refused in':>10}  reason")
        for case, (make, refusal, _words) in sorted(HOSTILE.items()):
            made = folder / f"hostile-{len(list(folder.iterdir()))}"
            made.mkdir()
            pack = make(made)

            def refuse(pack: Path = pack, made: Path = made) -> None:
                try:
                    unpack(pack, made / "out")
                except PackError:
                    return
                raise AssertionError("not refused")

            took = median_seconds(refuse, args.repeat)
            print(f"{case:34} {pack.stat().st_size:>10,} {took * 1000:>8.2f} ms  {refusal.value}")


if __name__ == "__main__":
    main()
