"""Text mode on the project's own sample pages, flattened, and on hand-made dumps."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

import newspith
from newspith.bench.metric import shingle_scores
from newspith.bench.textdump import flat_dump, line_dump
from newspith.decode import decode
from newspith.errors import InputError, TooLargeError
from newspith.config import TextConfig
from newspith.textmode import clean_text, explain_text
from tests.conftest import sample_pages

NAV = "\n".join(["Home", "News", "World", "Sport", "Business", "Opinion", "Culture"])
RELATED = "\n".join(f"Council {w} plan for the {w} bridge as costs rise again"
                    for w in ("backs", "drops", "delays", "revises", "reviews", "doubts"))
BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from May, "
    "after engineers found corrosion in two of its four main supports.",
    "Pedestrians and cyclists will still be able to cross while repairs go on, the council "
    "said, but buses will be diverted through the northern ring road for at least a year.",
    "Shop owners on Quay Street said they feared losing passing trade. \"Half of our "
    "customers come over that bridge,\" said one baker, who asked not to be named.",
]


def _dump(sep: str = "\n") -> str:
    parts = ["Harbour bridge to close to cars from May | The Daily Tide", NAV,
             "Harbour bridge to close to cars from May", "By Ana Lopes and Tom Reid",
             "Share", "Tweet", *BODY, "Related stories", RELATED,
             "© 2024 The Daily Tide. All rights reserved."]
    return sep.join(parts) if sep == "\n" else sep.join(p.replace("\n", sep) for p in parts)


@pytest.mark.parametrize("sep", ["\n", "   "])
def test_body_title_and_byline_from_a_dump(sep):
    a = clean_text(_dump(sep))
    assert a.is_article and a.reason is None
    assert a.title == "Harbour bridge to close to cars from May"
    assert a.authors == ["Ana Lopes", "Tom Reid"]
    score = shingle_scores("\n".join(BODY), a.text)
    assert score.recall == 1.0
    for junk in ("Related stories", "backs plan", "Share", "Tweet", "All rights reserved",
                 "Sport"):
        assert junk not in a.text
    assert a.blocks[0].kind is newspith.BlockKind.HEADING


def test_a_dump_of_boilerplate_only_has_no_article():
    a = clean_text("\n".join([NAV, "Share", "Print", RELATED,
                              "We use cookies to improve your experience. Accept all cookies.",
                              "© 2024 The Daily Tide"]))
    assert a.text == "" and not a.is_article
    assert a.reason and "boilerplate" in a.reason


def test_comments_after_a_thread_title_stay_out():
    comments = ["12 Comments", "jane_doe says:",
                "I cross that bridge every day and this is going to be a nightmare for us all.",
                "old_salt wrote:", "They should have fixed it ten years ago when it was cheap."]
    a = clean_text("\n".join([NAV, "Harbour bridge to close to cars from May", *BODY, *comments]))
    assert "nightmare" not in a.text and "ten years ago" not in a.text
    assert shingle_scores("\n".join(BODY), a.text).recall == 1.0


def test_an_embedded_post_becomes_an_embed_block():
    tweet = ("Traffic already backing up on the ring road this morning. pic.twitter.com/Ab12Cd34")
    text = "\n".join([NAV, BODY[0], BODY[1], tweet,
                      "— Tide Traffic (@tidetraffic) May 2, 2024", BODY[2]])
    a = clean_text(text)
    embeds = [b for b in a.blocks if b.kind is newspith.BlockKind.EMBED]
    assert len(embeds) == 1
    assert embeds[0].url == "https://pic.twitter.com/Ab12Cd34"
    assert embeds[0].author == "Tide Traffic (@tidetraffic)"
    assert "backing up" in a.text


def test_long_runs_without_line_breaks_are_cut_into_paragraphs():
    long = " ".join(BODY * 4)  # one line, single spaces only
    a = clean_text(NAV + "\n" + long)
    paragraphs = [b for b in a.blocks if b.kind is newspith.BlockKind.PARAGRAPH]
    assert len(paragraphs) >= 3
    assert all(len(p.text) <= 2 * TextConfig().paragraph_chars for p in paragraphs)
    assert shingle_scores(long, a.text).recall == 1.0


def test_mojibake_is_repaired_in_the_output():
    text = NAV + "\n" + "\n".join(b.replace("said", "saidâ€”") for b in BODY)
    a = clean_text(text)
    assert a.repaired and "â€" not in a.text and "said—" in a.text


def test_unspaced_script_prose_is_found():
    zh = ["首页", "新闻", "体育",
          "市议会星期二投票决定从五月起禁止汽车通过旧港口大桥，因为工程师在四个主要支撑中的两个发现了腐蚀。",
          "行人和骑自行车的人在维修期间仍然可以通过，但公共汽车将至少绕行北环路一年。",
          "码头街的店主们说，他们担心失去过往的生意，一位面包师说一半的顾客都是从那座桥来的。",
          "版权所有"]
    a = clean_text("\n".join(zh))
    assert "腐蚀" in a.text and "首页" not in a.text and a.is_article


def test_explain_gives_a_reason_for_every_segment():
    e = explain_text(_dump())
    assert len(e.blocks) > 10
    assert all(b.reason for b in e.blocks)
    reasons = {b.reason for b in e.blocks}
    assert {"prose", "byline", "furniture", "headline"} <= reasons
    assert any(b.kept for b in e.blocks) and any(not b.kept for b in e.blocks)


def test_bad_arguments_raise_documented_errors():
    with pytest.raises(InputError):
        clean_text(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(TooLargeError):
        clean_text("x" * 101, config=TextConfig(max_chars=100))


@pytest.mark.parametrize("text", ["", "   \n\t \n", "\x00\x01\x02\x7f" * 50,
                                  "Ωμέγα 漢字 عربي ∑∫ " * 200, "no punctuation at all " * 5000])
def test_odd_input_gives_an_article_not_a_crash(text):
    a = clean_text(text)
    assert isinstance(a, newspith.Article)
    assert a.is_article or a.reason


@pytest.mark.parametrize("page", sample_pages(), ids=lambda p: p.stem)
@pytest.mark.parametrize("form", ["line", "flat"])
def test_sample_pages_flattened_come_back(page, form):
    html = decode(page.read_bytes()).text
    dump = line_dump(html) if form == "line" else flat_dump(html, page.name)
    expected = page.with_suffix("").with_suffix(".expected.txt").read_text(encoding="utf-8")
    # A dump has no markup left to tell a headline or a figure's caption from prose: text mode
    # opens its body with the headline and keeps captions, where extract leaves both out.
    tree = LexborHTMLParser(html)
    title = tree.css_first("h1").text(strip=True)
    captions = [c.text(strip=True) for c in tree.css("figcaption")]
    expected = "\n\n".join([title, expected, *captions])
    a = clean_text(dump)
    score = shingle_scores(expected, a.text)
    assert score.recall >= 0.95 and score.precision >= 0.85, (page.name, form, score)


def test_control_and_zero_width_characters_leave_the_output():
    body = [b.replace("council", "coun\u200bcil\x00").replace("Tuesday ,", "Tuesday,")
            for b in BODY]
    a = clean_text(NAV + "\n" + "\n".join(body).replace("supports.", "supports ."))
    assert "\x00" not in a.text and "\u200b" not in a.text
    assert "council" in a.text and "supports." in a.text and "supports ." not in a.text
