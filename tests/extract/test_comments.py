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


def test_a_posts_share_menu_and_author_column_stay_out_of_a_forum_body():
    # Invision: every post sits in a comment region, so its share menu and the poster's
    # column are read by their own names ("cPostShareMenu", "ipsEntry__author-column").
    import newspith
    said = ("I tried the new timetable and the ferry was on time every morning this week, "
            "which has not happened before on this route.")
    posts = "".join(
        f'<article class="ipsComment"><aside class="ipsEntry__author-column"><ul>'
        f'<li>Location:</li><li>Lisbon, Portugal</li></ul></aside>'
        f'<div class="ipsComment_content"><p>Post {i}: {said}</p>'
        f'<div class="cPostShareMenu"><h5>Link to comment</h5><h5>Share on other sites</h5>'
        f'</div></div></article>' for i in range(5))
    html = (f'<html><body><h1>Is the new ferry timetable better?</h1>'
            f'<div class="ipsComments">{posts}</div></body></html>')
    a = newspith.extract(html, url="https://forum.example/topic/123-ferry-timetable/")
    assert a.page_type == "forum"
    assert "Post 0:" in a.text and "Post 4:" in a.text
    assert "Link to comment" not in a.text and "Lisbon" not in a.text
