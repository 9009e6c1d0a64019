"""Metadata: title, authors, dates, site, language, with provenance, on small hand-written pages."""

from datetime import datetime, timedelta, timezone

import pytest

import newspith
from newspith.config import ExtractConfig, MetadataConfig
from newspith.extract.dom import parse
from newspith.extract.metadata import finish_metadata, read_metadata
from newspith.extract.metadata.authors import clean_names
from newspith.extract.metadata.dates import date_from_url, parse_human, parse_machine

BODY = ("<p>" + "The council met on Tuesday evening and argued for hours about the budget. " * 6
        + "</p>")
CFG = MetadataConfig()


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head>{head}</head><body><article>{body}{BODY}</article>'
            "</body></html>")


def md(html: str, url: str | None = None, now: datetime | None = None):
    return read_metadata(parse(html, ExtractConfig(), None, None).tree, url, CFG, now)


# --- title ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Budget passes after long night - WSJ",
                                   "WSJ | Budget passes after long night",
                                   "Budget passes after long night – The Wall Street Journal"])
def test_title_loses_site_name(title):
    html = page(f'<title>{title}</title><meta property="og:site_name" '
                'content="The Wall Street Journal">')
    m = md(html, "https://www.wsj.com/articles/budget")
    assert m.title == "Budget passes after long night"
    assert m.sources["title"] == "title-element"


def test_visible_headline_confirmed_by_og_title_wins():
    html = page('<meta property="og:title" content="How to Build a Terrarium (with Pictures)">'
                "<title>x</title>", "<h1>How to Build a Terrarium</h1>")
    m = md(html)
    assert (m.title, m.sources["title"]) == ("How to Build a Terrarium", "h1")


def test_logo_h1_is_not_the_title():
    html = page('<meta property="og:site_name" content="V8"><title>Outside the web · V8</title>',
                "<h1>V8</h1>")
    assert md(html).title == "Outside the web"


def test_double_escaped_entities_in_og_title():
    html = page('<meta property="og:title" content="Tips &amp;amp; Tricks">')
    assert md(html).title == "Tips & Tricks"


# --- authors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, names", [
    ("By Jane Doe, Senior Reporter", ["Jane Doe"]),
    ("By Ann Lee, Bo Kim and Cy Young", ["Ann Lee", "Bo Kim", "Cy Young"]),
    ("Written by Rob Ewaschuk Edited by Betsy Beyer", ["Rob Ewaschuk"]),
    ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"]),
    ("Par Sébastien Farcis et Marie Dupont", ["Sébastien Farcis", "Marie Dupont"]),
    ("Email the author", []),
    ("Staff", []),
    ("By Reuters Staff", []),
    ("Jane Doe jane@example.com @janedoe", ["Jane Doe"]),
])
def test_byline_cleaning(byline, names):
    assert clean_names(byline, CFG) == names


def test_site_name_is_not_an_author():
    assert clean_names("BBC News", CFG, site=["bbcnews"]) == []
    # ...but a person whose blog is named after them is, when the page says so explicitly.
    assert clean_names("Haki Benita", CFG, site=["hakibenita"], explicit=True) == ["Haki Benita"]


def test_json_ld_author_array_and_graph_references():
    ld = """{"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "headline": "H", "author": [{"@id": "#a"}, {"@type": "Person",
       "name": "Bo Kim"}, {"@type": "Organization", "name": "Acme News"}]},
      {"@type": "Person", "@id": "#a", "name": "Ann Lee"}]}"""
    m = md(page(f'<script type="application/ld+json">{ld}</script>'))
    assert m.authors == ["Ann Lee", "Bo Kim"]
    assert m.sources["authors"] == "json-ld"


def test_malformed_json_ld_is_repaired_or_reported():
    trailing = '{"@type": "Article", "headline": "H", "author": {"name": "Ann Lee"},}'
    m = md(page(f'<script type="application/ld+json">{trailing}</script>'))
    assert m.authors == ["Ann Lee"]
    assert any("trailing commas" in p for p in m.problems)
    broken = md(page('<script type="application/ld+json">{"@type": "Article", "author": </script>'))
    assert broken.authors == [] and "unreadable JSON" in broken.missing["authors"]


def test_byline_element_links_and_comments():
    body = ('<div class="byline">By <a href="/author/ann-lee">Ann Lee</a> in '
            '<a href="/section/politics">Politics</a></div>'
            '<section class="comments"><span class="author">Troll Person</span></section>')
    m = md(page("", body))
    assert (m.authors, m.sources["authors"]) == (["Ann Lee"], "byline")


def test_meta_author_and_rel_author():
    assert md(page('<meta name="author" content="Ann Lee and Bo Kim">')).authors == [
        "Ann Lee", "Bo Kim"]
    m = md(page("", '<p>Story by <a rel="author" href="/x">Cy Young</a></p>'))
    assert (m.authors, m.sources["authors"]) == (["Cy Young"], "rel-author")


def test_image_only_byline_gives_no_author_and_a_reason():
    m = md(page("", '<div class="byline"><img src="sig.png" alt=""></div>'))
    assert m.authors == [] and m.missing["authors"]


# --- dates ---------------------------------------------------------------------------------------

def test_json_ld_date_keeps_its_zone():
    ld = '{"@type": "NewsArticle", "headline": "H", "datePublished": "2021-11-01T10:52:50+0100"}'
    m = md(page(f'<script type="application/ld+json">{ld}</script>'))
    assert m.published == datetime(2021, 11, 1, 10, 52, 50, tzinfo=timezone(timedelta(hours=1)))
    assert m.sources["published"] == "json-ld"


def test_trust_order_meta_then_time_then_url_then_text():
    meta = '<meta property="article:published_time" content="2019-03-05T08:00:00Z">'
    time = '<time datetime="2018-01-02T10:00:00-05:00">Jan 2</time>'
    line = '<h1>A headline</h1><p class="post-date">Published March 7, 2017</p>'
    url = "https://example.com/2016/04/09/story"
    assert newspith.extract(page(meta, time + line), url).sources["published"] == "meta:article"
    a = newspith.extract(page("", time + line), url)
    assert (a.published.isoformat(), a.sources["published"]) == (
        "2018-01-02T10:00:00-05:00", "time-element")
    assert newspith.extract(page("", line), url).sources["published"] == "url"
    a = newspith.extract(page("", line))
    assert (a.published, a.sources["published"]) == (datetime(2017, 3, 7), "text")


def test_future_and_script_dates_are_refused():
    now = datetime(2020, 1, 1, tzinfo=timezone.utc)
    future = '<meta property="article:published_time" content="2031-01-01T00:00:00Z">'
    only_future = md(page(future), now=now)
    assert only_future.published is None
    assert "future" in only_future.missing["published"]
    html = page('<meta property="article:published_time" content="2099-01-01T00:00:00Z">',
                '<script>var d = "2019-05-05";</script><h1>Headline</h1>'
                '<span class="date">May 5, 2019</span>')
    a = newspith.extract(html)
    assert a.published == datetime(2019, 5, 5) and a.sources["published"] == "text"
    assert newspith.extract(page("", '<script>var d = "May 5, 2019";</script>')).published is None


def test_comment_dates_are_not_the_articles():
    body = '<div class="comment"><time datetime="2015-02-02">Feb 2</time></div>'
    assert md(page("", body)).published is None
    comments = ('<section class="comments"><h3>Comments</h3><p>May 5, 2019</p><p>I disagree '
                'with this article entirely and here is why it matters.</p></section>')
    assert newspith.extract(page("", "<h1>Headline</h1>") + comments).published is None


def test_relative_date_is_empty_with_a_reason():
    a = newspith.extract(page("", '<h1>Headline</h1><span class="date">Published 3 hours ago'
                                  '</span>'))
    assert a.published is None and "relative date" in a.missing["published"]


def test_ambiguous_numeric_date_needs_the_language():
    def published(line, lang):
        return newspith.extract(page("", "<h1>Headline</h1>" + line, lang=lang))

    line = '<p class="date">12/05/2016</p>'
    assert published(line, "en").published is None
    assert "ambiguous" in published(line, "en").missing["published"]
    assert published(line, "en-US").published == datetime(2016, 12, 5)
    assert published(line, "en-GB").published == datetime(2016, 5, 12)
    assert published(line, "de").published == datetime(2016, 5, 12)
    # Another date on the page that can only be day-first settles it.
    both = '<p class="date">12/05/2016</p><p class="date">Updated 25/05/2016</p>'
    assert published(both, "en").published == datetime(2016, 5, 12)


@pytest.mark.parametrize("text, expected", [
    ("March 5, 2019 at 6:01 pm EDT",
     datetime(2019, 3, 5, 18, 1, tzinfo=timezone(timedelta(hours=-4)))),
    ("5. März 2019", datetime(2019, 3, 5)),
    ("le 5 mars 2019 à 14h30", datetime(2019, 3, 5, 14, 30)),
    ("5 de marzo de 2019", datetime(2019, 3, 5)),
    ("2019年3月5日", datetime(2019, 3, 5)),
    ("05.03.2019", datetime(2019, 3, 5)),
])
def test_human_dates(text, expected):
    assert parse_human(text, None)[0] == expected


@pytest.mark.parametrize("text, why", [
    ("By Jane Doe", None),                      # no year: no date, and nothing to say
    ("March 5", None),
    ("Published 3 hours ago", "relative date"),  # no year, but a relative date: said why
    ("12/05/2016", "ambiguous date"),
    ("In 2019 the bridge closed", None),        # a year alone is not a date
])
def test_text_without_a_full_date(text, why):
    found, problem = parse_human(text, None)
    assert found is None
    assert (problem is None) if why is None else (why in problem)


def test_machine_dates_and_urls():
    assert parse_machine("Tue, 24 Jul 2015 05:36:09 GMT") == datetime(
        2015, 7, 24, 5, 36, 9, tzinfo=timezone.utc)
    assert parse_machine("2015-7-4") == datetime(2015, 7, 4)
    assert parse_machine("not a date") is None
    assert date_from_url("https://x.com/news/2019/03/05/story.html") == datetime(2019, 3, 5)
    assert date_from_url("https://x.com/p/20190305-story") == datetime(2019, 3, 5)
    assert date_from_url("https://x.com/2019/03/story") is None


# --- site, language, the rest --------------------------------------------------------------------

def test_language_is_checked_against_the_text():
    german = "<p>" + "Der Stadtrat hat am Dienstag lange über den Haushalt gestritten. " * 8
    german += "</p>"
    a = newspith.extract(f'<html lang="en"><body><article>{german}</article></body></html>')
    assert a.language == "de" and a.sources["language"].startswith("language-id")
    b = newspith.extract(page())
    assert (b.language, b.sources["language"]) == ("en", "html-lang")
    c = newspith.extract(f"<html><body><article>{german}</article></body></html>")
    assert (c.language, c.sources["language"]) == ("de", "function-words")
    from newspith.extract.metadata.language import settle

    text = german[3:-4] * 2
    off = MetadataConfig(lang_guess_words=0)
    assert settle(None, None, text, off) == ("de", "language-id", None)


def test_function_words_confirm_only_a_plain_declared_language():
    from newspith.extract.metadata.language import _plainly, settle

    english = ("The council said on Tuesday that the ferry service to the island would be cut, "
               "and that the operator has warned of rising costs for the route.")
    dutch = ("De gemeenteraad heeft dinsdag besloten dat de veerdienst naar het eiland wordt "
             "beperkt, omdat de kosten voor de exploitant te hoog zijn geworden.")
    assert _plainly("en", english, 4)
    assert not _plainly("en", dutch, 4) and not _plainly("de", english, 4)
    assert not _plainly("sv", english, 4)  # no word list: the identifier decides
    mixed = "The der die und das ist nicht and of to " * 3  # as many of each: not plain
    assert not _plainly("en", mixed, 4)
    # The shortcut never overrules: a page declared "en" in Dutch still goes to the identifier.
    cfg = MetadataConfig()
    assert settle("en", "html-lang", dutch * 3, cfg)[0] == "nl"
    assert settle("en", "html-lang", english * 3, cfg) == ("en", "html-lang", None)
    off = MetadataConfig(lang_confirm_words=0)
    assert settle("en", "html-lang", english * 3, off) == ("en", "html-lang", None)


def test_function_words_name_an_undeclared_language_only_when_overwhelming():
    from newspith.extract.metadata.language import settle

    cfg = MetadataConfig()
    english = ("The council said on Tuesday that the ferry service to the island would be cut, "
               "and that the operator has warned of rising costs for the route. ") * 3
    assert settle(None, None, english, cfg) == ("en", "function-words", None)
    # Languages without a word list share a few words with listed ones: the identifier decides.
    danish = ("Regeringen har i dag fremlagt et nyt forslag til en reform af skattesystemet, og "
              "det skal efter planen træde i kraft fra næste år. Forslaget er blevet mødt med "
              "kritik fra flere af oppositionens partier, som mener at det ikke går langt nok.")
    catalan = ("El govern ha presentat avui una nova proposta per reformar el sistema fiscal, i "
               "segons el pla entrarà en vigor l'any vinent. La proposta ha rebut crítiques de "
               "diversos partits de l'oposició, que consideren que no va prou lluny.")
    assert settle(None, None, danish, cfg) == ("da", "language-id", None)
    assert settle(None, None, catalan, cfg) == ("ca", "language-id", None)
    mixed = "The der die und das ist nicht and of to the und " * 6  # two languages: no guess
    assert settle(None, None, mixed, cfg)[1] != "function-words"


def test_site_canonical_image_tags_description():
    head = ('<meta property="og:site_name" content="The Ledger">'
            '<link rel="canonical" href="/story/1">'
            '<meta property="og:image" content="/img/lead.jpg">'
            '<meta property="article:tag" content="budget"><meta property="article:tag" '
            'content="council"><meta name="description" content="What happened.">')
    a = newspith.extract(page(head), url="https://ledger.example/amp/story/1")
    assert a.site_name == "The Ledger" and a.url == "https://ledger.example/story/1"
    assert a.image == "https://ledger.example/img/lead.jpg"
    assert a.tags == ("budget", "council") and a.description == "What happened."
    d = a.to_dict()
    assert d["sources"]["url"] == "link:canonical" and d["sources"]["tags"] == "meta:article"
    assert d["tags"] == ["budget", "council"]


def test_explain_shows_values_with_sources_and_reasons():
    ex = newspith.explain(page('<meta property="og:title" content="A title">'))
    meta = ex.to_dict()["metadata"]
    assert meta["title"] == {"value": "A title", "source": "meta:og"}
    assert meta["authors"]["value"] == [] and meta["authors"]["missing"]
    text = ex.to_text()
    assert "title: A title  [from meta:og]" in text and "authors: - (empty:" in text


@pytest.mark.parametrize("html", [
    "", "<html>", "<script type='application/ld+json'>[[[[</script>",
    "<script type='application/ld+json'>{\"@graph\": 5, \"author\": [null, 3, {}]}</script>",
    "<time datetime='9999-99-99'>x</time><span class='date'>31/31/2019</span>",
    "<meta name='author' content=''><a rel='author'></a><div class='byline'><a></a></div>",
])
def test_bad_input_never_crashes(html):
    m = md(html or "<p></p>")
    assert isinstance(m.authors, list) and m.published is None


def test_role_after_a_name_without_comma():
    assert clean_names("Jane Doe Staff Writer", CFG) == ["Jane Doe"]
    assert clean_names("Reuters Staff", CFG) == []


def test_lorem_ipsum_does_not_overrule_the_declared_language():
    lorem = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod. " * 6
    assert newspith.extract(f'<html lang="en"><body><article>{lorem}</p></article></body></html>'
                            ).language == "en"


def test_site_initials_and_site_name_inside_the_h1():
    html = page("<title>Electrical - Overview | Occupational Safety and Health Administration"
                "</title>")
    assert md(html, "https://www.osha.gov/electrical").title == "Electrical - Overview"
    html = page('<meta property="og:site_name" content="WRAL.com">',
                "<h1>Vehicle rental news | WRAL</h1>")
    assert md(html, "https://www.wral.com/x").title == "Vehicle rental news"


def test_date_line_with_an_update_gives_both_dates():
    a = newspith.extract(page("", "<h1>Headline</h1><p>August 16, 2019 - Updated July 9, 2021"
                                  "</p>"))
    assert a.published == datetime(2019, 8, 16) and a.modified == datetime(2021, 7, 9)
    b = newspith.extract(page("", "<h1>Headline</h1><p>Last updated: July 9, 2021</p>"))
    assert b.modified == datetime(2021, 7, 9) and b.sources["modified"] == "text"
    # Only an update date: it is the date readers see, and the source says so...
    assert (b.published, b.sources["published"]) == (datetime(2021, 7, 9), "text (modified)")
    # ...unless the config keeps published strict.
    strict = md(page())
    finish_metadata(strict, ["Last updated: July 9, 2021"], "",
                    config=MetadataConfig(published_from_modified=()))
    assert strict.published is None and strict.modified == datetime(2021, 7, 9)
    # article:modified_time alone is not taken for the publication date (CMSs rewrite it).
    c = md(page('<meta property="article:modified_time" content="2021-07-09T10:00:00Z">'))
    finish_metadata(c, [], "")
    assert c.published is None and c.modified is not None


def test_a_card_inside_the_article_is_not_furniture():
    box = '<aside class="info card-shadow"><time datetime="2024-08-30T12:00:00Z">Aug 30</time>'
    assert md(page("", box + "</aside>")).published is not None
    teaser = '<div class="card"><time datetime="2024-08-30T12:00:00Z">Aug 30</time></div>'
    html = f"<html><body>{teaser}<article>{BODY}</article></body></html>"
    assert md(html).published is None


def test_byline_day_names_and_site_tails():
    assert clean_names("Posted by EditorDavid on Sunday March 08, 2026", CFG) == ["EditorDavid"]
    assert clean_names("Gabriel Peal OpenAI", CFG, site=["openai"]) == ["Gabriel Peal"]


def test_organizations_and_placeholders_are_not_authors():
    for byline in ("Kneib Dentistry PC", "SmartEtailing Inc", "The Organized Mama", "admin",
                   "undefined", "By", "Webmaster"):
        assert clean_names(byline, CFG, explicit=True) == [], byline
    assert clean_names("Rex Du, Ph.D. Director", CFG) == ["Rex Du"]


def test_listing_bylines_are_its_items_authors():
    teasers = "".join(f'<div class="teaser"><h2>Story {i}</h2><p class="byline">By Ann Lee{i}'
                      "</p></div>" for i in range(3))
    m = md(page("", '<p class="byline">By Ann Lee</p>'))
    finish_metadata(m, [], "", page_type="listing")
    assert m.authors == [] and "listing page" in m.missing["authors"]
    declared = md(page('<meta name="author" content="Bo Kim">', teasers))
    finish_metadata(declared, [], "", page_type="listing")
    assert declared.authors == ["Bo Kim"]
