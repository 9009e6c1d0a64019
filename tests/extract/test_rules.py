"""Class-name hints (``rules.element_hint``): what each kind of word does to an element."""

from __future__ import annotations

import pytest

from newspith.extract import rules
from newspith.extract.rules import SOFT, STRONG, WEAK, classes, element_hint, is_comment_region

from tests.conftest import rules_explain, rules_extract  # the rule phases alone

FERRY = "The ferry will run twice a day from May, the harbour board said on Monday. "


@pytest.mark.parametrize("names, hint", [
    ("comments", -STRONG), ("sharebar", -STRONG), ("c-share-bar", -STRONG), ("ad", -STRONG),
    ("header", -WEAK), ("top", -WEAK), ("widget", -SOFT),
    ("article-body", STRONG), ("articleBody", STRONG), ("c-article-body", STRONG),
    ("story", WEAK), ("news-item", WEAK),
    ("content-sidebar", -STRONG),          # furniture beats content on one element
    ("tag-sports", 0), ("has-sidebar", 0),  # CMS taxonomy names what a page is, not a role
    ("layout-sidebar-left", 0),             # a grid, not a sidebar
    ("elementor-widget-container", 0),      # a page builder's own words
    ("kt-adv-heading356_3fb368-c9", 0),     # Kadence's "advanced heading", not an advert
    ("node--promoted", 0), ("subscription-eligible", 0),  # states of an item, not promos
    ("entry-author-aws_evangelist", 0), ("entry-author", -STRONG),  # TypePad's post classes
    ("entry-author-box", -STRONG), ("entry-author-bio", -STRONG),  # an author box still is
    ("author-jsmith", 0), ("author-bio-box", -STRONG), ("author__info", -STRONG),  # so is
    ("author_bio", -STRONG), ("authorbox", -STRONG), ("about-the-author", -STRONG),  # a bio
    ("sticky-ad-enabled", -STRONG), ("promo-disabled", -STRONG),  # furniture words still count
    ("kt-sidebar", -STRONG), ("kb-related", -STRONG),  # not Kadence's own words
    ("adapter", 0), ("loaded", 0),          # exact words are whole tokens only
    ("css-1dbjc4n r-13awgt0", 0), ("", 0),
    ("Comments: 12", -STRONG),              # an aria-label, read word by word
    ("vjs-control-bar", -STRONG), ("yvp-settings-header", -STRONG),  # video players' chrome
    ("sc-bdVaJW", 0),                       # a hashed styled-components name ending in "JW"
    # hidden on phones: a secondary column (soft: strong only outside a content region)
    ("elementor-hidden-mobile", -SOFT), ("hidden-xs", -SOFT), ("hide-for-small", -SOFT),
    ("desktop-only", -SOFT), ("visible-lg", -SOFT),
    ("is-hidden-mobile", -SOFT), ("hide-for-small-only", -SOFT),
    ("hidden-md", 0), ("hidden-lg", 0), ("hidden", 0), ("visible-xs", 0),
    ("show-large-image", 0),
    # forum post chrome: signatures, the poster's card, permalink numbers, quote expanders
    ("signature", -STRONG), ("message-signature", -STRONG), ("postprofile", -STRONG),
    ("message-userExtras", -STRONG), ("userTitle message-userTitle", -STRONG),
    ("message-attribution-opposite", -STRONG), ("bbCodeBlock-expandLink", -STRONG),
    ("message-user", 0), ("signature-pad-wrapper", -STRONG),
])
def test_element_hints(names, hint):
    assert element_hint(names) == hint


def test_digits_do_not_make_new_names():
    classes._name_flags.cache_clear()
    for n in range(500):
        assert element_hint(f"comment-{n} reply-{n}x") == -STRONG
        assert is_comment_region(f"comment-{n}")
    # Every "comment-N" and "reply-Nx" is one entry, whatever N.
    assert classes._name_flags.cache_info().currsize == 2
    assert element_hint("sidebar2") == element_hint("sidebar") == -STRONG


def test_comment_regions_in_other_languages():
    assert is_comment_region("kommentare-liste") and is_comment_region("reacties")
    assert not is_comment_region("share-tools") and not is_comment_region("article-body")


def test_replies_are_comment_regions():
    # A forum's replies (article.reply) are its posts; on a news page, reader comments.
    assert is_comment_region("reply reply_2322459") and is_comment_region("replies")
    import newspith
    replies = "".join(f'<article class="reply"><p>Reply {i}: {FERRY}</p></article>'
                      for i in range(3))
    html = (f'<html><body><article class="topic"><h1>First trip to the harbour</h1>'
            f'<p>{FERRY * 3}</p></article><section class="replies">{replies}</section>'
            f'</body></html>')
    forum = rules_extract(html, url="https://forum.example/t/first-trip/387270")
    assert forum.page_type == "forum" and "Reply 2:" in forum.text
    story = rules_extract(html, url="https://paper.example/2024/05/first-trip")
    assert "Reply 0:" not in story.text and len(story.comments) == 3


def test_an_id_made_from_its_heading_is_not_a_role():
    """Sphinx and Markdown renderers name sections after their titles: "shared" is no share bar."""
    para = "<p>" + "Pushing draft changesets to another repository stays a draft. " * 6 + "</p>"
    page = (f"<html><body><div class='body'><h1>Guide</h1>{para * 3}"
            f"<div class='section' id='sharing-with-a-shared-repository'>"
            f"<h2>Sharing with a shared repository</h2>{para.replace('Pushing', 'Pulling')}</div>"
            f"<div class='share-tools' id='share-this-page'><p>Share this page</p></div>"
            f"</div></body></html>")
    text = rules_extract(page).text
    assert "Pulling draft" in text and "Sharing with a shared repository" in text
    assert "Share this page" not in text


def test_utility_classes_name_no_role_but_labels_still_do():
    # Tailwind's variants ("print:", "md:") and arbitrary values style an element; the words
    # in them ("print", "sidebar") say nothing of its role. An aria-label with a colon does.
    prose = FERRY * 6
    page = (f'<html><body><main><p class="mx-auto print:break-inside-avoid md:sidebar-open '
            f'w-[calc(100%-2rem)]">{prose}</p></main>'
            f'<div aria-label="Comments: 2"><p>{prose[:150].upper()}</p></div></body></html>')
    from newspith.extract.explain import explain

    decisions = {b.text[:20]: b for b in explain(page).blocks}
    assert decisions[prose[:20]].kept
    assert not decisions[prose[:20].upper()].kept
    assert is_comment_region("Comments: 2")


def test_a_video_players_controls_stay_out_of_the_body():
    prose = FERRY * 6
    controls = ("<div class='video-js vjs-paused'><div class='vjs-big-play-button'><span "
                "class='vjs-control-text'>Play Video</span></div><div class='vjs-control-bar'>"
                "<div class='vjs-current-time'><span class='vjs-control-text'>Current Time "
                "</span>0:00</div><div class='vjs-live-display'>Stream Type LIVE</div></div></div>")
    page = f"<html><body><article><p>{prose}</p>{controls}<p>{prose}</p></article></body></html>"

    text = rules_extract(page).text
    assert prose.strip()[:40] in text
    assert "Play Video" not in text and "Current Time" not in text and "LIVE" not in text


def test_a_column_hidden_on_phones_stays_out_of_the_body():
    # A page builder's two columns: the post, and a column of other prose that phones never
    # show. Both read as prose, so without the class their common parent is the body.
    prose = FERRY * 5
    side = ("<h3>Why islanders want a bridge</h3><p>" + "Islanders have asked for a bridge for "
            "thirty years, and the council has said no each time it was asked. " * 3 + "</p>") * 2
    page = (f"<html><body><div class='e-con e-parent'><div class='e-con e-child'><h1>Ferry</h1>"
            f"<p>{prose}</p><p>{prose}</p></div><div class='e-con elementor-hidden-mobile'>"
            f"<h2>Latest news</h2>{side}</div></div></body></html>")
    text = rules_extract(page).text
    assert prose.strip() in text
    assert "bridge" not in text and "Latest news" not in text
    # The same column without the class is read as part of the post.
    assert "bridge" in rules_extract(page.replace(" elementor-hidden-mobile", "")).text


def _form_page(fields: str) -> str:
    prose = FERRY * 5
    form = ("<form action='/subscribe'><p>Get our free guide to the islands.</p>"
            "<div><label>First Name*</label></div><div><label>Company*</label></div>"
            f"<div><label>Phone*</label>{fields}</div>"
            "<div>This field is for validation purposes and should be left unchanged.</div>"
            "</form>")
    return (f"<html><body><div class='post'><h1>Ferry</h1><p>{prose}</p>{form}<p>{prose}</p>"
            f"</div></body></html>")


def test_a_sign_up_form_inside_the_post_stays_out_of_the_body():
    text = rules_extract(_form_page("<input type='email' name='em'>")).text
    assert "harbour board" in text
    assert "First Name" not in text and "validation purposes" not in text
    # A form that asks for no way to reach the reader (a shop's compare boxes) is read as
    # any other region.
    assert "First Name" in rules_extract(_form_page("<input type='checkbox' name='cmp'>")).text


@pytest.mark.parametrize("title, ends", [
    ("Related stories", True), ("Read This Next", True), ("Keep reading:", True),
    ("More stories", True), ("You may also be interested in", True), ("Also read", True),
    ("Comments (12)", True), ('92 Responses to "Depth Compositing"', True),
    ("15 thoughts on “The ferry”", True), ("1,204 thoughts on “The ferry”", True),
    ("One response to “A long title for a post about the harbour board's new ferry timetable”",
     True),
    ("Three thoughts on the budget", False), ("5 thoughts on the new timetable", False),
    # Words an article's own section titles use: not an end.
    ("Up next for the council", False), ("More on the ferry", False), ("Latest figures", False),
    ("Recent posts:", True), ("Latest Articles", True), ("Popular stories", True),
    ("More like this", True), ("Recent changes to the timetable", False),
])
def test_titles_that_end_an_article(title, ends):
    assert rules.is_section_end(title) is ends


def test_a_read_this_next_box_after_the_article_is_cut():
    prose = FERRY * 5
    box = "".join(f"<p>Story {i} of the week, told again in a sentence for those who missed it."
                  f"</p>" for i in range(3))
    paras = "".join(f"<p>{prose}</p>" for _ in range(4))
    text = rules_extract(f"<html><body><article><h1>Ferry</h1>{paras}<h3>Read This Next</h3>{box}"
                   f"</article></body></html>").text
    assert "harbour board" in text and "Story 1 of the week" not in text


@pytest.mark.parametrize("line, is_button", [
    ("Check price at Amazon", True), ("Check Price at REI (on sale!)", True), ("Buy now", True),
    ("See price at Backcountry", True), ("Read full review", True), ("Visit website", True),
    ("The price of fuel", False), ("Read the review of the ferry", False), ("Book", False),
    ("See on page 12", False), ("Shop at home", False), ("Where to buy", False),
])
def test_shop_buttons_are_boilerplate(line, is_button):
    assert rules.is_boilerplate_phrase(line) is is_button


def test_an_accordion_marked_as_a_tab_list_is_read():
    # role="tablist" on an accordion whose panel holds the episode's transcript: a tab list is
    # a row of short tab names, which weigh as short lines anyway; the role is no furniture.
    import newspith
    transcript = "".join(f"<p>Part {i}: {FERRY * 3}</p>" for i in range(6))
    html = ('<html><body><main><article><h1>Episode 12</h1><p>Show notes: the ferry and the '
            'harbour board, with a guest from the port.</p></article>'
            '<div id="info" role="tablist"><div class="card"><h5><a href="#t">Transcript</a>'
            f'</h5><div id="t" role="tabpanel" class="collapse">{transcript}</div></div></div>'
            '</main></body></html>')
    a = rules_extract(html)
    assert "Part 0:" in a.text and "Part 5:" in a.text


def test_runs_of_uuids_are_machine_text():
    ids = ["9303097a-d3e5-41e1-baf5-303640756ebf", "2bf8403c-6590-4d73-8b16-95f6c3ecdef8",
           "84f535a2-9d93-4358-b5a8-c77d761c12e9", "74566818-87fa-4f92-a44b-1994747f4b09"]
    assert rules.is_machine_text("".join(c + i for c, i in zip("Spon", ids)))  # eBay's label
    assert not rules.is_machine_text("Take note of the UUID - eg. " + ids[0])
    assert not rules.is_machine_text('{"ids": ["' + '", "'.join(ids[:3]) + '"]}')  # a sample
    assert not rules.is_machine_text(f"{ids[0]} and {ids[1]} are the two disks; the third "
                                     "one, the backup drive, shows no UUID at all in the list")
    import newspith
    html = (f"<html><body><article><h1>Kettle</h1><p>{FERRY * 3}</p>"
            f"<div>{'X'.join(ids)}</div><p>{FERRY * 2}</p></article></body></html>")
    assert ids[0] not in rules_extract(html).text


def test_an_image_address_alone_is_machine_text_and_a_page_address_is_not():
    thumb = "https://cdn.example.com/s-hsi95/images/stencil/160x160/5001/WEB_THUMB_Bone.jpg"
    assert rules.is_machine_text(thumb) and rules.is_machine_text(thumb + "?c=2")
    assert not rules.is_machine_text("https://www.example.com/2012/08/03/ferry-plan-agreed")
    assert not rules.is_machine_text(f"The photo is at {thumb}")
    import newspith
    swatches = "".join(f"<p>swatch_{c}:</p><p>{thumb.replace('Bone', c)}</p>"
                       for c in ("Bone", "Navy", "Ecru", "Camel"))
    html = (f"<html><body><article><h1>Staple tee</h1><p>{FERRY * 3}</p>{swatches}"
            f"<p>{FERRY * 3}</p></article></body></html>")
    text = rules_extract(html).text
    assert "WEB_THUMB" not in text and text.count("harbour board") == 6


@pytest.mark.parametrize("line, is_label", [
    ("5 min read", True), ("12 Min Read", True), ("Reading time: 7 minutes", True),
    ("3-5 min read", True), ("5 Min. Lesezeit", True), ("Lectura de 5 minutos", True),
    ("12 minutes", False), ("Cook time 10 min", False), ("Read the minutes", False),
])
def test_reading_time_labels_are_boilerplate(line, is_label):
    assert rules.is_boilerplate_phrase(line) is is_label


def test_a_carousels_cloned_slides_are_read_once():
    import newspith
    slides = "".join(f'<div class="slick-slide{c}"><p>Slide {i}: {FERRY}</p></div>'
                      for c, i in (("  slick-cloned", 2), ("", 0), ("", 1), ("", 2),
                                   (" slick-cloned", 0)))
    html = (f"<html><body><article><h1>Harbour in pictures</h1><p>{FERRY * 3}</p>"
            f'<div class="gallery-track">{slides}</div><p>{FERRY * 2}</p></article></body></html>')
    text = rules_extract(html).text
    assert [text.count(f"Slide {i}:") for i in range(3)] == [1, 1, 1]


def test_a_related_box_in_mid_article_does_not_end_it():
    box = "".join(f'<li><a href="/s/{i}">Story {i} of the week</a></li>' for i in range(3))
    paras = [f"<p>Part {i}: {FERRY * 4}</p>" for i in range(7)]
    # The box comes after the body's first half, with more than a third of its prose to follow.
    html = (f"<html><body><article><h1>Ferry</h1>{''.join(paras[:4])}"
            f"<h3>You may also like</h3><ul>{box}</ul>{''.join(paras[4:])}"
            f"</article></body></html>")
    text = rules_extract(html).text
    assert "Part 0:" in text and "Part 6:" in text


def test_link_lists_between_paragraphs_of_a_flat_post_are_kept():
    # The post's paragraphs and its lists of linked changes are siblings under one <div>: the
    # best single subtree is a paragraph, and the body is their parent.
    changes = "".join(f'<li><a href="https://git.example/pr/{i}">Fix ferry timetable import '
                      f'number {i} (fixes #{i})</a></li>' for i in range(6))
    html = (f'<html><body><div class="post"><h1>Development update</h1><div class="md">'
            f'<p>{FERRY * 2}</p><h2>alice</h2><ul>{changes}</ul><p>{FERRY * 2}</p>'
            f'</div></div><div class="sidebar"><a href="/">Home</a></div></body></html>')
    text = rules_extract(html).text
    assert "Fix ferry timetable import number 0" in text and "number 5" in text


def test_a_link_list_between_joined_sibling_sections_is_kept():
    links = "".join(f'<li><a href="/t/{i}">Timetable for route {i} in winter</a></li>'
                    for i in range(40))
    html = (f'<html><body><div class="wrap"><div class="s1"><p>{FERRY * 3}</p><p>{FERRY * 2}</p>'
            f'</div><ul>{links}</ul><div class="s2"><p>{FERRY * 3}</p><p>{FERRY}</p></div>'
            f'</div><div class="sidebar"><a href="/">Home</a></div></body></html>')
    text = rules_extract(html).text
    assert "Timetable for route 0 in winter" in text and text.count("harbour board") == 9


@pytest.mark.parametrize("line, furniture", [
    ("This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.",
     True),
    ("Please enable JavaScript to view the comments.", True),
    ("Your browser does not support the video tag.", True),
    ("Your browser doesn’t support the video tag.", True),
    ("The ferry's new browser-based booking system opens on Monday.", False),
    ("JavaScript developers met at the harbour hall on Tuesday.", False),
    ("The Perseids are best viewed in the hours before dawn.", False),
    ("The new dashboard requires JavaScript and a recent browser.", False),
    ("When JavaScript is disabled, the page falls back to plain links.", False),
    ("If your browser doesn't support WebGPU, the demo runs on the CPU.", False),
    ("Keeping an up-to-date browser protects against the exploit.", False),
])
def test_notes_on_the_readers_browser_are_furniture(line, furniture):
    assert rules.is_furniture(line) is furniture


def test_a_data_tables_linked_cells_are_content():
    rows = "".join(f'<tr><td>{1901 + i}</td><td><a href="/wiki/P{i}">Laureate {i} of physics</a>'
                   f'</td><td><a href="/wiki/C{i}">Laureate {i} of chemistry</a></td></tr>'
                   for i in range(6))
    table = f"<table><tr><th>Year</th><th>Physics</th><th>Chemistry</th></tr>{rows}</table>"
    menu = "".join(f'<tr><td><a href="/m/{i}">Menu link {i}</a></td></tr>' for i in range(6))
    html = (f"<html><body><div class='page'><div class='content'><h1>List of laureates</h1>"
            f"<p>{FERRY * 3}</p>{table}<p>{FERRY * 2}</p></div>"
            f"<table class='x'>{menu}</table></div></body></html>")
    text = rules_extract(html).text
    assert "Laureate 0 of physics" in text and "Laureate 5 of chemistry" in text
    assert "Menu link" not in text


@pytest.mark.parametrize("line, is_meta", [
    ("12 likes", True), ("1 Like", True), ("3 replies", True), ("Posts: 1,204", True),
    ("812 posts · Joined 2019", True), ("Join date: Mar 2014", True), ("Quote", True),
    ("Last edited: Jul 3, 2024", True), ("Click to expand...", True), ("Jump to latest", True),
    ("Improve this answer", True), ("See similar questions with these tags.", True),
    ("Sign up to request clarification or add additional context in comments.", True),
    ("Original post", False), ("Likes and dislikes", False), ("The 12 likes we counted", False),
    ("Posts from the archive", False), ("Reply to the council's letter", False),
])
def test_a_forum_posts_furniture_is_boilerplate(line, is_meta):
    assert rules.is_boilerplate_phrase(line) is is_meta


def test_the_box_about_the_writer_is_not_the_story():
    import newspith
    bio = ("Jane Doe is a reporter covering transport and the harbour for the paper, and "
           "has written about ferries since 2009.")
    for box in ("author-bio", "author__info", "authorbox"):
        html = (f'<html><body><article class="post author-jdoe"><h1>Ferry plan agreed</h1>'
                f'<p>{FERRY * 4}</p><div class="{box}"><p>{bio}</p></div></article>'
                f'</body></html>')
        a = rules_extract(html, url="https://paper.example/2024/05/ferry-plan-agreed")
        assert FERRY.strip() in a.text and "Jane Doe is a reporter" not in a.text, box


def test_notice_regions():
    for names in ("cmplz-cookiebanner cmplz-hidden", "modal-body", "newsletter-signup",
                  "ConsentManager", "site-alert"):
        assert rules.is_notice_region(names), names
    for names in ("tools__item", "hero banner", "product-card", ""):
        assert not rules.is_notice_region(names), names


def test_frame_region_words_start_a_token():
    assert rules.is_frame_region("FooterUpper") and rules.is_frame_region("sidebar_list")
    assert rules.is_frame_region("anchor anchorWithStickyNavbar_LWe7")
    assert rules.is_frame_region("main-nav")
    assert not rules.is_frame_region("navy-theme") and not rules.is_frame_region("footnote")
    assert not rules.is_frame_region("slider__slide")


def test_shelf_titles_of_other_products():
    for title in ("Customers also viewed", "Similar items", "Guests also viewed",
                  "Others Like You Also Bought:", "Get the look", "Shoppers also purchased"):
        assert rules.is_recommend_title(title), title
    for title in ("Product details", "The look of the season", "Also bought by the museum"):
        assert not rules.is_recommend_title(title), title
