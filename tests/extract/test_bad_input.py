"""Bad input never crashes, hangs or balloons: an empty Article with a reason, or a documented error."""

import os
import time
import tracemalloc

import pytest

import newspith
from newspith import ExtractConfig, InputError, TooLargeError
from newspith.extract.dom import bounded_nesting

PROSE = ("The council voted on Tuesday to keep the harbour ferry running through the winter, "
         "after a long debate about fuel costs, crew shortages and the needs of islanders. ")


@pytest.mark.parametrize("empty", ["", b"", "   \n\t ", "<html></html>", "<!-- only a comment -->"])
def test_empty_input_gives_reason(empty):
    a = newspith.extract(empty)
    assert a.text == "" and not a.is_article and a.reason


@pytest.mark.parametrize("garbage", [
    os.urandom(4096),
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
    b"%PDF-1.4\n" + bytes(range(32)) * 200,
])
def test_binary_garbage_raises_input_error(garbage):
    with pytest.raises(InputError):
        newspith.extract(garbage)


def test_huge_page_is_refused_fast_and_without_copying():
    big = b"<html><body>" + b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>"
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(TooLargeError) as err:
        newspith.extract(big)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024
    assert "limit" in str(err.value)


def test_huge_str_is_refused():
    with pytest.raises(TooLargeError):
        newspith.extract("<p>" + "y" * (ExtractConfig().max_bytes + 1))


def test_size_cap_is_configurable():
    with pytest.raises(TooLargeError):
        newspith.extract("<p>" + PROSE + "</p>", config=ExtractConfig(max_bytes=100))


def test_ten_thousand_nested_divs():
    html = "<html><body>" + "<div>" * 10_000 + f"<p>{PROSE * 3}</p>" + "</div>" * 10_000
    start = time.perf_counter()
    a = newspith.extract(html)
    assert time.perf_counter() - start < 5.0
    assert "harbour ferry" in a.text


def test_unclosed_and_broken_markup():
    html = f"<html><body><div class=story><p>{PROSE}<p>{PROSE}<table><td>{PROSE}</div></b></i>"
    a = newspith.extract(html)
    assert a.text.count("harbour ferry") == 3


def test_invalid_utf8_bytes():
    body = f"<html><body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>".encode()
    broken = body.replace(b"harbour", b"harb\xff\xfeour", 1)
    a = newspith.extract(broken)
    assert a.is_article and "ferry running" in a.text


def test_wrong_meta_charset():
    html = (f'<html><head><meta charset="iso-8859-1"></head><body><article>'
            f"<p>José Núñez said — “{PROSE}”</p><p>{PROSE}</p></article></body></html>")
    a = newspith.extract(html.encode("utf-8"))
    assert "José Núñez said — “" in a.text
    assert a.encoding == "utf-8"


def test_only_navigation_is_not_an_article():
    links = "".join(f'<li><a href="/s{i}">Section number {i}</a></li>' for i in range(40))
    a = newspith.extract(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    assert not a.is_article and a.text == "" and a.reason


def test_control_characters_and_nul():
    html = f"<html><body><article><p>{PROSE}\x00\x01</p><p>{PROSE}</p></article></body></html>"
    a = newspith.extract(html)
    assert "\x00" not in a.text and a.is_article


def test_unsupported_type():
    with pytest.raises(InputError):
        newspith.extract(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize("unit", ["<div>", "<span><div>", "<section><b>"])
def test_very_deep_nesting_is_flattened_in_linear_time(unit):
    """160,000 nested blocks: quadratic in an HTML5 parser (minutes); flattened, well under 5 s."""
    html = "<html><body>" + unit * 160_000 + f"<p>{PROSE * 3}</p>"
    start = time.perf_counter()
    a = newspith.extract(html)
    assert time.perf_counter() - start < 5.0
    assert "harbour ferry" in a.text


def test_bounded_nesting_keeps_text_and_shallow_pages():
    page = "<html><body><div><p>one<div><span>two</span></div></div></body></html>"
    assert bounded_nesting(page, 5) == page  # (an unclosed <p> does not deepen the tree)
    assert bounded_nesting(page, 4) == page.replace("<span>", "").replace("</span>", "")
    deep = "<div>" * 6 + "text" + "</div>" * 6
    flat = bounded_nesting(deep, 4)
    assert flat == "<div>" * 4 + "text" + "</div>" * 4


def test_utf8_bytes_go_to_the_parser_as_they_are_and_parse_like_their_text():
    """Valid UTF-8 bytes are fed to the parser without a decode-and-encode round trip; the
    article is the one their text gives. Bytes that must change first (a BOM to skip, a NUL to
    drop, nesting to bound, another charset) go through the text."""
    from newspith.extract.dom import parse

    body = ("<p>Café owners in Zürich said the “new rules” — announced on Monday — would cost "
            "them dearly, and that they had not been asked. 日本語のテキストも。</p>") * 6
    html = f"<html><head><title>Café</title></head><body><article>{body}</article></body></html>"
    data = html.encode("utf-8")
    cfg = ExtractConfig()
    page = parse(data, cfg)
    assert page.encoding == "utf-8" and page.tree.html == parse(html, cfg).tree.html
    assert newspith.extract(data).to_dict() | {"encoding": None, "encoding_source": None} == \
        newspith.extract(html).to_dict() | {"encoding": None, "encoding_source": None}
    text = newspith.extract(html).text
    for variant in (b"\xef\xbb\xbf" + data,                       # BOM
                    data.replace(b"<p>", b"<p>\x00", 1),          # NUL
                    html.encode("cp1252", "ignore")):             # not UTF-8
        got = newspith.extract(variant)
        assert "\x00" not in got.text and got.text.startswith("Café owners"), variant[:20]
    assert newspith.extract(b"\xef\xbb\xbf" + data).text == text
    deep = ("<div>" * 3000 + "<p>Deep words here.</p>" + "</div>" * 3000).encode("utf-8")
    assert "Deep words here." in parse(deep, ExtractConfig(max_parse_depth=100)).tree.body.text()
