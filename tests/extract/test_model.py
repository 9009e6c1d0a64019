"""The learned keep/drop decision: the shipped model, its features, and what it may not decide."""

from __future__ import annotations

import gzip
from importlib import resources

import newspith
from newspith import ExtractConfig
from newspith.extract import run
from newspith.extract.decisions import Reason, label
from newspith.extract.features import FEATURES, context_features, page_features, rules_decide
from newspith.extract.model import MODEL_RESOURCE, facts_of, load_model

from tests.conftest import EXAMPLES

PROSE = ("The harbour board voted on Monday to keep the winter ferry running, after a long "
         "meeting in which members weighed the cost of fuel against the needs of islanders. ")


def _story(extra: str = "") -> str:
    paras = "".join(f"<p>{PROSE}Part {i} of the story goes on for a while yet.</p>"
                    for i in range(6))
    return (f"<html><head><title>Winter ferry kept</title></head><body><header><a href='/'>Home"
            f"</a></header><article><h1>Winter ferry kept</h1>{paras}{extra}</article>"
            f"<footer><p>© 2024 The Harbour Times</p></footer></body></html>")


def test_the_model_ships_inside_the_package_and_matches_the_features():
    path = resources.files(MODEL_RESOURCE[0]) / MODEL_RESOURCE[1]
    assert path.is_file()
    text = gzip.decompress(path.read_bytes()).decode()
    assert text.startswith("tree") and "feature_names=" in text
    assert tuple(load_model().feature_name()) == FEATURES


def test_one_row_of_every_feature_per_block():
    r = run(_story(), config=ExtractConfig(learned=False))
    facts = facts_of(r.ladder.blocks, list(r.rules_kept), r.blocks, r.ladder.container,
                     r.ladder.strategy, r.selection.strategy, r.article.page_type, r.article.title)
    rows = page_features(r.elements, r.blocks, facts)
    assert len(rows) == len(r.blocks) and all(len(row) == len(FEATURES) for row in rows)
    kept = FEATURES.index("final_kept")
    assert [row[kept] for row in rows] == [1.0 if b in r.rules_kept else 0.0 for b in r.blocks]
    # Computed once from the rows: the same page gives the same features.
    again = run(_story(), config=ExtractConfig(learned=False))
    facts2 = facts_of(again.ladder.blocks, list(again.rules_kept), again.blocks,
                      again.ladder.container, again.ladder.strategy, again.selection.strategy,
                      again.article.page_type, again.article.title)
    assert page_features(again.elements, again.blocks, facts2) == rows


def test_the_model_keeps_the_story_and_drops_the_page_chrome():
    a = newspith.extract(_story())
    assert a.text.count("Part ") == 6
    assert "© 2024" not in a.text and "Home" not in a.text


def test_the_model_decides_on_article_pages_and_says_so_in_the_explanation():
    ex = newspith.explain((EXAMPLES / "harbour-ferry.html").read_bytes())
    reasons = {d.reason for d in ex.blocks}
    rules_only = newspith.explain((EXAMPLES / "harbour-ferry.html").read_bytes(),
                                  config=ExtractConfig(learned=False))
    assert ex.article.text != rules_only.article.text  # it moved some block here...
    assert reasons & {label(Reason.MODEL_KEPT), label(Reason.MODEL_DROPPED)}  # ...and says so


def test_machine_text_and_embedded_posts_are_the_rules_to_decide():
    ids = ["9303097a-d3e5-41e1-baf5-303640756ebf", "2bf8403c-6590-4d73-8b16-95f6c3ecdef8",
           "84f535a2-9d93-4358-b5a8-c77d761c12e9", "74566818-87fa-4f92-a44b-1994747f4b09"]
    uuids = "<p>" + "".join(c + i for c, i in zip("Spon", ids)) + "</p>"  # eBay's label
    post = ('<blockquote class="twitter-tweet"><p>Ferry cancelled again this morning, third time '
            'this week.</p>— Harbour Watch (@harbourwatch) <a href="https://twitter.com/x/status/1">'
            'May 2, 2024</a></blockquote>')
    r = run(_story(uuids + post), config=ExtractConfig(learned=False))
    ruled = dict(zip((b.text for b in r.blocks), rules_decide(r.blocks)))
    assert all(own for text, own in ruled.items() if "9303097a" in text)
    assert any(own for text, own in ruled.items() if "Ferry cancelled" in text)
    a = newspith.extract(_story(uuids + post))
    assert "9303097a" not in a.text and "Ferry cancelled again" in a.text


def test_favor_moves_the_thresholds_both_ways():
    html = (EXAMPLES / "harbour-ferry.html").read_bytes()
    sizes = [len(newspith.extract(html, config=ExtractConfig(favor=f)).text.split())
             for f in ("precision", "balanced", "recall")]
    assert sizes[0] <= sizes[1] <= sizes[2]


def test_off_gives_the_rules_body_untouched():
    html = (EXAMPLES / "harbour-ferry.html").read_bytes()
    r = run(html, config=ExtractConfig(learned=False))
    assert r.rules_kept
    assert not {b.reason for b in r.blocks} & {Reason.MODEL_KEPT, Reason.MODEL_DROPPED}


def test_context_features_read_the_neighbours():
    chains = [(1, 0), (2, 0), (3, 0)]
    rows = context_features(chains, [100, 100, 100], [0.9, 0.1, 0.8])
    assert rows[1][0] == 0.1 and rows[1][1] == 0.9 and rows[1][3] == 0.8
    assert rows[0][1] == -1.0  # no block before the first
