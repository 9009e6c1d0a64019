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


def stale_compiled_modules() -> list[str]:
    """Sources edited after their mypyc build (see setup.py): the ``.so`` beside them would shadow
    the edit, and the tests would run the old code."""
    stale = []
    for py in (ROOT / "src" / "newspith").rglob("*.py"):
        for so in py.parent.glob(py.stem + ".*.so"):
            if py.stat().st_mtime > so.stat().st_mtime:
                stale.append(str(py.relative_to(ROOT)))
    return stale


def pytest_configure(config) -> None:
    # The per-user disk cache (the language model) goes to a folder of this session's own: the
    # tests neither read what a user's runs left nor leave anything in the user's home.
    import os
    import tempfile

    os.environ["NEWSPITH_CACHE_DIR"] = tempfile.mkdtemp(prefix="newspith-test-cache-")
    stale = stale_compiled_modules()
    if stale:
        pytest.exit(f"the compiled build is older than {', '.join(stale[:3])}"
                    f"{' …' if len(stale) > 3 else ''}: run `make setup` (or NEWSPITH_PURE=1 "
                    "pip install -e . for pure Python) before testing", returncode=4)


def pytest_unconfigure(config) -> None:
    import os
    import shutil

    folder = os.environ.get("NEWSPITH_CACHE_DIR", "")
    if "newspith-test-cache-" in folder:
        shutil.rmtree(folder, ignore_errors=True)


def rules_extract(html, url=None, **kw):
    """``newspith.extract`` with the rule phases alone (the learned model off): for the tests
    of one rule phase on a page written for it."""
    import newspith

    return newspith.extract(html, url, config=newspith.ExtractConfig(learned=False), **kw)


def rules_explain(html, url=None, **kw):
    """``newspith.explain`` with the rule phases alone."""
    import newspith

    return newspith.explain(html, url, config=newspith.ExtractConfig(learned=False), **kw)
