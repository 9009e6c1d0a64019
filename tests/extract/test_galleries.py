"""A counted slideshow in mid-article (``extract.galleries``) and slide counters (``rules``)."""

from __future__ import annotations

import pytest

import newspith
from newspith.extract import rules

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
    a = newspith.extract(_page(4, 2))
    assert a.text.count(PARAGRAPH.strip()) == 2 * 6
    assert "Market story" not in a.text and "caption of slide" not in a.text
    assert "Business in pictures" not in a.text  # its title goes with it


def test_the_gallery_does_not_send_the_page_down_the_ladder():
    # Fifty slides outweigh the article's prose: set aside, they do not make the body "too
    # small a share of the page" (which would hand the page to the prose rung, slides and all).
    ex = newspith.explain(_page(3, 2, n=50))
    assert "caption of slide" not in ex.article.text
    assert ex.article.text.count(PARAGRAPH.strip()) == 2 * 5
    assert ex.strategy == "container"
    assert {d.reason for d in ex.blocks if "caption of slide" in d.text} == {"inline gallery"}


def test_a_photo_story_keeps_its_slides():
    # The slides are the story: nothing of the article follows them.
    a = newspith.extract(_page(1, 0))
    assert "1/12 Market story 1" in a.text and "caption of slide 12" in a.text


def test_an_unordered_or_short_run_is_no_gallery():
    a = newspith.extract(_page(4, 2, n=3))
    assert "caption of slide 3" in a.text


@pytest.mark.parametrize("text, counter", [
    ("3/50 Star Wars boosts economy", (3, 50)), ("Image 3 of 12", (3, 12)),
    ("Foto 2 von 9", (2, 9)), ("10/19/2012", None), ("12/08.", None), ("7/5 odd", None),
    ("1/1 alone", None), ("24 of the best walks", None)])
def test_slide_counter(text, counter):
    assert rules.slide_counter(text) == counter


@pytest.mark.parametrize("text, alone", [
    ("3 of 6", True), ("Image 3/12", True), ("Photo 2 of 9", True),
    ("4/5", False),  # a rating, as often as a counter
    ("3 of 6 people", False), ("10/19/2012", False)])
def test_a_counter_alone_on_its_line_is_a_control(text, alone):
    assert rules.is_slide_counter(text) is alone
    assert rules.is_boilerplate_phrase(text) is alone
