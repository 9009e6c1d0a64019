"""The public API: the names DESIGN.md promises exist and nothing else leaks out."""

import newspith

PROMISED = {"extract", "Article", "Block", "BlockKind", "ExtractConfig", "DecodeConfig",
            "FetchConfig", "decode", "repair_text", "Decoded", "NewspithError", "InputError",
            "TooLargeError", "DecodeError", "FetchError", "__version__", "explain",
            "Explanation", "BlockDecision", "clean_text", "explain_text", "TextConfig"}


def test_all_is_explicit_and_complete():
    assert set(newspith.__all__) == PROMISED
    for name in newspith.__all__:
        assert hasattr(newspith, name), name


def test_article_fields_named_in_design():
    a = newspith.extract("<html><body><p>x</p></body></html>")
    for field in ("title", "text", "blocks", "authors", "published", "modified", "site_name",
                  "language", "url", "is_article"):
        assert hasattr(a, field), field
    assert callable(a.to_dict) and callable(a.to_markdown)
