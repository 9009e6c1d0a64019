"""The per-user disk cache: built once, read back after; off, damaged or unwritable, never in the way."""

from __future__ import annotations

import os
import pickle

import pytest

from newspith.diskcache import cache_dir, cached


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict:
        self.calls += 1
        return {"model": list(range(5)), "calls": self.calls}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPITH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read_back(folder):
    build = Builder()
    first = cached("thing", "1.0-42", build)
    again = cached("thing", "1.0-42", build)
    assert build.calls == 1
    assert first == again == {"model": [0, 1, 2, 3, 4], "calls": 1}
    (entry,) = folder.iterdir()
    assert entry.name == "thing-1.0-42.pickle"
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)


def test_a_new_key_builds_a_new_entry(folder):
    build = Builder()
    cached("thing", "1.0", build)
    assert cached("thing", "2.0", build)["calls"] == 2
    assert sorted(p.name for p in folder.iterdir()) == ["thing-1.0.pickle", "thing-2.0.pickle"]


def test_a_key_cannot_leave_the_folder(folder):
    cached("thing", "../../etc/x y", Builder())
    (entry,) = folder.iterdir()
    assert "/" not in entry.name and entry.name.startswith("thing-")


def test_a_damaged_entry_is_rebuilt_and_replaced(folder):
    build = Builder()
    cached("thing", "k", build)
    (folder / "thing-k.pickle").write_bytes(b"\x80\x05not a pickle")
    assert cached("thing", "k", build)["calls"] == 2
    with open(folder / "thing-k.pickle", "rb") as fh:
        assert pickle.load(fh)["calls"] == 2


@pytest.mark.parametrize("value", ["off", "", "0"])
def test_off_builds_every_time_and_writes_nothing(monkeypatch, tmp_path, value):
    monkeypatch.setenv("NEWSPITH_CACHE_DIR", value)
    monkeypatch.chdir(tmp_path)
    assert cache_dir() is None
    build = Builder()
    cached("thing", "k", build)
    cached("thing", "k", build)
    assert build.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSPITH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "newspith"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere: no unwritable folder")
def test_an_unwritable_folder_is_passed_over(monkeypatch, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("NEWSPITH_CACHE_DIR", str(locked / "cache"))
    build = Builder()
    assert cached("thing", "k", build)["calls"] == 1
    assert cached("thing", "k", build)["calls"] == 2


def test_a_folder_that_is_a_file_is_passed_over(monkeypatch, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSPITH_CACHE_DIR", str(blocker))
    build = Builder()
    assert cached("thing", "k", build)["calls"] == 1
    assert cached("thing", "k", build)["calls"] == 2
    assert blocker.read_text() == "not a folder"


def test_the_language_model_is_unpacked_once_then_read_back(folder):
    from newspith.extract.metadata import language

    text = "Der Hund ist nicht hier, und die Katze ist auch nicht zu Hause geblieben."
    language._identifier.cache_clear()
    try:
        first = language._identifier()
        (entry,) = folder.glob("py3langid-normprobs-*.pickle")
        written = entry.stat().st_ino
        language._identifier.cache_clear()
        second = language._identifier()
        assert entry.stat().st_ino == written  # read back, not written again
        assert second is not first and second.classify(text) == first.classify(text)
        assert first.classify(text)[0] == "de"
    finally:
        language._identifier.cache_clear()


def test_a_folder_others_can_write_to_is_not_read(folder):
    build = Builder()
    cached("thing", "k", build)
    folder.chmod(0o777)
    try:
        assert cached("thing", "k", build)["calls"] == 2  # built, not loaded
    finally:
        folder.chmod(0o700)


def test_an_entry_that_is_a_link_is_not_followed(folder, tmp_path):
    build = Builder()
    cached("thing", "k", build)
    planted = tmp_path / "planted.pickle"
    planted.write_bytes(pickle.dumps({"planted": True}))
    entry = folder / "thing-k.pickle"
    entry.unlink()
    entry.symlink_to(planted)
    assert cached("thing", "k", build) == {"model": [0, 1, 2, 3, 4], "calls": 2}


def test_stale_entries_of_other_keys_and_cut_writes_are_pruned(folder):
    build = Builder()
    cached("thing", "old", build)
    cached("other", "x", build)
    leftover = folder / "thing-abc.tmp"
    leftover.write_bytes(b"half")
    fresh_tmp = folder / "thing-def.tmp"
    fresh_tmp.write_bytes(b"being written")
    day_ago = os.path.getmtime(folder / "thing-old.pickle") - 2 * 24 * 3600
    for p in (folder / "thing-old.pickle", folder / "other-x.pickle", leftover):
        os.utime(p, (day_ago, day_ago))
    cached("thing", "new", build)
    assert sorted(p.name for p in folder.iterdir()) == [
        "other-x.pickle", "thing-def.tmp", "thing-new.pickle"]
