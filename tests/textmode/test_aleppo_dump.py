"""The document the project started from: ../shared/examples/aleppo/page-dump.txt (skipped when
../shared/ is absent)."""

from __future__ import annotations

import re

import newspith
from newspith.bench.metric import shingle_scores
from newspith.decode import repair_text

TITLE = "Syrian Government Recaptures All of Aleppo From Rebels"


def _expected(shared_dir) -> str:
    """article.txt's paragraphs without its last line and the tweet's attribution, which the
    dump does not contain."""
    text = repair_text((shared_dir / "examples" / "aleppo" / "article.txt").read_text("utf-8"))
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()][:-1]
    return "\n\n".join(re.sub(r"\s*— ICRC Syria \(@ICRC_sy\) December 22, 2016", "", p)
                       for p in paragraphs)


def _dump(shared_dir) -> str:
    return (shared_dir / "examples" / "aleppo" / "page-dump.txt").read_text("utf-8")


def test_the_seed_dump_comes_back_as_the_article(shared_dir):
    dump = _dump(shared_dir)
    a = newspith.clean_text(dump)
    assert a.title == TITLE and a.is_article
    assert not re.search(r"\bShares\b", a.text)
    # The 25 other headlines come after the article's second "Shares"; none may be left.
    tail = re.split(r"\s{3,}Shares\s{3,}", dump)[-1]
    headlines = [h.strip() for h in re.split(r"\s{3,}", tail) if h.strip()]
    assert len(headlines) == 25 and headlines[0] == TITLE
    assert not [h for h in headlines[1:] if h in a.text]
    assert a.text.count(TITLE) == 1  # the headline, once
    score = shingle_scores(_expected(shared_dir), a.text)
    assert score.f1 >= 0.97, score
    body = "\n\n".join(b.text for b in a.blocks if b.kind is not newspith.BlockKind.HEADING)
    assert shingle_scores(_expected(shared_dir), body).f1 >= 0.98


def test_the_seed_tweet_is_an_embed_block(shared_dir):
    a = newspith.clean_text(_dump(shared_dir))
    embeds = [b for b in a.blocks if b.kind is newspith.BlockKind.EMBED]
    assert len(embeds) == 1
    assert embeds[0].url == "https://pic.twitter.com/zzVEsOrWTE"
    assert "@SYRedCrescent volunteers" in embeds[0].text


def test_the_seed_paragraphs_are_rebuilt(shared_dir):
    a = newspith.clean_text(_dump(shared_dir))
    paragraphs = [b for b in a.blocks if b.kind is newspith.BlockKind.PARAGRAPH]
    assert len(paragraphs) >= 5
    assert a.blocks[0].kind is newspith.BlockKind.HEADING and a.blocks[0].text == TITLE
