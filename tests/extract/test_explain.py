import json

import newspith

from tests.conftest import EXAMPLES


def test_every_block_has_a_decision_and_a_reason():
    ex = newspith.explain((EXAMPLES / "storm-blog.html").read_bytes())
    assert ex.strategy == "container" and "entry-content" in ex.container
    assert all(d.reason for d in ex.blocks)
    kept = [d.text for d in ex.blocks if d.kept]
    assert kept[0] == ex.article.title  # the headline opens the body
    reasons = {d.reason for d in ex.blocks if not d.kept}
    assert "outside the chosen container" in reasons
    assert any(d.reason == "link-dense" and d.text.startswith("Read more") for d in ex.blocks)


def test_explanation_matches_the_article():
    html = (EXAMPLES / "harbour-ferry.html").read_bytes()
    ex = newspith.explain(html)
    assert ex.article == newspith.extract(html)
    assert json.loads(json.dumps(ex.to_dict()))["strategy"] == "container"
    assert "+ [prose]" in ex.to_text() and "- [" in ex.to_text()
