import json

import newspith

from tests.conftest import EXAMPLES


def test_every_block_has_a_decision_and_a_reason():
    ex = newspith.explain((EXAMPLES / "storm-blog.html").read_bytes())
    assert ex.strategy == "container" and "entry-content" in ex.container
    assert all(d.reason for d in ex.blocks)
    kept = [d.text for d in ex.blocks if d.kept]
    assert ex.article.text.startswith(kept[0])  # the decisions are the article's body
    reasons = {d.reason for d in ex.blocks if not d.kept}
    assert "outside the chosen container" in reasons
    assert any(d.reason == "link-dense" and d.text.startswith("Read more") for d in ex.blocks)


def test_explanation_matches_the_article():
    html = (EXAMPLES / "harbour-ferry.html").read_bytes()
    ex = newspith.explain(html)
    assert ex.article == newspith.extract(html)
    assert json.loads(json.dumps(ex.to_dict()))["strategy"] == "container"
    assert "+ [prose]" in ex.to_text() and "- [" in ex.to_text()


def test_a_shop_button_between_paragraphs_is_not_rescued_as_a_list():
    para = ("<p>The pack carried a full day's gear on the ridge walk, and the hip belt kept the "
            "weight off the shoulders even on the steep descent back to the car park.</p>")
    links = ('<div><a href="/a">Ridge walks near the harbour</a> · '
             '<a href="/b">The coastal path in winter</a></div>')
    button = '<div><a href="https://shop.example/pack">Check price at REI</a></div>'
    html = (f"<html><body><article><h1>Trail pack review</h1>{para * 3}{links}{para * 2}"
            f"{button}{para * 2}</article></body></html>")
    ex = newspith.explain(html)
    kept = {d.text: d for d in ex.blocks}
    assert kept["Ridge walks near the harbour · The coastal path in winter"].kept
    assert not kept["Check price at REI"].kept
    assert "Check price at REI" not in ex.article.text
