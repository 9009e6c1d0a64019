import codecs

import pytest

from newspith.decode import charset_from_content_type, decode, looks_mojibaked, repair_text
from newspith.errors import DecodeError

FRENCH = ("Le marché couvert rouvre après deux ans de travaux : les commerçants, soulagés, "
          "espèrent retrouver leur clientèle d'été. « C'est une très bonne nouvelle », "
          "a déclaré la maire, évoquant un chantier à 4,2 millions d'euros. ") * 4


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


def test_http_charset_wins_over_nothing():
    d = decode(page(FRENCH).encode("cp1252"), "text/html; charset=windows-1252")
    assert d.source == "http" and d.encoding == "cp1252"
    assert "marché" in d.text


def test_meta_charset():
    d = decode(page(FRENCH, '<meta charset="windows-1252">').encode("cp1252"))
    assert (d.encoding, d.source) == ("cp1252", "meta")
    assert "« C'est" in d.text


def test_http_equiv_meta():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    d = decode(page("Preis: 5 € für Straße", head).encode("cp1252"))
    # iso-8859-1 means windows-1252 on the web (WHATWG): the euro sign at 0x80 survives.
    assert "5 € für Straße" in d.text


def test_bom_overrides_declarations():
    raw = codecs.BOM_UTF8 + page("naïve café", '<meta charset="iso-8859-1">').encode("utf-8")
    d = decode(raw, "text/html; charset=iso-8859-1")
    assert (d.encoding, d.source) == ("utf-8", "bom")
    assert "naïve café" in d.text and not d.text.startswith("\ufeff")


def test_utf16_bom():
    d = decode(codecs.BOM_UTF16_LE + page("Grüße").encode("utf-16-le"))
    assert d.encoding == "utf-16-le" and "Grüße" in d.text


def test_meta_that_lies_single_byte_label_on_utf8():
    raw = page("José Núñez — “quoted”", '<meta charset="iso-8859-1">').encode("utf-8")
    d = decode(raw)
    assert d.encoding == "utf-8"
    assert "José Núñez — “quoted”" in d.text


def test_meta_that_lies_utf8_label_on_cp1252():
    raw = page(FRENCH, '<meta charset="utf-8">').encode("cp1252")
    d = decode(raw)
    assert d.source == "detected"
    assert "marché couvert" in d.text and "commerçants" in d.text


def test_no_declaration_utf8():
    d = decode(page("Ελληνικά και русский").encode("utf-8"))
    assert (d.encoding, d.source) == ("utf-8", "utf-8")


def test_invalid_utf8_without_declaration_never_raises():
    d = decode(b"<p>ok \xff\xfe\xc3 broken \x80\x81</p>" * 50)
    assert "ok" in d.text and "broken" in d.text


def test_unknown_label_is_ignored():
    d = decode(page("plain", '<meta charset="x-made-up-9">').encode("ascii"))
    assert "plain" in d.text


def test_decode_rejects_str():
    with pytest.raises(DecodeError):
        decode("already text")  # type: ignore[arg-type]


def test_content_type_parsing():
    assert charset_from_content_type('text/html; charset="UTF-8"') == "UTF-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None


@pytest.mark.parametrize("broken, fixed", [
    ("government â€” said", "government — said"),
    ("It\u00e2\u20ac\u2122s here", "It’s here"),
    ("CafÃ© crÃ¨me", "Café crème"),
])
def test_repair_mojibake(broken, fixed):
    assert looks_mojibaked(broken)
    assert repair_text(broken) == fixed


def test_mojibake_test_on_bytes_is_the_character_pair_test():
    # A letter in Â-ô followed by a continuation byte's Windows-1252 or Latin-1 character,
    # searched in UTF-8: the same answer as the pair of character classes, for every pair.
    continuations = set(map(chr, range(0x80, 0xC0))) | set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    for lead in map(chr, range(0xB0, 0x110)):
        for cp in range(0x20, 0x2200):
            second = chr(cp)
            text = f"x{lead}{second}y"
            expected = "\u00c2" <= lead <= "\u00f4" and second in continuations
            assert looks_mojibaked(text) is expected, (lead, second)
            assert looks_mojibaked(text, text.encode("utf-8")) is expected


def test_repair_leaves_clean_text_alone():
    for clean in ("plain ascii", "Straße „Zitat“ — ok", "naïve café", "Ελληνικά"):
        assert repair_text(clean) == clean
