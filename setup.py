"""Build step: compile the extractor's and text mode's hot modules with mypyc.

Everything else about the package is in ``pyproject.toml``. The modules below are plain, typed
Python; mypyc turns each into a C extension that runs the same code about 1.5× faster (native
classes for the block and element rows, no interpreter loop in the walkers). The pure-Python
modules stay in the package, so:

* ``NEWSPITH_PURE=1 pip install .`` builds without compiling;
* without a C compiler or Python's headers the build warns and installs pure Python.

An editable install (``pip install -e .``) puts the compiled ``.so`` files beside the sources;
they shadow the ``.py`` files until rebuilt (``make setup`` rebuilds whenever a compiled module
changes, and the test suite refuses to run on a stale build).
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules the extractor spends its time in (the tree walk, scoring, selection, metadata) and
# the text-mode pipeline. The Makefile and tests/test_build.py read this list.
COMPILED = [
    "src/newspith/extract/segment.py",
    "src/newspith/extract/scoring.py",
    "src/newspith/extract/rules/__init__.py",
    "src/newspith/extract/rules/tags.py",
    "src/newspith/extract/rules/classes.py",
    "src/newspith/extract/rules/phrases.py",
    "src/newspith/extract/body.py",
    "src/newspith/extract/teasers.py",
    "src/newspith/extract/galleries.py",
    "src/newspith/extract/pagebody.py",
    "src/newspith/extract/structure.py",
    "src/newspith/extract/pagetype.py",
    "src/newspith/extract/comments.py",
    "src/newspith/extract/render.py",
    "src/newspith/extract/dom.py",
    "src/newspith/extract/metadata/authors.py",
    "src/newspith/extract/metadata/dates.py",
    "src/newspith/extract/metadata/jsonld.py",
    "src/newspith/extract/metadata/language.py",
    "src/newspith/extract/metadata/page.py",
    "src/newspith/extract/metadata/title.py",
    "src/newspith/extract/metadata/when.py",
    "src/newspith/textmode/segment.py",
    "src/newspith/textmode/classify.py",
    "src/newspith/textmode/select.py",
    "src/newspith/textmode/build.py",
]


class OptionalBuildExt(build_ext):
    """Build the compiled modules when possible; otherwise warn and leave pure Python.

    All or nothing: a half-built set (the shared runtime without a module, or the reverse)
    would fail at import, so a failure removes whatever this build wrote.
    """

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, no headers: the pure modules still work
            for ext in self.extensions:
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            print(f"newspith: compiling with mypyc failed ({exc}); installing pure Python",
                  file=sys.stderr)


def _ext_modules() -> list:
    if os.environ.get("NEWSPITH_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("newspith: mypyc is not installed; installing pure Python", file=sys.stderr)
        return []
    # A type error in a compiled module stops the build here, loudly: it is a bug to fix.
    return mypycify(COMPILED, opt_level="3")


setup(ext_modules=_ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
