"""The document the project started from (../shared/examples/aleppo/), skipped when absent."""

import html

import newspith
from newspith.bench.metric import shingle_scores
from newspith.decode import repair_text


def _article(shared_dir) -> str:
    return (shared_dir / "examples" / "aleppo" / "article.txt").read_text(encoding="utf-8")


def test_mojibake_in_article_txt_is_repaired(shared_dir):
    text = _article(shared_dir)
    assert "â€”" in text
    fixed = repair_text(text)
    assert "â€”" not in fixed and "— ICRC Syria (@ICRC_sy)" in fixed


def test_article_in_a_page_comes_out_whole_and_repaired(shared_dir):
    text = _article(shared_dir)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    nav = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(12))
    related = "".join(f'<li><a href="/r/{i}">Another headline number {i} about the war</a></li>'
                      for i in range(25))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = (f"<html><head><title>Syrian Government Recaptures All of Aleppo From Rebels - ABC "
            f"News</title></head><body><nav><ul>{nav}</ul></nav><div class=share>Shares</div>"
            f"<article><h1>Syrian Government Recaptures All of Aleppo From Rebels</h1>{body}"
            f"</article><aside class=related><ul>{related}</ul></aside><footer>© 2016 ABC News"
            f"</footer></body></html>")
    a = newspith.extract(page.encode("utf-8"))
    assert a.repaired and "â€”" not in a.text
    expected = repair_text("\n\n".join(paragraphs))
    score = shingle_scores(expected, a.text)
    assert score.precision >= 0.97 and score.recall >= 0.97
    assert "Another headline" not in a.text and "Shares" not in a.text
