"""The mypyc build (setup.py): the hot modules are compiled where a compiler is at hand, and the
pure-Python modules beside them give the very same articles."""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import newspith
from tests.conftest import ROOT, sample_pages

COMPILED = re.findall(r'^    "src/(newspith/.*)\.py",$', (ROOT / "setup.py").read_text(), re.M)


def _can_compile() -> bool:
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return bool(shutil.which("cc") or shutil.which("gcc")) and headers.is_file()


def test_setup_lists_the_hot_modules():
    assert "newspith/extract/segment" in COMPILED and "newspith/textmode/classify" in COMPILED
    for name in COMPILED:
        assert (ROOT / "src" / f"{name}.py").is_file(), name


def test_hot_modules_are_compiled():
    if os.environ.get("NEWSPITH_PURE"):
        pytest.skip("NEWSPITH_PURE is set: the install is pure Python on purpose")
    if not _can_compile():
        pytest.skip("no C compiler or Python headers here: the install is pure Python")
    for name in COMPILED:
        module = importlib.import_module(name.replace("/", "."))
        assert module.__file__.endswith(".so"), f"{name} is not compiled: {module.__file__}"


_DUMP = """
import importlib, json, sys
import newspith
print(json.dumps({
    "segment": importlib.import_module("newspith.extract.segment").__file__,
    "articles": [newspith.extract(open(p, "rb").read(), url="https://x.example/a").to_dict()
                 for p in sys.argv[1:]],
    "texts": [newspith.clean_text("  ".join(open(p[:-5] + ".expected.txt").read().split("\\n")))
              .to_dict() for p in sys.argv[1:]]}, sort_keys=True, default=str))
"""


def test_pure_python_gives_the_same_articles(tmp_path):
    # A copy of the sources without the compiled files: what NEWSPITH_PURE=1 installs.
    shutil.copytree(ROOT / "src" / "newspith", tmp_path / "newspith",
                    ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    pages = [str(p) for p in sample_pages()]
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _DUMP, *pages], env=env, capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert out["segment"] == str(tmp_path / "newspith" / "extract" / "segment.py")
    pure = out["articles"]
    here = json.loads(json.dumps([newspith.extract(open(p, "rb").read(),
                                                   url="https://x.example/a").to_dict()
                                  for p in pages], sort_keys=True, default=str))
    assert len(pure) == len(pages) >= 5
    for p, a, b in zip(pages, pure, here):
        assert a == b, p
    # Text mode too, on each page's text flattened onto one line.
    texts = json.loads(json.dumps([newspith.clean_text("  ".join(
        open(p[:-5] + ".expected.txt").read().split("\n"))).to_dict() for p in pages],
        sort_keys=True, default=str))
    assert out["texts"] == texts and any(t["text"] for t in texts)
