"""Dates from what pages write: ISO 8601 and RFC 2822 in markup, "March 5, 2019 at 6:01 pm EDT"
and "5. März 2019" in text, ``/2019/03/05/`` in URLs.

A value is returned only when it is sure: "12/05/2016" needs the page's language or another date
on the page to say which number is the month; "3 hours ago" needs the capture time. Each parser
returns ``(datetime | None, problem | None)`` so the caller can say why a field stayed empty.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Final

from newspith.extract.metadata.vocab import MONTHS, RELATIVE, ZONES

__all__ = ["parse_machine", "parse_human", "date_from_url", "numeric_order", "refusal",
           "order_evidence", "MONTH_WORD", "is_month"]

_MONTH: Final = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
#: A word that may be a month name; :func:`is_month` says whether it is one. A regular
#: expression with a hundred month names as alternatives tries each at every position of the
#: text; a letter run and a dictionary lookup find the same dates several times faster.
_MONTH_LENGTHS: Final = f"{min(map(len, MONTHS))},{max(map(len, MONTHS))}"
MONTH_WORD: Final = rf"[^\W\d_]{{{_MONTH_LENGTHS}}}(?![^\W\d_])"


def is_month(word: str) -> bool:
    """True when ``word`` (with an optional final dot) is a month name in one of our languages."""
    return word.lower().rstrip(".") in MONTHS

_ZONE: Final = "|".join(sorted(ZONES, key=len, reverse=True))
_TIME: Final = (r"(?:\s*(?:,|at|um|à|a\s+las|alle|às|om|-|–|—|\|)?\s*"
                r"(?P<h>\d{1,2})[:h.](?P<mi>\d{2})"
                r"(?::(?P<s>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\.?)?"
                rf"(?:\s*(?P<tz>(?:{_ZONE})\b|(?:gmt|utc)?\s?[+-]\d{{1,2}}(?::?\d{{2}})?))?)?")
_DAY: Final = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?"
_YEAR: Final = r"(?P<y>(?:19|20)\d{2})"
_PATTERNS: Final = [re.compile(p + _TIME, re.I) for p in (
    # 2019-03-05, 2019/03/05, 2019.03.05 (with an optional time)
    rf"\b{_YEAR}(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?:T|\b)",
    # March 5, 2019 / Mar. 5th 2019
    rf"\b(?P<mn>{MONTH_WORD})\.?\s+{_DAY},?\s+{_YEAR}\b",
    # 5 March 2019 / 5. März 2019 / 5 de marzo de 2019 / 5th of March, 2019
    rf"\b{_DAY}\s*(?:of\s+|de\s+)?(?P<mn>{MONTH_WORD})\.?,?\s*(?:de\s+)?{_YEAR}\b",
)]
# 2019年3月5日, 2019년 3월 5일 (tried only on text holding 年 or 년)
_PATTERNS_CJK: Final = [*_PATTERNS, re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?" + _TIME,
    re.I)]
# Every pattern above and _NUMERIC hold a four-digit year: text without one is not searched.
_YEAR_GATE: Final = re.compile(r"(?:19|20)\d\d")
# 05.03.2019, 12/05/2016, 12-05-2016: which number is the month depends on the page.
_NUMERIC: Final = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
                             r"(?P<y>(?:19|20)\d{2})\b" + _TIME, re.I)
_URL_DATE: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2"
                              r"(0[1-9]|[12]\d|3[01])(?!\d)")
_ISO_LOOSE: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _zone(tz: str | None) -> timezone | None:
    if not tz:
        return None
    t = tz.lower().replace(" ", "")
    if t in ZONES:
        return timezone(timedelta(hours=ZONES[t]))
    m = re.match(r"(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$", t)
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = 1 if m.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _build(y: int, m: int, d: int, match: re.Match | None) -> datetime | None:
    try:
        dt = datetime(y, m, d)
    except ValueError:
        return None
    if match is None or not match.groupdict().get("h"):
        return dt
    h, mi, s = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    ap = (match["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= h <= 12:
            return dt
        h = h % 12 + (12 if ap == "pm" else 0)
    if h > 23 or mi > 59 or s > 59:
        return dt
    return dt.replace(hour=h, minute=mi, second=s, tzinfo=_zone(match["tz"]))


def parse_machine(value: str | None) -> datetime | None:
    """A machine-readable date (ISO 8601, RFC 2822, ``20150724``) or ``None``."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    if not v or len(v) > 64:
        return None
    loose = _ISO_LOOSE.match(v)
    if loose:
        return _build(int(loose[1]), int(loose[2]), int(loose[3]), None)
    try:
        return datetime.fromisoformat(v.replace("z", "Z"))
    except ValueError:
        pass
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", v):
        # A time with an odd tail (" +0000 UTC", "T10:00+01:00[Europe/Paris]"): keep what is sure.
        head = re.match(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)"
                        r"\s*(Z|[+-]\d{2}:?\d{2})?", v)
        if head is None:
            return None
        try:
            return datetime.fromisoformat(head[1] + (head[2] or "").replace("Z", "+00:00"))
        except ValueError:
            return None
    if re.search(r"[A-Za-z]{3}", v):
        try:
            dt = parsedate_to_datetime(v)
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is not None:
            return dt
    found, _ = parse_human(v, None)
    return found


def parse_human(text: str, order: str | None) -> tuple[datetime | None, str | None]:
    """The first date written in ``text``; ``order`` is ``"dmy"``, ``"mdy"`` or ``None`` (unknown)
    for all-numeric dates. Returns ``(date, None)`` or ``(None, why)``."""
    if _YEAR_GATE.search(text) is not None:
        found, why = _written_date(text, order)
        if found is not None or why is not None:
            return found, why
    rel = RELATIVE.search(text)
    if rel:
        return None, f"relative date {rel.group(0)!r} and no capture time"
    return None, None


def _written_date(text: str, order: str | None) -> tuple[datetime | None, str | None]:
    """The first date with a year in ``text``, or why an all-numeric one is not sure."""
    best: tuple[int, datetime] | None = None
    for pattern in _PATTERNS_CJK if "年" in text or "년" in text else _PATTERNS:
        # The first match whose month word is a month (only the named-month patterns can
        # match a word that is not one).
        m = next((m for m in pattern.finditer(text) if m.groupdict().get("mn") is None
                  or is_month(m["mn"])), None)
        if not m:
            continue
        month = int(m["m"]) if m.groupdict().get("m") else MONTHS.get(m["mn"].lower().rstrip("."))
        dt = _build(int(m["y"]), month, int(m["d"]), m) if month else None
        if dt is not None and (best is None or m.start() < best[0]):
            best = (m.start(), dt)
    m = _NUMERIC.search(text)
    if m and (best is None or m.start() < best[0]):
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] == "." and order != "mdy":
            order = "dmy"  # dotted dates are day-first wherever they are written
        if a > 12 and b <= 12:
            dt = _build(int(m["y"]), b, a, m)
        elif b > 12 and a <= 12:
            dt = _build(int(m["y"]), a, b, m)
        elif a == b:
            dt = _build(int(m["y"]), a, a, m)
        elif order in ("dmy", "mdy"):
            dt = _build(int(m["y"]), b if order == "dmy" else a, a if order == "dmy" else b, m)
        else:
            if best is None:
                return None, f"ambiguous date {m.group(0).strip()!r} (day or month first?)"
            dt = None
        if dt is not None:
            best = (m.start(), dt)
    return (best[1], None) if best is not None else (None, None)


def order_evidence(texts: list[str]) -> str | None:
    """``"dmy"`` or ``"mdy"`` when an unambiguous all-numeric date on the page shows the order."""
    votes = {"dmy": 0, "mdy": 0}
    for t in texts:
        if _YEAR_GATE.search(t) is None:
            continue
        for m in _NUMERIC.finditer(t):
            a, b = int(m["a"]), int(m["b"])
            if a > 12 >= b:
                votes["dmy"] += 1
            elif b > 12 >= a:
                votes["mdy"] += 1
    if votes["dmy"] and not votes["mdy"]:
        return "dmy"
    if votes["mdy"] and not votes["dmy"]:
        return "mdy"
    return None


def numeric_order(lang_tag: str | None) -> str | None:
    """Day or month first in all-numeric dates, from the page's language tag."""
    if not lang_tag:
        return None
    parts = re.split(r"[-_]", lang_tag.lower())
    lang, region = parts[0], (parts[1] if len(parts) > 1 else "")
    if lang == "en":
        if region in ("us", "ph", "as", "gu", "pr", "um", "vi"):
            return "mdy"
        return "dmy" if region else None
    if lang in ("zh", "ja", "ko", "hu", "lt", "mn"):
        return None  # year first; a two-number tail is not a day-month pair
    return "dmy"


def date_from_url(url: str | None) -> datetime | None:
    """A full date in the URL's path (``/2019/03/05/``, ``/20190305/``, ``-2019-03-05-``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I).split("?", 1)[0]
    m = _URL_DATE.search(path)
    if not m:
        return None
    return _build(int(m[1]), int(m[3]), int(m[4]), None)


def refusal(dt: datetime, now: datetime, future_tolerance_hours: float, min_year: int
            ) -> str | None:
    """Why a date cannot be the page's (in the future of the capture, or implausibly old)."""
    if dt.year < min_year:
        return f"{dt.date().isoformat()} is before {min_year}"
    aware = dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    if aware > now + timedelta(hours=future_tolerance_hours):
        return f"{dt.date().isoformat()} is in the future of the capture"
    return None
