"""Regenerate the golden outputs of the sample pages, on purpose, after a reviewed change.

    python scripts/regen_golden.py          # rewrite tests/extract/golden/*.json
    git diff tests/extract/golden/          # read what changed before committing it

The golden test fails on any difference, so every change of extractor output is seen and owned.
"""

from __future__ import annotations

import json
from pathlib import Path

import newspith

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "examples" / "pages"
GOLDEN = ROOT / "tests" / "extract" / "golden"


def golden_of(page: Path) -> dict:
    return newspith.extract(page.read_bytes()).to_dict()


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for page in sorted(PAGES.glob("*.html")):
        out = GOLDEN / (page.stem + ".json")
        out.write_text(json.dumps(golden_of(page), ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
