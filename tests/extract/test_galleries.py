"""A counted slideshow in mid-article (``extract.galleries``) and slide counters (``rules``)."""

from __future__ import annotations

import pytest

import newspith
from newspith.extract import rules

from tests.conftest import rules_explain, rules_extract  # the rule phases alone

PARAGRAPH = ("The harbour board voted on Monday to keep the winter ferry running, after a long "
             "meeting in which members weighed the cost of fuel against the needs of islanders. ")


def _gallery(n: int = 12) -> str:
    slides = "".join(
        f"<li><h2>{i}/{n} Market story {i}</h2><p>A caption of slide {i} about shares, the "
        f"markets and a company that did something notable on the exchange this week.</p></li>"
        for i in range(1, n + 1))
    return (f'<div class="widget type-gallery"><h2 class="gallery-title">Business in pictures'
            f'</h2><ul class="legends">{slides}</ul></div>')


def _page(before: int, after: int, n: int = 12) -> str:
    head = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(before))
    tail = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(after))
    return (f"<html><head><title>Winter ferry kept</title></head><body><article>"
            f"<h1>Winter ferry kept</h1>{head}{_gallery(n)}{tail}</article></body></html>")


def test_a_gallery_between_parts_of_the_article_leaves_the_body():
    a = rules_extract(_page(4, 2))
    assert a.text.count(PARAGRAPH.strip()) == 2 * 6
    assert "Market story" not in a.text and "caption of slide" not in a.text
    assert "Business in pictures" not in a.text  # its title goes with it


def test_the_gallery_does_not_send_the_page_down_the_ladder():
    # Fifty slides outweigh the article's prose: set aside, they do not make the body "too
    # small a share of the page" (which would hand the page to the prose rung, slides and all).
    ex = rules_explain(_page(3, 2, n=50))
    assert "caption of slide" not in ex.article.text
    assert ex.article.text.count(PARAGRAPH.strip()) == 2 * 5
    assert ex.strategy == "container"
    assert {d.reason for d in ex.blocks if "caption of slide" in d.text} == {"inline gallery"}


def test_a_photo_story_keeps_its_slides():
    # The slides are the story: nothing of the article follows them.
    a = rules_extract(_page(1, 0))
    assert "1/12 Market story 1" in a.text and "caption of slide 12" in a.text


def test_a_short_run_is_no_gallery():
    a = rules_extract(_page(4, 2, n=3))
    assert "caption of slide 3" in a.text


def _wrapped(slides: str, cls: str = "widget type-gallery") -> str:
    head = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(4))
    tail = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(2))
    return (f"<html><body><article><h1>Winter ferry kept</h1>{head}<div class=\"{cls}\">"
            f"{slides}</div>{tail}</article></body></html>")


def _captions(n: int, counter) -> str:
    return "".join(f"{counter(i)}<p>A caption of slide {i} about shares, the markets and a "
                   f"company that did something notable on the exchange.</p>"
                   for i in range(1, n + 1))


def test_a_numbered_thread_is_no_gallery():
    # Posts numbered 1/5 … 5/5 between paragraphs: the counter, but no slideshow's name.
    a = rules_extract(_wrapped(_captions(5, lambda i: f"<h3>{i}/5 Officials said</h3>"),
                                  cls="thread"))
    assert "caption of slide 5" in a.text


def test_counters_alone_on_their_lines_still_mark_the_gallery():
    # "Image 3 of 12" alone is a control (not kept), yet it counts the slides.
    a = rules_extract(_wrapped(_captions(12, lambda i: f"<div>Image {i} of 12</div>")))
    assert "caption of slide" not in a.text and a.text.count(PARAGRAPH.strip()) == 12


def test_a_repeated_counter_continues_its_run():
    # "1/6" above "1/6 Title": one slide, not a new run.
    a = rules_extract(_wrapped(_captions(
        6, lambda i: f"<span>{i}/6</span><h3>{i}/6 Market story {i}</h3>")))
    assert "caption of slide" not in a.text and "Market story" not in a.text


def test_a_gallery_with_two_runs_is_cut_once():
    # Both runs lie in one widget: the second finds it gone (and nothing breaks).
    run = _captions(4, lambda i: f"<h3>{i}/4 Market story {i}</h3>")
    a = rules_extract(_wrapped(f"<ul class=\"slides\">{run}{run}</ul>"))
    assert "caption of slide" not in a.text and a.text.count(PARAGRAPH.strip()) == 12


@pytest.mark.parametrize("text, counter", [
    ("3/50 Star Wars boosts economy", (3, 50)), ("Image 3 of 12", (3, 12)),
    ("Foto 2 von 9", (2, 9)), ("10/19/2012", None), ("12/08.", None), ("7/5 odd", None),
    ("1/1 alone", None), ("24 of the best walks", None), ("3of5 stars", None)])
def test_slide_counter(text, counter):
    assert rules.slide_counter(text) == counter


@pytest.mark.parametrize("text, alone", [
    ("3 of 6", True), ("Image 3/12", True), ("Photo 2 of 9", True),
    ("4/5", False),  # a rating, as often as a counter
    ("3 of 6 people", False), ("10/19/2012", False)])
def test_a_counter_alone_on_its_line_is_a_control(text, alone):
    assert rules.is_slide_counter(text) is alone
    assert rules.is_boilerplate_phrase(text) is alone
