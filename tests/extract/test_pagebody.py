"""Bodies of pages that are not articles (``extract.pagebody``), and the region retry."""

from __future__ import annotations

import newspith
from newspith.extract.pagetype import declared_points

from tests.conftest import rules_explain, rules_extract  # the rule phases alone

PROSE = ("The council met on Tuesday to discuss the harbour budget, and members argued for an "
         "hour about the ferry timetable before they agreed to a plan for next year. ")


def _teasers(n: int) -> str:
    return "".join(
        f'<div class="card"><h3><a href="/news/{i}">Headline number {i} about the harbour</a>'
        f'</h3><a href="/news/{i}">Short summary {i} of the story</a></div>' for i in range(n))


def _tag_page(top: str, lead: str, end: str = "") -> str:
    """A tag page: ``top`` before <main>, then ``lead``, 25 teasers and a share bar in it."""
    return (f'<html><body>{top}<main>{lead}{_teasers(25)}'
            f'<div class="share-bar">Share this page</div></main>{end}</body></html>')


def test_a_declared_listing_keeps_its_items():
    html = _tag_page('<div class="masthead-promo">Subscribe to the paper today</div>',
                     "<h1>Harbour news</h1>", "<footer>Contact the paper</footer>")
    a = rules_extract(html, url="https://paper.example/tag/harbour/")
    assert a.page_type == "listing" and not a.is_article
    assert "Headline number 0 about the harbour" in a.text
    assert "Headline number 24 about the harbour" in a.text
    assert "Short summary 24" in a.text
    # Furniture inside <main>, and text outside it, stay out.
    assert "Share this page" not in a.text and "Subscribe" not in a.text
    assert "Contact the paper" not in a.text


def test_a_news_story_with_heavy_menus_stays_an_article_body():
    menus = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(60))
    html = (f'<html><body><div class="top"><ul>{menus}</ul></div><div class="story">'
            f'<h1>Ferry plan agreed</h1><p>{PROSE * 3}</p><p>{PROSE * 2}</p></div></body></html>')
    for url in ("https://paper.example/2024/05/ferry-plan-agreed", None):
        a = rules_extract(html, url=url)
        assert "Section 3" not in a.text and PROSE.strip() in a.text, url


def test_a_short_story_is_not_replaced_by_its_page():
    # 2 short paragraphs (under 350 prose characters) among 150 menu links: still the story.
    menus = "".join(f'<li><a href="/s/{i}">Section number {i}</a></li>' for i in range(150))
    html = (f'<html><head><meta property="og:type" content="article"></head><body>'
            f'<div class="top"><ul>{menus}</ul></div><div class="story"><h1>Ferry plan agreed</h1>'
            f'<p>{PROSE}</p></div></body></html>')
    a = rules_extract(html, url="https://paper.example/2024/05/ferry-plan-agreed")
    assert a.page_type == "article"
    assert PROSE.strip() in a.text and "Section number 3" not in a.text


def test_a_page_of_items_without_prose_is_read_whole():
    # No declaration at all, and no running text: the article ladder finds almost nothing.
    rows = "".join(f'<div class="item"><div>Model {i}</div><div>$ {100 + i}.00</div>'
                   f'<div>Steel, {i} kg, in stock</div></div>' for i in range(60))
    html = f'<html><body><div id="grid">{rows}</div></body></html>'
    a = rules_extract(html)
    assert "Model 0" in a.text and "Model 59" in a.text and "Steel, 30 kg" in a.text
    assert not a.is_article


def test_a_page_of_a_few_words_gives_them():
    a = rules_extract('<html><body><a href="javascript:"><p>abc</p><p>def</p>ghi</a>'
                         '</body></html>')
    assert a.text.split() == ["abc", "def", "ghi"] and not a.is_article


def test_forum_posts_are_the_body():
    posts = "".join(
        f'<li class="comment"><div class="comment-author">user{i}</div>'
        f'<div class="comment-body"><p>Post {i}: I tried the new timetable and the ferry was '
        f'on time every morning this week, which has not happened before.</p></div></li>'
        for i in range(6))
    html = (f'<html><body><h1>Is the new ferry timetable better?</h1><div class="post">'
            f'<p>{PROSE}</p></div><ol class="comments">{posts}</ol></body></html>')
    form = ('<div class="comment-respond"><h3>Leave a reply</h3><form><p>Name *</p>'
            '<p>Website</p></form></div>')
    html = html.replace("</ol>", "</ol>" + form)
    forum = rules_extract(html, url="https://forum.example/t/ferry-timetable/123")
    assert forum.page_type == "forum"
    assert "Post 0:" in forum.text and "Post 5:" in forum.text and not forum.comments
    assert "Name *" not in forum.text and "Website" not in forum.text  # a form, not a post
    # The same page as a news story: the thread is reader comments, kept apart.
    story = rules_extract(html, url="https://paper.example/2024/05/ferry-timetable")
    assert "Post 0:" not in story.text and len(story.comments) == 6


def test_prose_under_a_misleading_class_word_is_found():
    # "nav" in the body's class name: the body holds almost all of the page's running text.
    menus = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(150))
    html = (f'<html><body><div class="menu"><ul>{menus}</ul></div>'
            f'<h1>Ferry plan agreed</h1><div class="content-nav-section">'
            f'<p>{PROSE * 3}</p><p>{PROSE * 2}</p><p>{PROSE}</p></div></body></html>')
    a = rules_extract(html)
    assert a.text.count(PROSE.strip()) == 6 and "Section 3" not in a.text


def test_a_wordpress_post_id_is_not_a_home_page():
    assert declared_points("https://blog.example/?p=34503", frozenset(), None)["service"] == 0
    assert declared_points("https://blog.example/", frozenset(), None)["service"] > 0
    assert declared_points("https://shop.example/?utm_source=tw", frozenset(), None)["service"] > 0


def test_host_names_and_thread_paths_vouch_for_forums_and_docs():
    def points(url: str) -> dict[str, float]:
        return declared_points(url, frozenset(), None)

    assert points("https://forum.example.org/some-question-about-ferries")["forum"] > 0
    assert points("https://community.example.com:8443/x/17")["forum"] > 0
    assert points("https://www.example.com/showthread.php?t=186269")["forum"] > 0
    assert points("https://example.com/thread-222085.html")["forum"] > 0
    assert points("https://docs.example.com/guide/install")["documentation"] > 0
    assert points("https://www.example.com/forum-of-ideas-essay")["forum"] == 0
    assert points("https://paper.example/2024/05/ferry")["forum"] == 0


def _catalogue(long_item_class: str) -> str:
    # A table of 70 books, one with a long note: the article ladder's best subtree is that
    # one cell, which holds a small share of the page's text.
    rows = "".join(
        f'<tr><td><a href="/book/{i}">Book number {i} on harbours</a></td>'
        f'<td><a href="/author/{i}">Author {i}</a></td><td>Printed in 19{i:02d}, 240 pages</td>'
        f'</tr>' for i in range(70))
    long_note = f'<tr><td class="{long_item_class}">{PROSE * 3}</td></tr>'
    return f'<html><body><h1>Books on harbours</h1><table>{long_note}{rows}</table></body></html>'


def test_a_listing_whose_longest_item_won_is_read_whole():
    a = rules_extract(_catalogue(""))
    assert a.page_type != "article"
    assert "Book number 0 on harbours" in a.text and "Book number 69 on harbours" in a.text
    assert "Printed in 1917" in a.text


def test_a_container_named_content_keeps_a_short_body():
    # The same page where the long cell names itself content: its body is trusted.
    a = rules_extract(_catalogue("entry-content"))
    assert PROSE.strip() in a.text and "Printed in 1917" not in a.text


def _cards_page(main_tag: str) -> str:
    # 20 cards, one with a long description the article ladder picks; no declared type.
    cards = "".join(
        f'<div class="c"><h3><a href="/item/{i}">Item number {i} for the harbour</a></h3>'
        f'<a href="/maker/{i}">Maker {i}</a><span>In stock</span></div>' for i in range(20))
    long_card = f'<div class="c"><h3>Item of the week</h3><p>{PROSE * 3}</p></div>'
    side = "".join(f'<p><a href="/s/{i}">Side link {i}</a></p>' for i in range(30))
    return (f'<html><body><div class="side">{side}</div><{main_tag} class="x">'
            f'<h1>Harbour goods</h1>{long_card}{cards}</{main_tag}></body></html>')


def test_a_page_typed_by_shape_reads_its_main_region():
    a = rules_extract(_cards_page("main"))
    assert a.page_type != "article"
    assert "Item number 0 for the harbour" in a.text and "Item number 19 for the harbour" in a.text
    assert "Side link 3" not in a.text


def test_without_a_main_region_the_article_body_stays():
    # An old page has no <main>: a box of prose among link lists is still its story.
    a = rules_extract(_cards_page("div"))
    assert PROSE.strip() in a.text and "Item number 19 for the harbour" not in a.text


def _qa_page() -> str:
    def post(kind: str, i: int, remarks: int) -> str:
        notes = "".join(
            f'<li class="comment"><span class="comment-copy">Remark {i}.{j}: does this still '
            f'hold for the winter timetable, when the early boats do not run?</span> '
            f'<a class="comment-user">reader{j}</a></li>' for j in range(remarks))
        return (f'<div class="{kind}"><div class="post-layout"><div class="postcell">'
                f'<div class="post-text"><p>{kind.title()} {i}: {PROSE}</p></div></div>'
                f'<div class="comments"><ul class="comments-list">{notes}</ul></div>'
                f'</div></div>')
    answers = "".join(post("answer", i, 2) for i in range(1, 4))
    return (f'<html><body><div id="mainbar"><h1>How early does the first ferry leave?</h1>'
            f'{post("question", 0, 3)}<div id="answers">{answers}</div></div></body></html>')


def test_remarks_under_each_post_of_a_qa_page_stay_comments():
    a = rules_extract(_qa_page(), url="https://ask.example/questions/4417/first-ferry")
    assert a.page_type == "forum"
    assert all(f"{k} {i}:" in a.text for k, i in
               (("Question", 0), ("Answer", 1), ("Answer", 2), ("Answer", 3)))
    assert "Remark" not in a.text
    assert len(a.comments) == 9 and a.comments[0].startswith("Remark 0.0:")


def test_replies_that_each_read_as_a_thread_stay_posts():
    # Each reply is its own comment region, all hanging from one element beside the question:
    # they are the thread's posts, not remarks under posts.
    replies = "".join(
        f'<article class="comment-entry"><p>Reply {i}: the ferry ran on time all week and '
        f'the new timetable suits the early shift at the harbour much better.</p></article>'
        for i in range(4))
    html = (f'<html><body><div class="thread"><article class="topic"><h1>Is the new ferry '
            f'timetable better?</h1><p>{PROSE}</p></article><div class="posts">{replies}</div>'
            f'</div></body></html>')
    a = rules_extract(html, url="https://forum.example/t/ferry-timetable/123")
    assert a.page_type == "forum"
    assert all(f"Reply {i}:" in a.text for i in range(4)) and not a.comments


def test_a_forums_thread_after_its_title_is_the_body():
    answers = "".join(f'<div class="answer"><p>Answer {i}: {PROSE}</p></div>' for i in range(3))
    html = (f'<html><body><div id="mainbar"><h1>How early does the first ferry leave?</h1>'
            f'<div class="question"><p>{PROSE * 2}</p></div><h2>3 Replies</h2>{answers}</div>'
            f'</body></html>')
    forum = rules_extract(html, url="https://ask.example/questions/4417/first-ferry")
    assert forum.page_type == "forum"
    assert all(f"Answer {i}:" in forum.text for i in range(3))
    # On a news page the same title ends the article.
    story = rules_extract(html, url="https://paper.example/2024/05/first-ferry")
    assert "Answer 0:" not in story.text


def test_remarks_under_answers_after_a_thread_title_stay_comments():
    # The answers follow a "3 Replies" title (the article ladder cuts there); the remarks under
    # the question and each answer still stay comments.
    page = _qa_page().replace('<div id="answers">', '<h2>3 Replies</h2><div id="answers">')
    a = rules_extract(page, url="https://ask.example/questions/4417/first-ferry")
    assert a.page_type == "forum" and "Answer 3:" in a.text
    assert "Remark" not in a.text and len(a.comments) == 9


def test_a_listings_pitch_under_a_furniture_name_is_kept_in_main():
    # A page builder's hero "banner" inside <main> holds the page's pitch: running text, so
    # content; the share bar in <main> and a banner outside it stay out.
    html = _tag_page('<div class="banner">Free shipping over $50</div>',
                     '<div class="banner has-hover"><div class="banner-inner"><h2>Harbour news'
                     f'</h2><p>{PROSE}</p></div></div>')
    a = rules_extract(html, url="https://paper.example/tag/harbour/")
    assert a.page_type == "listing"
    assert PROSE.strip() in a.text and "Headline number 24 about the harbour" in a.text
    assert "Share this page" not in a.text and "Free shipping" not in a.text


def test_an_article_body_that_is_a_sliver_of_main_gives_way_to_main():
    # A recipe index declares itself an Article; the ladder finds its one-line intro, a sliver
    # of the text in <main>, whose 40 linked cards are the page.
    ld = ('{"@context": "https://schema.org", "@type": "Article", '
          '"headline": "Tomato Sauce Recipes"}')
    cards = "".join(f'<div class="card"><a href="/r/{i}"><span>Slow-cooked tomato sauce '
                    f'recipe number {i} with basil</span></a></div>' for i in range(40))
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            '<header><a href="/">Home</a></header><main><section><div class="top"><h1>Tomato '
            'Sauce Recipes</h1><div class="intro"><div>Our collection of tomato sauce recipes '
            'has something for every dish, from a quick marinara to a slow Sunday gravy.</div>'
            f'</div></div><div class="grid">{cards}</div></section></main></body></html>')
    a = rules_extract(html, url="https://food.example/tomato-sauce-recipes-5117879")
    assert "quick marinara" in a.text
    assert "recipe number 0 with" in a.text and "recipe number 39 with" in a.text
    # A story that is most of <main> keeps the ladder's body (no cards, no change).
    story = html.replace(cards, "").replace(
        "</section>", "<p>" + "The ferry will run twice a day from May, said the board. " * 9
        + "</p></section>")
    a = rules_extract(story, url="https://food.example/tomato-sauce-recipes-5117879")
    assert "The ferry will run" in a.text and "Home" not in a.text


def test_a_pitch_under_a_furniture_name_is_kept_on_a_page_without_main():
    # A service page with no <main>: its features sit in a "tools" grid and its pitch in a
    # "slider" (both furniture words); its cookie notice and its footer are not its pitch.
    pitch = ("Capture leads from any web page with one click and send them to your pipeline, "
             "with the contact's details filled in for you.")
    tools = "".join(f'<div class="tools__item"><h3 class="tools__title">Tool {i}</h3>'
                    f'<div class="tools__desc">{pitch} Tool {i}.</div></div>' for i in range(4))
    cookie = ("We and our partners use cookies to store and access information on your "
              "device to personalise content and measure how the site is used.")
    footer = ("Acme CRM is made by a small team in Dublin and has helped sales teams follow "
              "up on their leads since 2011, in forty countries.")
    html = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
            ' "@type": "SoftwareApplication", "name": "Acme CRM"}</script></head><body>'
            f'<div class="cookie-banner"><p>{cookie}</p></div>'
            '<div class="hero"><h1>The simple CRM for small teams</h1></div>'
            f'<div class="tools">{tools}</div>'
            f'<footer><p>{footer}</p></footer></body></html>')
    a = rules_extract(html, url="https://acme.example/")
    assert a.page_type == "service"
    assert "Tool 0." in a.text and "Tool 3." in a.text
    assert "cookies" not in a.text and "small team in Dublin" not in a.text


def test_an_article_body_beside_a_main_that_is_a_list_gives_way_to_main():
    # A section front declares itself an Article; the only prose the ladder finds is a browser
    # notice above <main> (over a tenth of the page's text), whose event cards are the page.
    ld = '{"@context": "https://schema.org", "@type": "Article", "headline": "Tech events"}'
    cards = "".join(f'<div class="card"><h3><a href="/e/{i}">Cloud summit number {i}</a></h3>'
                    f'<p>Wed, Mar {i + 1}, 12:00 AM</p></div>' for i in range(24))
    notice = ("Your version of this browser is no longer supported by our site, so some of "
              "the pages may look broken. Please upgrade your browser to the latest version, "
              "or switch to another one, to keep using every feature of the site safely.")
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f'<div class="alert-bar"><div class="cell"><div>{notice}</div></div></div>'
            f'<main><h1>Tech events</h1><div class="results">{cards}</div></main></body></html>')
    a = rules_extract(html, url="https://events.example/d/online/tech-events/")
    assert "Cloud summit number 0" in a.text and "Cloud summit number 23" in a.text
    assert "no longer supported" not in a.text


def test_card_titles_under_furniture_names_are_kept_but_not_a_sidebar_widgets():
    # A service page lays its features out as slides of a "slider" (a furniture word): each
    # slide's title is content. A "sidebar" widget's title and a "FooterUpper" box's are not.
    pitch = ("Capture leads from any web page with one click and send them to your pipeline, "
             "with the contact's details filled in for you.")
    slides = "".join(f'<div class="slider__slide"><h3>Feature number {i}</h3>'
                     f'<div class="slider__text">{pitch}</div></div>' for i in range(4))
    html = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
            ' "@type": "SoftwareApplication", "name": "Acme CRM"}</script></head><body>'
            '<div class="hero"><h1>The simple CRM for small teams</h1></div>'
            f'<div class="slider">{slides}</div>'
            '<div class="sidebar"><div class="widget"><h2>Recent Comments</h2>'
            '<ul><li><a href="/c/1">Ann on pricing</a></li></ul></div></div>'
            '<div class="FooterUpper"><h2>Become a partner</h2></div></body></html>')
    a = rules_extract(html, url="https://acme.example/")
    assert a.page_type == "service"
    assert all(f"Feature number {i}" in a.text for i in range(4))
    assert "Recent Comments" not in a.text and "Become a partner" not in a.text
