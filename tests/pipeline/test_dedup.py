"""Exact and near-duplicate clusters, the earliest copy, and clusters in the run's outputs."""

from __future__ import annotations

import json
import sqlite3

from newspith.cli import main
from newspith.pipeline.dedup import Deduper
from tests.conftest import EXAMPLES

STORY = ("The city council voted on Tuesday to close the old harbour bridge to cars from May after "
         "engineers found corrosion in two of its four main supports. Pedestrians and cyclists "
         "will still be able to cross while repairs go on, the council said, but buses will be "
         "diverted through the northern ring road for at least a year. Shop owners on Quay "
         "Street said they feared losing passing trade during the works.")
OTHER = ("A new exhibition of maritime paintings opened at the town museum on Saturday, with "
         "more than forty works lent by private collectors along the coast and a series of "
         "evening talks about the history of the fishing fleet planned for the autumn months.")


def test_exact_near_and_distinct_articles():
    d = Deduper()
    d.add("a", STORY, "2024-05-02T09:00:00+00:00")
    d.add("b", STORY.upper().replace(".", "!"), "2024-05-01T18:00:00+00:00")  # same words
    d.add("c", "By Wire Staff. " + STORY + " Copyright Wire Service.", None)  # syndicated
    d.add("d", OTHER, None)
    d.add("e", "Too short.", None)
    c = d.clusters()
    assert c["a"].cluster == c["b"].cluster == c["c"].cluster == "a"
    assert c["a"].exact and c["b"].exact and not c["c"].exact and c["a"].size == 3
    assert c["b"].earliest and not c["a"].earliest and not c["c"].earliest  # earliest date
    assert c["d"].cluster == "d" and c["d"].earliest and c["d"].size == 1
    assert c["e"].cluster == "e"


def test_undated_copies_keep_the_first_read_as_earliest():
    d = Deduper()
    d.add("x", STORY)
    d.add("y", STORY)
    c = d.clusters()
    assert c["x"].earliest and not c["y"].earliest


def _pages(tmp_path):
    pages = tmp_path / "pages"
    if pages.is_dir():
        return pages
    pages.mkdir()
    html = (EXAMPLES / "harbour-ferry.html").read_bytes()
    (pages / "a-original.html").write_bytes(html)
    (pages / "b-copy.html").write_bytes(html.replace(b"Harbour Gazette", b"Coast Herald"))
    (pages / "c-other.html").write_bytes((EXAMPLES / "budget-vote.html").read_bytes())
    return pages


def test_run_writes_clusters_into_the_corpus(tmp_path):
    db = tmp_path / "corpus.sqlite"
    assert main(["run", str(_pages(tmp_path)), "--out", str(db), "--quiet"]) == 0
    rows = {id.rsplit("/", 1)[-1]: cluster for id, cluster in
            sqlite3.connect(db).execute("SELECT id, cluster FROM clusters").fetchall()}
    assert rows["a-original.html"] == rows["b-copy.html"] != rows["c-other.html"]


def test_run_writes_clusters_beside_jsonl(tmp_path):
    out = tmp_path / "articles.jsonl"
    assert main(["run", str(_pages(tmp_path)), "--out", str(out), "--quiet"]) == 0
    side = [json.loads(x) for x in (tmp_path / "articles.clusters.jsonl").read_text().splitlines()]
    by_name = {r["id"].rsplit("/", 1)[-1]: r for r in side}
    assert by_name["b-copy.html"]["cluster"] == by_name["a-original.html"]["id"]
    assert by_name["a-original.html"]["earliest"] and not by_name["b-copy.html"]["earliest"]
    assert main(["run", str(_pages(tmp_path)), "--out", str(tmp_path / "n.jsonl"), "--quiet",
                 "--no-dedup"]) == 0
    assert not (tmp_path / "n.clusters.jsonl").exists()


def test_run_writes_its_figures_as_json(tmp_path):
    stats = tmp_path / "stats.json"
    out = tmp_path / "articles.jsonl"
    assert main(["run", str(_pages(tmp_path)), "--out", str(out), "--quiet",
                 "--stats", str(stats)]) == 0
    figures = json.loads(stats.read_text())
    assert figures["read"] == figures["written"] == 3 and figures["counts_check"]
    assert figures["articles"] == 3 and figures["errors"] == {}
    # the copy differs only in the site name, outside the body: an exact copy of the body
    assert figures["duplicates"] == {"copies": 1, "exact": 1, "clusters_with_copies": 1}
    assert figures["pages_per_second"] > 0


def _sketch_by_definition(text: str, config):
    """The sketch as documented: lowercased \\w+ words; blake2b of them joined by spaces;
    MinHash of the polynomial hash of every run of ``shingle_words`` words, one at a time."""
    import hashlib
    import re

    from datasketch import MinHash

    from newspith.pipeline.dedup import _lean_params, _permutations
    from newspith.pipeline.shingles import shingle_hash

    words = [w.lower() for w in re.findall(r"\w+", text)]
    key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()
    if len(words) < config.min_words:
        return key, None
    n = config.shingle_words
    mh = MinHash(num_perm=config.num_perm, hashfunc=shingle_hash,
                 permutations=_permutations(config.num_perm), scheme=_lean_params()[1])
    mh.update_batch([" ".join(words[i:i + n]).encode("utf-8")
                     for i in range(max(1, len(words) - n + 1))])
    return key, mh.hashvalues.tobytes()


def test_sketches_follow_their_definition_in_any_script():
    from newspith.config import DedupConfig
    from newspith.pipeline.dedup import sketch_text

    texts = [(EXAMPLES / "harbour-ferry.expected.txt").read_text(encoding="utf-8"),
             "ΟΔΟΣ ΚΑΙ ΠΟΛΙΣ, Σήμερα ΟΔΟΣ. " * 8,          # final sigma
             "İSTANBUL ŞEHİR merkezi; Straße ÄRGER " * 6,   # dotted I, sharp s
             "日本語 の テキスト、naïve café—and more " * 6, "too few words", "",
             # over two of _minhash's chunks of shingles, each chunk's minimum found elsewhere
             " ".join(f"w{(i * 7919) % 3001} x{i % 13}" for i in range(2600))]
    for config in (DedupConfig(), DedupConfig(shingle_words=30, min_words=3)):
        for text in texts:
            got = sketch_text(text, config)
            assert (got.key, got.minhash) == _sketch_by_definition(text, config), text[:30]


def test_other_minhash_schemes_go_through_datasketch(monkeypatch):
    """The numpy shortcut is for datasketch's affine32 scheme only; were its default another,
    sketches still equal datasketch's own MinHash of the same shingles."""
    from datasketch import MinHash

    from newspith.config import DedupConfig
    from newspith.pipeline import dedup
    from newspith.pipeline.shingles import shingle_hash

    text = (EXAMPLES / "harbour-ferry.expected.txt").read_text(encoding="utf-8")
    config = DedupConfig()
    monkeypatch.setattr(dedup, "_lean_params", lambda: (1, "affine64"))
    got = dedup.sketch_text(text, config)
    words = dedup.word_string(text).split(" ")
    n = config.shingle_words
    mh = MinHash(num_perm=config.num_perm, hashfunc=shingle_hash, scheme="affine64",
                 permutations=dedup._permutations(config.num_perm))
    mh.update_batch([" ".join(words[i:i + n]).encode("utf-8")
                     for i in range(len(words) - n + 1)])
    assert got.minhash == mh.hashvalues.tobytes() and len(got.minhash) == 8 * config.num_perm


def test_an_older_corpus_has_its_minhashes_computed_again(tmp_path):
    """A corpus from before schema 4 holds MinHashes of crc32 shingle hashes: on the next run
    they are computed again from the stored texts, so a copy in the new run still joins the
    article the corpus already has, and the corpus is marked as schema 4."""
    from newspith.pipeline.dedup import sketch_text

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    html = (EXAMPLES / "harbour-ferry.html").read_bytes()
    (first / "a-original.html").write_bytes(html)
    # A near copy, not an exact one: only the MinHash can tell that it is a copy.
    copy = html.replace(b"Bosses said", b"Its managers said")
    assert copy != html
    (second / "b-copy.html").write_bytes(copy)
    db = tmp_path / "corpus.sqlite"
    assert main(["run", str(first), "--out", str(db), "--quiet"]) == 0
    con = sqlite3.connect(db)
    (id, text), = con.execute("SELECT id, text FROM articles").fetchall()
    right = sketch_text(text).minhash
    # What an older newspith left: other shingle hashes, and schema 3.
    con.execute("UPDATE signatures SET minhash = ? WHERE id = ?", (bytes(len(right)), id))
    con.execute("PRAGMA user_version=3")
    con.commit()
    con.close()

    assert main(["run", str(second), "--out", str(db), "--quiet"]) == 0
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 4
    assert con.execute("SELECT minhash FROM signatures WHERE id = ?", (id,)).fetchone()[0] == right
    clusters = dict(con.execute("SELECT id, cluster FROM clusters").fetchall())
    assert len(clusters) == 2 and set(clusters.values()) == {id}
    keys = {k for k, in con.execute("SELECT key FROM signatures")}
    assert len(keys) == 2  # two texts: the copy joined by its MinHash


def test_signature_texts_are_read_a_batch_at_a_time_while_updated(tmp_path):
    from newspith.io.sqlite import SqliteWriter

    with SqliteWriter(tmp_path / "c.sqlite", commit_every=0) as w:
        for i in range(5):
            w.write({"id": f"p{i}", "ok": True, "text": f"text {i}"}, shard="s")
            w.write_signature(f"p{i}", f"k{i}", None, i, b"old")
        seen = []
        for id, text in w.signature_texts(batch=2):
            w.set_minhash(id, text.encode())  # updated between batches
            seen.append(id)
        assert seen == [f"p{i}" for i in range(5)]
        assert [m for *_, m in w.signatures()] == [f"text {i}".encode() for i in range(5)]


def test_word_string_is_the_lowercased_regex_words_on_any_text():
    """The byte-translation shortcut gives what its definition gives, on news text and on
    random strings of ASCII punctuation, Unicode spaces, letters that change length or form
    when lowercased, digits of other scripts and emoji."""
    import random
    import re

    from newspith.pipeline.dedup import word_string

    def by_definition(text: str) -> str:
        return " ".join(re.findall(r"\w+", text)).lower()

    alphabet = ("aZq_09 \t\n\r\x0b\x0c\x1c\x85.,;:!?'\"-’“”—–…é΃ΣσςİIıẞßǅ٣①²Ⅻ日本"
                "\u0307\u00a0\u2028\u2009\u3000\u200b\u200d\U0001F600\ud800")
    rng = random.Random(7)
    samples = [(EXAMPLES / "harbour-ferry.expected.txt").read_text(encoding="utf-8"),
               "PLAIN ASCII, with_under-scores & 123 numbers.", "", "   ", "’"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
                for _ in range(3000)]
    for text in samples:
        assert word_string(text) == by_definition(text), repr(text)


def test_band_index_finds_what_datasketch_lsh_finds():
    """Same band shape as datasketch's MinHashLSH for a threshold, and the same candidates
    for every query, on articles, their near copies and unrelated texts."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from newspith.config import DedupConfig
    from newspith.pipeline.bands import BandIndex, band_shape
    from newspith.pipeline.dedup import _lean_params, sketch_text

    rng = np.random.default_rng(3)
    vocab = [f"w{i}" for i in range(400)]
    texts = []
    for _ in range(40):
        words = list(rng.choice(vocab, 120))
        texts.append(" ".join(words))
        for changes in (2, 6, 15, 40):  # copies from near to far
            copy = list(words)
            for i in rng.choice(len(copy), changes, replace=False):
                copy[i] = str(rng.choice(vocab))
            texts.append(" ".join(copy))
    for threshold, num_perm in ((0.8, 64), (0.5, 128)):
        config = DedupConfig(threshold=threshold, num_perm=num_perm)
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert band_shape(threshold, num_perm) == (lsh.b, lsh.r)
        ours = BandIndex(*band_shape(threshold, num_perm), num_perm)
        seed, scheme = _lean_params()
        found_any = 0
        for i, text in enumerate(texts):
            values = sketch_text(text, config).minhash
            mh = LeanMinHash(seed=seed, scheme=scheme,
                             hashvalues=np.frombuffer(values, np.uint32))
            expected = lsh.query(mh)
            assert ours.query(values) == set(expected), i
            found_any += bool(expected)
            lsh.insert(str(i), mh)
            ours.insert(str(i), values)
        assert found_any > 10  # copies were found: not a comparison of empty sets only


def test_band_index_keeps_apart_values_of_another_width():
    from newspith.pipeline.bands import BandIndex

    index = BandIndex(2, 2, 4)
    index.insert("narrow", bytes(16))
    assert index.query(bytes(32)) == set()
    assert index.query(bytes(16)) == {"narrow"}
    import pytest

    with pytest.raises(ValueError):
        index.query(bytes(10))
    with pytest.raises(ValueError):
        BandIndex(3, 2, 4)


def test_an_article_matching_two_clusters_joins_them():
    """A near copy of two articles that are not copies of each other (they agree on 70% of
    their MinHash values, under the 0.8 threshold) joins both into one cluster, named after the
    first read, whatever order the three arrive in."""
    import itertools

    import numpy as np

    from newspith.pipeline.dedup import Sketch, similarity

    base = np.arange(64, dtype=np.uint32) + 100
    left = base.copy()
    right = base.copy()
    right[:19] += 1000            # 45 of 64 values shared with left
    middle = base.copy()
    middle[:9] = right[:9]        # 55 of 64 shared with each
    sketches = {"left": left.tobytes(), "right": right.tobytes(), "m": middle.tobytes()}
    assert similarity(sketches["left"], sketches["right"], 64) < 0.8
    assert similarity(sketches["m"], sketches["left"], 64) >= 0.8
    assert similarity(sketches["m"], sketches["right"], 64) >= 0.8
    orders = {"left": 1, "right": 2, "m": 3}
    alone = Deduper()
    for name in ("left", "right"):
        alone.add_sketch(name, Sketch(name, sketches[name]), order=orders[name])
    assert alone.clusters()["right"].cluster == "right"  # not copies of each other
    for names in itertools.permutations(sketches):
        d = Deduper()
        for name in names:
            d.add_sketch(name, Sketch(name, sketches[name]), order=orders[name])
        c = d.clusters()
        assert {c[n].cluster for n in sketches} == {"left"} and c["m"].size == 3, names


def test_near_copies_are_found_above_the_threshold_and_not_below():
    """Candidates come from banding tuned below the threshold and are checked against it:
    copies whose shingle sets agree about 0.88 are clustered (banding for 0.8 alone, without
    the lower candidate threshold, found 43 of these 60); texts that agree 0.4 are not."""
    import random

    rng = random.Random(5)
    words = [f"w{i}" for i in range(5000)]
    found = apart = 0
    for k in range(60):
        base = [rng.choice(words) for _ in range(400)]
        near = list(base)
        for i in rng.sample(range(400), 5):  # about 0.88 of the 5-shingles shared
            near[i] = rng.choice(words)
        far = list(base)
        for i in rng.sample(range(400), 40):  # about 0.4
            far[i] = rng.choice(words)
        d = Deduper()
        d.add("base", " ".join(base), order=0)
        d.add("near", " ".join(near), order=1)
        d.add("far", " ".join(far), order=2)
        c = d.clusters()
        found += c["near"].cluster == "base"
        apart += c["far"].cluster == "far"
    assert found >= 57 and apart == 60


def test_clusters_do_not_depend_on_arrival_order():
    """Articles with near copies, exact copies and loners, added in many shuffled orders (as
    worker processes finish them) with their input order: always the same clusters."""
    import random

    rng = random.Random(11)
    words = [f"w{i}" for i in range(300)]
    texts = {}
    for k in range(12):
        base = [rng.choice(words) for _ in range(150)]
        texts[f"a{k}"] = base
        copy = base
        for j in range(5):  # a chain of copies, each a few words from the one before
            copy = list(copy)
            for i in rng.sample(range(150), 4):
                copy[i] = rng.choice(words)
            texts[f"a{k}c{j}"] = copy
        texts[f"a{k}x"] = list(base)  # an exact copy
    ids = sorted(texts)
    order = {id: n for n, id in enumerate(ids)}
    seen = set()
    for _ in range(8):
        rng.shuffle(ids)
        d = Deduper()
        for id in ids:
            d.add(id, " ".join(texts[id]), order=order[id])
        c = d.clusters()
        seen.add(tuple(sorted((id, m.cluster, m.earliest, m.exact, m.size)
                              for id, m in c.items())))
        assert c["a0x"].cluster == c["a0"].cluster and c["a0x"].exact
    assert len(seen) == 1
