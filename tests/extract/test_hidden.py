"""Hidden elements: skipped, except a page that a script reveals (a content lock)."""

from __future__ import annotations

import newspith

PARAGRAPH = ("The harbour board voted on Monday to keep the winter ferry running, after a long "
             "meeting in which members weighed the cost of fuel against the needs of islanders. ")
STORY = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(4))


def _page(main: str, extra: str = "") -> str:
    return (f"<html><head><title>Winter ferry kept</title></head><body><header><a href='/'>"
            f"Home</a></header><main>{main}</main>{extra}</body></html>")


def test_a_hidden_element_beside_the_article_is_skipped():
    a = newspith.extract(_page(STORY + '<div style="display: none">A hidden promo that the '
                               "reader never sees on the page, however long it is, and it is "
                               "long enough to read as a paragraph of prose.</div>"))
    assert PARAGRAPH.strip() in a.text and "hidden promo" not in a.text


def test_a_page_hidden_until_a_script_runs_is_read():
    # A content lock hides the whole body with an inline style until its script has run; what
    # it hides in turn (a popup, keyword spans) stays hidden.
    inner = ('<p style="display:none">seo junk keywords</p>'
             '<div class="popup" style="display: none"><p>Subscribe now to read every story of '
             "the harbour and the islands, with our newsletter each morning.</p></div>")
    a = newspith.extract(_page(f'<div class="lock-content" style="display:none;">{STORY}'
                               f"{inner}</div>"))
    assert a.text.count(PARAGRAPH.strip()) == 8
    assert "seo junk" not in a.text and "Subscribe now" not in a.text


def test_a_hidden_dialog_beside_a_shelf_stays_hidden():
    # The page shows little prose (a shelf of products); its one hidden element is a dialog
    # holding a small share of the page's text: no script reveals the page, the dialog stays.
    items = "".join(f'<li><a href="/p/{i}">Projector model number {i} with a long name</a> '
                    f"<span>${i}99.00</span></li>" for i in range(40))
    dialog = (f'<div class="policy" style="display:none"><h3>Pricing policy</h3>'
              f"<p>{PARAGRAPH * 2}</p><p>{PARAGRAPH * 2}</p></div>")
    a = newspith.extract(_page(f'<h1>Projectors</h1><ul class="products">{items}</ul>{dialog}'))
    assert "Projector model number 39" in a.text
    assert "harbour board" not in a.text


def test_hidden_slides_are_not_read():
    # A slideshow shows one slide and hides the others, one element each: no single element
    # hides the page, so only what shows is read.
    slides = "".join(f'<div class="slide" style="display:none"><p>{PARAGRAPH}</p></div>'
                     for _ in range(8))
    a = newspith.extract(_page(f"<h1>Winter ferry kept</h1><p>Fourteen ways to cross.</p>"
                               f"{slides}"))
    assert "harbour board" not in a.text


def test_text_for_screen_readers_only_is_skipped():
    # Shops label every price for screen readers ("Regular price", "Unit price / per"); themes
    # hide skip links the same way. A sighted reader sees none of it.
    price = ('<p><span class="visually-hidden visually-hidden--inline">Regular price</span> '
             '<span class="price">$19.99</span></p>')
    a = newspith.extract(_page(f'<a class="skip-link sr-only" href="#main">Skip to the story</a>'
                               f"{STORY}{price}"
                               '<p><span class="screen-reader-text">Opens in a new window</span>'
                               "</p>"))
    assert a.text.count(PARAGRAPH.strip()) == 8
    assert "Regular price" not in a.text and "Skip to the story" not in a.text
    assert "Opens in a new window" not in a.text


def test_a_hiding_class_hides_like_an_inline_style():
    # Bootstrap's hidden, hide and d-none hide an element until a script shows it: a hidden
    # widget beside the article is skipped, one shown again at some width or state is read.
    widget = ('<div class="hidden"><p>Tweets about the ferry from readers who wrote '
              "to us all week long about the crossing, the fares and the timetable.</p></div>")
    wide = ('<div class="d-none d-lg-block"><p>The board will meet again in March to set the '
            "summer timetable and the fares for the season ahead of the first crossing.</p></div>")
    a = newspith.extract(_page(STORY + widget + wide))
    assert "Tweets about the ferry" not in a.text
    assert "meet again in March" in a.text


def test_a_page_a_hiding_class_hides_until_a_script_runs_is_read():
    # The whole page sits in <div class="root hide"> until its script has run; a popup it
    # hides in turn stays hidden.
    popup = ('<div class="hide"><p>Subscribe now to read every story of the harbour and the '
             "islands, with our newsletter each morning.</p></div>")
    a = newspith.extract(_page(f'<div class="root hide">{STORY}{popup}</div>'))
    assert a.text.count(PARAGRAPH.strip()) == 8
    assert "Subscribe now" not in a.text


def test_a_forms_messages_before_it_is_sent_are_hidden():
    # Webflow prints a form's success and failure messages into the page, hidden by its CSS
    # until the form is sent.
    form = ('<div class="w-form"><form><input name="email"></form>'
            '<div class="w-form-done"><div>Thank you! Your submission has been received and '
            'we will write back to you about the ferry within two working days.</div></div>'
            '<div class="w-form-fail"><div>Oops! Something went wrong while submitting the '
            'form, so please try again later or write to the harbour board.</div></div></div>')
    a = newspith.extract(_page(STORY + form))
    assert PARAGRAPH.strip() in a.text
    assert "submission has been received" not in a.text and "Oops" not in a.text
