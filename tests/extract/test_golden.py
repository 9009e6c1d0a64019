"""Golden pages: the project's own sample pages against the hand-written article bodies, and
against the exact outputs recorded by ``scripts/regen_golden.py``."""

import json
from pathlib import Path

import pytest

import newspith
from newspith.bench.metric import shingle_scores

from tests.conftest import EXAMPLES, rules_extract, sample_pages

GOLDEN = Path(__file__).parent / "golden"
PAGES = sample_pages()


def test_there_are_sample_pages():
    assert len(PAGES) >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_body_matches_what_a_reader_wants(page):
    expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
    article = newspith.extract(page.read_bytes())
    score = shingle_scores(expected, article.text)
    assert score.precision >= 0.97 and score.recall >= 0.97, (score, article.text[:500])
    assert article.is_article


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_output_is_unchanged(page):
    golden = json.loads((GOLDEN / (page.stem + ".json")).read_text(encoding="utf-8"))
    assert newspith.extract(page.read_bytes()).to_dict() == golden, (
        "extractor output changed: review it, then run scripts/regen_golden.py")


def test_cp1252_page_is_decoded_from_its_meta():
    a = newspith.extract((EXAMPLES / "berlin-verkehr.html").read_bytes())
    assert (a.encoding, a.encoding_source, a.language) == ("cp1252", "meta", "de")
    assert "Straßenbahn" in a.title and "„" in a.text


def test_page_with_lying_meta_comes_out_right():
    a = newspith.extract((EXAMPLES / "lying-charset.html").read_bytes())
    assert a.encoding == "utf-8"
    assert "José Núñez" in a.title and "Ã" not in a.text


def test_typed_blocks_on_sample_pages():
    kinds = {p.stem: {b.kind.value for b in newspith.extract(p.read_bytes()).blocks} for p in PAGES}
    assert "table" in kinds["budget-vote"]
    assert {"list", "heading"} <= kinds["harbour-ferry"]
    # A figure's caption is typed a caption where the body holds it (the rules' body here; the
    # learned model leaves captions out of a news story, as the news sets' truth does).
    rules = {b.kind.value for b in rules_extract((EXAMPLES / "harbour-ferry.html").read_bytes())
             .blocks}
    assert "caption" in rules
    assert "embed" in kinds["storm-blog"]
    assert "quote" in kinds["lying-charset"]


def test_embedded_post_is_an_embed_block():
    a = newspith.extract((EXAMPLES / "storm-blog.html").read_bytes())
    embed = next(b for b in a.blocks if b.kind.value == "embed")
    assert embed.author == "Ashby County EMA (@AshbyCountyEMA)"
    assert embed.url and "/status/" in embed.url
    assert "pic.twitter.com/" in embed.text and "—" not in embed.text


def test_table_keeps_rows_and_header():
    a = newspith.extract((EXAMPLES / "budget-vote.html").read_bytes())
    table = next(b for b in a.blocks if b.kind.value == "table")
    assert table.header and len(table.rows) >= 3
    assert len({len(r) for r in table.rows}) == 1
    assert "|---|" in a.to_markdown()


def test_metadata_from_json_ld_and_meta():
    a = newspith.extract((EXAMPLES / "budget-vote.html").read_bytes())
    assert len(a.authors) == 2
    assert a.published is not None and a.published.utcoffset() is not None
    assert a.site_name and a.url and a.url.startswith("https://")
