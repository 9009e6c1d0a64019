"""Repeated blocks: a text the page shows again elsewhere is read once; a refrain stays."""

from __future__ import annotations

import newspith
from newspith.extract.explain import explain

PARAGRAPH = ("The harbour board voted on Monday to keep the winter ferry running, after a long "
             "meeting in which members weighed the cost of fuel against the needs of islanders. ")


def _page(main: str) -> str:
    return (f"<html><head><title>Winter ferry kept</title></head><body><main>{main}</main>"
            "</body></html>")


def _listing(body: str) -> str:
    """A page declaring itself a collection (its body is the page's), around ``body``."""
    ld = '{"@context": "https://schema.org", "@type": "CollectionPage", "name": "Ferry news"}'
    return _page(body).replace("<head>", f'<head><script type="application/ld+json">{ld}</script>')


def _cards(depth: int) -> str:
    """Three story cards, each with a link label saying its title above the title, the label
    nested in ``depth`` more boxes."""
    return "".join(f'<div class="story">{"<div>" * depth}<a class="story-link" href="/s/{i}">'
                   f'Ferry news {i} from the harbour</a>{"</div>" * depth}<div class="story-body">'
                   f'<h2><a href="/s/{i}">Ferry news {i} from the harbour</a></h2><p>{PARAGRAPH}'
                   f'</p></div></div>' for i in range(3))


def _story(i: int) -> str:
    return f"<p>{PARAGRAPH} Part {i} of the story, with the names of the members.</p>"


def test_a_text_shown_again_in_another_box_is_read_once():
    # The same call to action in a phone and a desktop layout; the same standfirst in a pull box.
    call = "Get the island newsletter delivered to your inbox every morning at six"
    html = _page(f'<div class="story">{_story(1)}{_story(2)}</div>'
                 f'<div class="cta-mobile"><p>{call}</p></div>'
                 f'<div class="story-more">{_story(3)}</div>'
                 f'<section class="cta-desktop"><div><p>{call}</p></div></section>')
    a = newspith.extract(html)
    assert a.text.count(call) == 1
    assert "Part 3 of the story" in a.text


def test_a_refrain_in_the_same_setting_stays():
    # The same text in the same setting is the page's own rhythm (a label under every item).
    items = "".join(f'<div class="item"><h3>Ferry {i}</h3><p>{PARAGRAPH}</p>'
                    f'<p class="verdict">What we like about it</p></div>' for i in range(4))
    a = newspith.extract(_page(items))
    assert a.text.count("What we like about it") == 4
    assert a.text.count(PARAGRAPH.strip()) == 4


def test_headings_and_table_cells_may_repeat():
    rows = "".join(f"<tr><td>Route {i}</td><td>Daily service</td></tr>" for i in range(4))
    html = _page(f"<h2>Winter timetable</h2>{_story(1)}<table><tr><th>Route</th><th>Days</th></tr>"
                 f"{rows}</table>{_story(2)}<div class='recap'><h2>Winter timetable</h2>"
                 f"<p>{PARAGRAPH} And the recap of the routes.</p></div>")
    a = newspith.extract(html)
    assert a.text.count("Winter timetable") == 2
    assert a.text.count("Daily service") == 4


def test_explain_names_a_repeat():
    call = "Get the island newsletter delivered to your inbox every morning at six"
    html = _page(f'<div class="story">{_story(1)}<p>{call}</p>{_story(2)}</div>'
                 f'<div class="story-end"><div><p>{call}</p></div>{_story(3)}</div>')
    reasons = [b["reason"] for b in explain(html).to_dict()["blocks"] if b["text"] == call]
    assert reasons == ["prose", "a repeat"]


def test_a_heading_goes_with_the_section_it_titles_when_that_is_a_copy():
    # A site builder prints the article once per screen size; each layout has its headings.
    section = (f"<h2>Fuel costs</h2>{_story(1)}<h3>Islanders' needs</h3>{_story(2)}"
               f"<h2>What happens next</h2>{_story(3)}")
    html = _page(f'<div class="variant-desktop"><div class="rich">{section}</div></div>'
                 f'<div class="variant-phone"><div class="rich">{section}</div></div>')
    a = newspith.extract(html)
    for title in ("Fuel costs", "Islanders' needs", "What happens next"):
        assert a.text.count(title) == 1, title
    assert a.text.count("Part 3 of the story") == 1


def test_a_cards_link_label_that_repeats_its_heading_is_read_once():
    # A feed's story cards carry a link label with the title's words just above the title.
    a = newspith.extract(_listing(_cards(0)))
    assert a.page_type in ("listing", "collection")
    for i in range(3):
        assert a.text.count(f"Ferry news {i} from the harbour") == 1
    # The same words in a block of their own further off stay (a recap is no label).
    html = _page(f"<p>Ferry news 7 from the harbour</p>{_story(1)}{_story(2)}"
                 f"<h2>Ferry news 7 from the harbour</h2>{_story(3)}")
    assert newspith.extract(html).text.count("Ferry news 7 from the harbour") == 2


def test_a_label_far_from_its_heading_is_no_label():
    # The label's fourth ancestor, not its third, holds the heading: two boxes, not one card.
    a = newspith.extract(_listing(_cards(4)))
    assert a.text.count("Ferry news 1 from the harbour") == 2


def test_a_heading_whose_other_copies_went_keeps_its_words_once():
    # A card's label says its title, so the label goes; the title, seen before in the label's
    # setting, heads a story repeated from another layout: it stays, as the words' one copy.
    card = (f'<div class="story"><a class="story-link" href="/s/1">Ferry news from the harbour'
            f'</a><div class="story-body"><h2>Ferry news from the harbour</h2>{_story(1)}'
            f'</div></div>')
    html = _listing(f'<div class="desktop">{_story(1)}</div><section class="phone">{card}'
                    f'</section>')
    assert newspith.extract(html).text.count("Ferry news from the harbour") == 1
