import json

import newspith
from newspith.extract.pagetype import PageShape, classify_page

from tests.conftest import EXAMPLES

SHAPE = PageShape(body_chars=300, page_chars=3000, link_blocks=40, blocks=60, code_blocks=0,
                  prices=0, comments=0)


def test_sample_articles_are_articles():
    for page in EXAMPLES.glob("*.html"):
        a = newspith.extract(page.read_bytes())
        assert (a.page_type, a.is_article) == ("article", True), page.name


def test_tag_page_is_a_listing_not_an_article():
    items = "".join(f'<li><h3><a href="/news/{i}">Headline number {i} about the council</a></h3>'
                    f'<a href="/news/{i}">Read</a></li>' for i in range(30))
    html = f"<html><body><h1>Tag: council</h1><ul>{items}</ul></body></html>"
    a = newspith.extract(html, url="https://paper.example/tag/council/")
    assert a.page_type == "listing" and not a.is_article
    assert a.reason == "a listing page, not an article"


def test_product_from_json_ld():
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Kettle",
                     "offers": {"@type": "Offer", "price": "39.00"}})
    body = "<p>" + "A steel kettle that boils fast and pours clean, with a long spout. " * 8
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f"<main><h1>Kettle</h1>{body}</p><p>$39.00</p><button>Add to cart</button></main>"
            "</body></html>")
    a = newspith.extract(html, url="https://shop.example/products/kettle")
    assert a.page_type == "product" and not a.is_article


def test_forum_from_url_and_json_ld():
    kind, points = classify_page("https://forum.example/t/how-to/1234",
                                 frozenset({"discussionforumposting"}), None, SHAPE)
    assert kind == "forum" and points["forum"] > points["article"]


def test_no_evidence_reads_as_article():
    kind, _ = classify_page(None, frozenset(), None, PageShape(300, 400, 0, 3, 0, 0, 0))
    assert kind == "article"
