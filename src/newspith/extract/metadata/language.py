"""The page's language (ISO 639-1): what it declares (``<html lang>``, ``content-language``,
``og:locale``, JSON-LD ``inLanguage``), checked against its text with py3langid, whose model
ships inside its package (no download at run time).

The declared language stands unless the text clearly says otherwise (a template's ``lang="en"``
on a German article); a page that declares nothing gets the identifier's verdict when it is sure.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Final

from newspith.config import MetadataConfig
from newspith.extract.metadata.vocab import FUNCTION_WORDS

__all__ = ["declared_language", "identify", "preload", "settle"]

_TAG: Final = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*$")
# ISO 639-2/3 codes some pages declare, and old or alias codes, mapped to ISO 639-1.
_ALIASES: Final = {"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es",
                   "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "jpn": "ja",
                   "zho": "zh", "chi": "zh", "iw": "he", "in": "id", "ji": "yi", "jw": "jv",
                   "nb": "no", "nn": "no"}


def normalise(tag: str | None) -> str | None:
    """``en-US`` → ``en``; ``None`` for values that are not language tags."""
    if not tag:
        return None
    m = _TAG.match(tag.strip())
    if not m:
        return None
    code = m.group(1).lower()
    code = _ALIASES.get(code, code)
    return code if len(code) == 2 else None


def declared_language(facts) -> tuple[str | None, str | None, str | None]:
    """``(code, full tag, provenance)`` of the first language the page declares."""
    candidates = [(facts.html_lang, "html-lang")]
    candidates += [(v, "meta:name") for v in facts.meta.get("content-language", ())]
    candidates += [(v, "meta:og") for v in facts.meta.get("og:locale", ())]
    for o in facts.ld.objects[:5]:
        if isinstance(o.get("inLanguage"), str):
            candidates.append((o["inLanguage"], "json-ld"))
    for tag, src in candidates:
        code = normalise(tag.split(",")[0] if tag else None)
        if code:
            return code, tag.strip(), src
    return None, None, None


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once per process on first use, never at import time: from the user's disk cache
    # (about 0.1 s) once the shipped LZMA model (about 0.7 s to unpack) has been loaded once.
    from importlib.metadata import version

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from newspith.diskcache import cached

    def build():
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    try:
        stat = os.stat(os.path.join(MODEL_DIR, MODEL_FILE))  # (a relative name is in MODEL_DIR)
        key = f"{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}"
    except Exception:  # noqa: BLE001 - no way to key an entry: load it the slow way
        return build()
    return cached("py3langid-normprobs", key, build)  # (the name says how it is built)


def preload() -> None:
    """Load the identifier's model now (a worker pool calls this before it forks, so that
    workers share the loaded model instead of each loading it again)."""
    try:
        _identifier()
    except ImportError:
        pass


def identify(text: str, config: MetadataConfig, sample: int | None = None
             ) -> tuple[str | None, float]:
    """The language of ``text`` (its first ``sample`` characters, by default
    ``config.lang_sample_chars``) and the identifier's probability; ``(None, 0)`` if too short
    or if py3langid is not installed."""
    if len(text) < config.lang_min_chars:
        return None, 0.0
    try:
        ident = _identifier()
    except ImportError:
        return None, 0.0
    code, prob = ident.classify(text[: sample or config.lang_sample_chars])
    return normalise(code), float(prob)


def settle(declared: str | None, source: str | None, text: str, config: MetadataConfig
           ) -> tuple[str | None, str | None, str | None]:
    """``(language, provenance, note)``: the declared language checked against the text."""
    if declared and config.lang_confirm_words and \
            _plainly(declared, text[:config.lang_sample_chars], config.lang_confirm_words):
        return declared, source, None
    if declared is None and config.lang_guess_words and len(text) >= config.lang_min_chars:
        guessed = _plain_language(text[:config.lang_quick_chars], config)
        if guessed is not None:
            return guessed, "function-words", None
    if config.lang_quick_chars < config.lang_sample_chars:
        # Most pages are in the language they declare, and most text is clearly one language: a
        # short sample settles those cheaply; only the rest is read at full length.
        quick, prob = identify(text, config, config.lang_quick_chars)
        if quick is not None and quick == declared:
            return declared, source, None
        if declared is None and quick and prob >= config.lang_min_confidence \
                and quick not in config.lang_never_override:
            return quick, "language-id", None
    found, prob = identify(text, config)
    if declared is None:
        if found and prob >= config.lang_min_confidence and found not in config.lang_never_override:
            return found, "language-id", None
        why = ("no language declared and the text is too short to tell" if found is None
               else f"no language declared and the text is not clearly one ({found} {prob:.2f})")
        return None, None, why
    if found and found != declared and prob >= config.lang_min_confidence \
            and found not in config.lang_never_override:
        return found, "language-id", f"declared {declared!r} but the text is {found!r}"
    return declared, source, None


_WORD: Final = re.compile(r"\w+")
# Each listed function word and the languages it belongs to: the sample is read once.
_LANGS_OF: Final[dict[str, list[str]]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _w in _words:
        _LANGS_OF.setdefault(_w, []).append(_lang)


def _function_word_hits(sample: str) -> tuple[dict[str, int], int]:
    """Each listed language's function words in ``sample``, and how many words it has (the
    sample is read once)."""
    words = _WORD.findall(sample.lower())
    hits: dict[str, int] = {}
    for w in words:
        for lang in _LANGS_OF.get(w, ()):
            hits[lang] = hits.get(lang, 0) + 1
    return hits, len(words)


def _plain_language(sample: str, config: MetadataConfig) -> str | None:
    """The listed language ``sample`` is overwhelmingly in, by its function words: at least
    ``lang_guess_words`` of them, ``lang_guess_share`` of all its words, and more than three
    times any other listed language's; else ``None`` (the identifier decides). The bar is
    higher than :func:`_plainly`'s: no declaration backs the guess, and text in a language
    without a list (Danish, Catalan) shares a few words with the listed ones."""
    hits, words = _function_word_hits(sample)
    if not hits:
        return None
    best = max(hits, key=lambda lang: hits[lang])
    own = hits.pop(best)
    if own < config.lang_guess_words or own < config.lang_guess_share * words:
        return None
    return best if all(3 * n < own for n in hits.values()) else None


def _plainly(declared: str, sample: str, needed: int) -> bool:
    """True when ``sample`` is plainly in ``declared``: at least ``needed`` of its function words,
    and more than twice as many as any other listed language's."""
    if declared not in FUNCTION_WORDS:
        return False
    hits = _function_word_hits(sample)[0]
    own = hits.pop(declared, 0)
    return own >= needed and all(2 * n < own for n in hits.values())
