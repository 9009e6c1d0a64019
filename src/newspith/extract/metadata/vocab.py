"""The words metadata reading relies on, stored once: byline hints, roles, month names, zones.

Multilingual where pages are (en, de, fr, es, it, pt, nl first). Every list says why it exists.
"""

from __future__ import annotations

import re

# --- where bylines and date lines live ---------------------------------------------------------

#: Class/id words of elements that hold a byline (``byline``, ``author-name``, ``article__author``).
BYLINE_CLASS = re.compile(
    r"byline|by-line|author(?!iz|it)|writer|contributor|reporter|journalist|posted-?by|post-by|"
    r"autor|auteur|autore|redacteur|verfasser|creator", re.I)
#: ...but not the boxes about an author (bio, avatar, "more from") or links to share.
NOT_BYLINE_CLASS = re.compile(
    r"bio|avatar|about|description|desc\b|img|image|photo|pic|social|follow|share|comment|"
    r"more|other|related|list|box|(?<!v)card|widget|info-?box|title|label|role|position|job|"
    r"twitter|email|mail|contact|url|link-?icon|count|views|stats|tooltip|popup|modal|"
    r"profile-?image", re.I)
#: Class/id words of page parts whose dates and names belong to something else: reader
#: comments, other articles (related, most read, teasers), navigation and page furniture.
ELSEWHERE_CLASS = re.compile(
    r"comment|disqus|respond|reply|replies|kommentar|commentaire|comentario|related|recommend|"
    r"trending|popular|most-?read|mostread|teaser|sidebar|widget|footer|\bnav|menu|newsletter|"
    r"promo|advert|sponsor|outbrain|taboola|more-?stories|read-?more|next-?post|prev-?post|"
    r"pagination|breadcrumb|carousel|slider|ticker|(?<!v)card|archive|calendar|cookie|"
    r"reviews?\b|rating", re.I)
#: Words that name the article's own container: like ``<article>``, they end the search for
#: furniture around a node. Weak furniture words are furniture only outside an article
#: ("yom-card-main yom-article" is the story, a "card-shadow" box in an article holds its date).
CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|story)(?:$|[\s_-]|body|content|text)|entry-content|post-content|"
    r"main-content", re.I)
WEAK_ELSEWHERE = frozenset({"card", "widget", "archive", "calendar"})
ELSEWHERE_TAGS = frozenset({"nav", "form", "menu", "template", "script", "style", "select",
                            "button", "blockquote"})
#: Tags that are furniture outside an article but hold its byline and dates inside one
#: (WordPress's ``<footer class="entry-meta">``, an ``<aside>`` with the author and date).
ELSEWHERE_OUTSIDE_ARTICLE = frozenset({"aside", "footer"})

# --- bylines -------------------------------------------------------------------------------------

#: "By", "Written by", "Von", "Par", "Por", "Door", ... in front of a byline.
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|story|words|edited|compiled|"
    r"contributed|created|produced)\s+by|by|from|von|par|por|door|af|av|przez|"
    r"autor(?:in|a)?|author|"
    r"authors|auteur|autore|text|texte|texto|words|reporting|redactie|written)"
    r"\s*(?::|-|–|—)?\s*(?=\S)", re.I)
#: Credits that are not authorship: everything from "Edited by" on is dropped.
NOT_AUTHOR_CREDIT = re.compile(
    r"\b(?:edited|photos?|photographs|photography|illustrations?|graphics|video|translated|"
    r"additional\s+reporting|fact-?checked|reviewed|medically\s+reviewed)\s+by\b.*", re.I)
#: Words separating several names: "A, B and C", "A & B", "A und B", "A y B", "A e B".
NAME_SEPARATOR = re.compile(
    r"\s*(?:,|;|\||•|·|/|\s&\s|\s(?:and|AND|And)\s|\s(?:und|et|y|e|en|og|och|i|ja|és|ve|și)\s|"
    r"\s+with\s+|\s+mit\s+|\s+avec\s+|\s+con\s+)\s*")
#: Job titles and roles: "Senior Reporter", "Staff Writer", "Contributing Editor", "MD".
ROLE_WORDS = frozenset("""
reporter reporters writer writers editor editors correspondent correspondents contributor
contributors columnist columnists journalist journalists producer producers photographer
photographers author authors analyst analysts intern interns fellow senior chief staff
associate assistant deputy managing executive contributing special desk team newsroom
bureau news wire services service editorial editors' guest freelance freelancer
host anchor presenter critic blogger researcher correspondant redakteur redakteurin
redaktion redaktor journaliste rédacteur rédactrice rédaction periodista redacción
redazione giornalista redactor redactora jornalista redação redactie verslaggever
md phd ma ms msc bsc rn jd dvm mph facs mba cpa mbe obe cbe
director manager president founder co-founder cofounder ceo cto cfo coo officer head vp
partner lead specialist coordinator consultant strategist
""".split())
#: Links in a byline that lead to an author's page (the byline's other links are sections).
AUTHOR_HREF = re.compile(
    r"/(?:authors?|people|person|profiles?|by|staff|contributors?|writers?|journalists?|"
    r"reporters?|columnists?|autor(?:en)?|auteurs?|autore|redactie|team|experts?|bio)(?:/|$|-)"
    r"|[?&]author=", re.I)
#: Words of organizations' names: such a name is not a person even where the page calls it
#: the author ("BBC News", "Help Net Security", "Acme Inc.").
ORG_WORDS = frozenset("""
news media magazine blog times journal daily online network company corp corporation inc
inc. ltd llc gmbh group press post herald gazette tribune review weekly radio tv television
channel agency institute university college school foundation association society council
team staff editors editorial desk services solutions systems technologies labs studio
health security software digital marketing official club church center centre
""".split())
#: Lines that are controls or labels, never names ("Email the author", "Follow", "View all").
NOT_A_NAME = re.compile(
    r"\b(?:e-?mail|follow|twitter|facebook|linkedin|instagram|contact|view\s+all|see\s+all|"
    r"more\s+(?:from|by|articles|stories|posts)|all\s+(?:posts|articles|stories)|posts?\s+by|"
    r"articles?\s+by|share|comments?|subscribe|sign\s+up|log\s*in|updated|published|posted|"
    r"read(?:ing)?\s+time|min(?:ute)?s?\s+read|print|advertis|sponsored|admin(?:istrator)?|"
    r"anonymous|unknown|guest\s+(?:post|author)|press\s+release|associated\s+press|reuters|"
    r"agence|afp\b|dpa\b|ap\b|upi\b|getty|shutterstock|photo|image|video|copyright|rights|"
    r"http|www\.|\.com\b|click|download|listen|watch|podcast|newsletter|webmaster|"
    r"undefined|null|none|home|^by$|^von$|^par$)", re.I)
#: Words only organizations' names hold ("Kneib Dentistry PC", "SmartEtailing Inc").
ORG_MARKERS = frozenset("""
inc inc. llc ltd ltd. gmbh corp corp. co. plc pc p.c. ag bv pty s.a. sa sarl
news media magazine blog online network solutions services systems technologies agency
consulting marketing dentistry clinic
""".split())

# --- dates ---------------------------------------------------------------------------------------

#: Month names and abbreviations → month number, lowercase, in en, de, fr, es, it, pt, nl.
MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
        "january jan januar jänner janvier janv enero ene gennaio gen janeiro januari",
        "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari",
        "march mar märz maerz mär mars marzo março marco maart mrt",
        "april apr avril avr abril abr aprile",
        "may mai mayo maggio mag maio mei",
        "june jun juni juin junio giugno giu junho",
        "july jul juli juillet juil julio luglio lug julho",
        "august aug august août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre settembre set setembro",
        "october oct okt oktober octobre octubre ottobre ott outubro out",
        "november nov novembre noviembre novembro",
        "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro"), 1):
    for _m in _names.split():
        MONTHS.setdefault(_m, _n)
# "ago"/"set"/"out"/"gen"/"mag" double as words; they count only next to a day and a year,
# which the date patterns require anyway.

#: Day names: in a byline they start the date ("Posted by EditorDavid on Sunday March 08").
WEEKDAY = re.compile(
    r"\s(?:on\s+|am\s+|le\s+|el\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|"
    r"martes|miércoles|jueves|viernes|sábado|domingo)\b\.?,?", re.I)
#: Time-zone abbreviations with a fixed offset (ambiguous ones like IST or ET are left out:
#: a wrong zone is worse than none).
ZONES = {"utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
         "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "bst": 1,
         "cet": 1, "cest": 2, "met": 1, "mesz": 2, "mez": 1, "eet": 2, "eest": 3, "wet": 0,
         "west": 1, "msk": 3, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "acst": 9.5,
         "awst": 8, "nzst": 12, "nzdt": 13, "sgt": 8, "hkt": 8}

#: A date line that says the page was updated, not published.
UPDATED_LINE = re.compile(
    r"\b(?:updated|last\s+updated|modified|revised|aktualisiert|mis\s+à\s+jour|actualizado|"
    r"aggiornato|atualizado|bijgewerkt|edited)\b", re.I)
#: A date line that says when the page was published.
PUBLISHED_LINE = re.compile(
    r"\b(?:published|posted|first\s+published|publiziert|veröffentlicht|erschienen|publié|"
    r"publicado|pubblicato|gepubliceerd|date)\b", re.I)
#: Relative dates, which need the capture time to mean anything.
RELATIVE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago\b|"
    r"\b(?:yesterday|today|just\s+now)\b|\bvor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|"
    r"wochen|monaten|jahren)\b|\bil\s+y\s+a\s+\d+|\bhace\s+\d+|\bgestern\b|\bheute\b",
    re.I)


# --- language ----------------------------------------------------------------------------------

#: Frequent function words of the languages pages declare most, each set chosen to tell its
#: language from the others listed (shared words such as "de", "la", "a" are left out where they
#: would blur two). Used only to confirm a declared language cheaply (``language.settle``); the
#: identifier decides every other case.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that with for was this are from have has were which "
                    "been would their they will".split()),
    "de": frozenset("der die und das ist nicht mit von zu den ein eine sich auf für dem des "
                    "auch wird wurde sind".split()),
    "fr": frozenset("le les et des est une dans pour pas sur qui du au aux avec sont cette "
                    "ont été".split()),
    "es": frozenset("el los las y del por una para es se su como al más fue han está "
                    "sus".split()),
    "it": frozenset("il gli che di della per sono non nel alla è anche delle dei ha stato "
                    "questo".split()),
    "pt": frozenset("os não do da dos das para com uma é em ao mais foi são pelo pela "
                    "seu".split()),
    "nl": frozenset("het een van niet zijn met voor dat ook wordt naar bij werd heeft "
                    "hebben deze".split()),
}
