"""Shared fixtures: where the project's sample pages and ../shared/ are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pages"
SHARED = ROOT.parent / "shared"


def sample_pages() -> list[Path]:
    return sorted(EXAMPLES.glob("*.html"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared/``; tests that use it skip with a message when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared/ not found at {SHARED}: this test needs the project's shared data")
    return SHARED
