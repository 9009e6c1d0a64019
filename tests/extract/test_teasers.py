"""A closing run of story teasers inside the article's container (``extract.teasers``)."""

from __future__ import annotations

import newspith

from tests.conftest import rules_explain, rules_extract  # the rule phases alone

PARAGRAPH = ("The harbour board voted on Monday to keep the winter ferry running, after a long "
             "meeting in which members weighed the cost of fuel against the needs of islanders. ")
#: An article's own text: five paragraphs of two sentences.
BODY = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(5))


def _page(href: str) -> str:
    items = "".join(
        f'<li><div class="source">Morning News</div><h3><a href="{href}{i}">Other story {i} '
        f'about the coast</a></h3><p>A standfirst of story {i} that tells the reader what '
        f'happened on the coast this week, in a sentence or two.</p></li>' for i in range(6))
    return (f'<html><head><title>Winter ferry kept</title></head><body><div class="story">'
            f'<h1>Winter ferry kept</h1>{BODY}<ul class="stream">{items}</ul></div>'
            f'</body></html>')


def test_a_closing_stream_of_other_stories_is_cut():
    a = rules_extract(_page("/news/other-story-"))
    assert PARAGRAPH.strip() in a.text
    assert "Other story" not in a.text and "standfirst" not in a.text


def test_questions_that_open_on_the_page_are_kept():
    # An FAQ whose headings link to answers on the same page is content, not a stream.
    a = rules_extract(_page("#answer-"))
    assert "Other story 5 about the coast" in a.text and "standfirst of story 5" in a.text


def test_an_article_whose_sections_link_elsewhere_keeps_them():
    # A roundup: each section a linked heading and paragraphs of its own, not a teaser. (Each
    # paragraph is its own text: the same text again elsewhere would be a repeat.)
    intro = "".join(f"<p>{PARAGRAPH * 2}Part {k}.</p>" for k in range(8))
    sections = "".join(
        f'<section><h2><a href="/ferries/{i}">Ferry number {i}</a></h2><p>{PARAGRAPH * 3}'
        f'Ferry {i}.</p><p>{PARAGRAPH * 2}More on ferry {i}.</p></section>' for i in range(5))
    a = rules_extract(f'<html><body><article><h1>The best five ferries</h1>{intro}'
                         f'{sections}</article></body></html>')
    assert all(f"Ferry number {i}" in a.text for i in range(5))
    assert a.text.count(PARAGRAPH.strip()) == 16 + 25


def test_bare_linked_subheads_with_long_paragraphs_are_kept():
    intro = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(8))
    parts = "".join(f'<h3><a href="/place/{i}">Harbour number {i}</a></h3><p>{PARAGRAPH * 5}</p>'
                    for i in range(6))
    a = rules_extract(f'<html><body><article><h1>Harbours</h1>{intro}{parts}</article>'
                         f'</body></html>')
    assert all(f"Harbour number {i}" in a.text for i in range(6))
    assert a.text.count(PARAGRAPH.strip()) == 16 + 30


def _read_more_page(ending: str) -> str:
    items = "".join(
        f'<li><h3>Other story {i} about the coast</h3><p class="text">A standfirst of story {i} '
        f'that tells the reader what happened on the coast this week. '
        f'<a href="/news/detail/{i}">{ending}</a></p><p class="date">2012-11-0{i}</p></li>'
        for i in range(5))
    return (f'<html><body><div id="main"><h1>Winter ferry kept</h1>{BODY}</div>'
            f'<div id="more"><ul>{items}</ul></div></body></html>')


def test_unlinked_headlines_whose_standfirst_links_on_are_cut():
    # The headline is plain text; the item's link is the "Read more..." that ends its standfirst.
    a = rules_extract(_read_more_page("Read more..."))
    assert PARAGRAPH.strip() in a.text
    assert "Other story" not in a.text and "standfirst" not in a.text


def test_unlinked_headlines_without_a_read_more_link_are_kept():
    # The same items whose standfirsts end in an ordinary link: sections of the page, kept.
    a = rules_extract(_read_more_page("the harbour board"))
    assert "Other story 4 about the coast" in a.text


def test_read_more_is_the_links_own_text():
    from newspith.extract.rules import is_read_more
    assert is_read_more("Read more...") and is_read_more("[Read more]") and is_read_more("Mehr »")
    assert not is_read_more("nicht mehr") and not is_read_more("I read more")


def test_answers_that_end_in_a_word_like_more_are_kept():
    # An FAQ whose answers end with an ordinary link followed by "mehr" in the sentence: the
    # answers are content, not teasers.
    items = "".join(
        f'<h3>Frage {i} zum Hafen</h3><p>Die Antwort {i} steht im <a href="/regel/{i}">Regelwerk'
        f'</a> und gilt seit Mai nicht mehr</p>' for i in range(4))
    a = rules_extract(f"<html><body><article><h1>Hafen</h1>{BODY}{items}</article>"
                         f"</body></html>")
    assert "Frage 3 zum Hafen" in a.text and "Die Antwort 3" in a.text


def test_the_read_more_link_is_the_one_checked():
    # A standfirst with an in-page note link before its "Read more...": the run is still cut.
    page = _read_more_page("Read more...").replace(
        "what happened on the coast", 'what <a href="#note">happened</a> on the coast')
    a = rules_extract(page)
    assert "Other story" not in a.text and PARAGRAPH.strip() in a.text
