import newspith

from tests.conftest import EXAMPLES


def test_comments_come_apart_from_the_body():
    a = newspith.extract((EXAMPLES / "storm-blog.html").read_bytes())
    assert len(a.comments) == 15
    assert a.comments[0].startswith("Deb from Route 9 says:")
    for comment in a.comments:
        assert comment.split("\n")[-1][:40] not in a.text


def test_one_text_per_comment_in_div_threads():
    a = newspith.extract((EXAMPLES / "budget-vote.html").read_bytes())
    assert len(a.comments) == 5
    assert all("\n" in c for c in a.comments)  # author, time and text of one comment together


def test_comment_sections_in_other_languages():
    a = newspith.extract((EXAMPLES / "berlin-verkehr.html").read_bytes())
    assert len(a.comments) == 5 and "schrieb am" in a.comments[0]


def test_reactions_section_counts_as_comments():
    a = newspith.extract((EXAMPLES / "marche-paris.html").read_bytes())
    assert len(a.comments) == 4 and a.comments[0].startswith("Gaspard_75011")


def test_page_without_comments():
    prose = "<p>" + "A sentence of the story, with words. " * 20 + "</p>"
    a = newspith.extract(f"<html><body><article>{prose}{prose}</article></body></html>")
    assert a.is_article and a.comments == ()
