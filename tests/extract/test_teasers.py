"""A closing run of story teasers inside the article's container (``extract.teasers``)."""

from __future__ import annotations

import newspith

PARAGRAPH = ("The harbour board voted on Monday to keep the winter ferry running, after a long "
             "meeting in which members weighed the cost of fuel against the needs of islanders. ")


def _page(href: str) -> str:
    items = "".join(
        f'<li><div class="source">Morning News</div><h3><a href="{href}{i}">Other story {i} '
        f'about the coast</a></h3><p>A standfirst of story {i} that tells the reader what '
        f'happened on the coast this week, in a sentence or two.</p></li>' for i in range(6))
    body = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(5))
    return (f'<html><head><title>Winter ferry kept</title></head><body><div class="story">'
            f'<h1>Winter ferry kept</h1>{body}<ul class="stream">{items}</ul></div>'
            f'</body></html>')


def test_a_closing_stream_of_other_stories_is_cut():
    a = newspith.extract(_page("/news/other-story-"))
    assert PARAGRAPH.strip() in a.text
    assert "Other story" not in a.text and "standfirst" not in a.text


def test_questions_that_open_on_the_page_are_kept():
    # An FAQ whose headings link to answers on the same page is content, not a stream.
    a = newspith.extract(_page("#answer-"))
    assert "Other story 5 about the coast" in a.text and "standfirst of story 5" in a.text


def test_a_page_of_a_few_words_gives_them():
    a = newspith.extract('<html><body><a href="javascript:"><p>abc</p><p>def</p>ghi</a>'
                         '</body></html>')
    assert a.text.split() == ["abc", "def", "ghi"] and not a.is_article
