"""Rewrite the report snapshots from the current code: ``python tests/update_snapshots.py``.

A separate command, never a mode of the tests (a test that writes what it then
compares cannot fail). Review ``git diff tests/reports/snapshots`` before committing.
Refused when CI is set: CI compares snapshots, it never makes them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    if os.environ.get("CI"):
        print("update_snapshots: refused because CI is set; CI compares snapshots, run this "
              "on your own machine and review the diff", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    import seedtext
    from reports.conftest import make_report
    from reports.snapshot_outputs import SNAPSHOTS, all_outputs

    if not seedtext.SEED.is_file():
        print(f"update_snapshots: the seed text is not at {seedtext.SEED}", file=sys.stderr)
        return 2
    SNAPSHOTS.mkdir(exist_ok=True)
    for name, text in sorted(all_outputs(make_report(), seedtext.SEED).items()):
        path = SNAPSHOTS / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"updated {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
