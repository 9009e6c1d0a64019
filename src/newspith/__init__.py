"""newspith: turn raw captures of news pages into clean, structured articles.

>>> import newspith
>>> article = newspith.extract("<html><body><article><h1>Hi</h1><p>...</p></article></body></html>")
>>> article.title, article.text, article.to_markdown()
>>> newspith.clean_text(open("page-dump.txt").read())   # text already flattened from a page
"""

from newspith.article import Article, Block, BlockKind
from newspith.config import DecodeConfig, ExtractConfig, FetchConfig, TextConfig
from newspith.decode import Decoded, decode, repair_text
from newspith.errors import DecodeError, FetchError, InputError, NewspithError, TooLargeError
from newspith.extract import extract
from newspith.extract.explain import BlockDecision, Explanation, explain
from newspith.textmode import clean_text, explain_text

__version__ = "0.1.0"

__all__ = [
    "Article", "Block", "BlockKind",
    "DecodeConfig", "ExtractConfig", "FetchConfig",
    "Decoded", "decode", "repair_text",
    "NewspithError", "InputError", "TooLargeError", "DecodeError", "FetchError",
    "extract", "explain", "Explanation", "BlockDecision",
    "clean_text", "explain_text", "TextConfig",
    "__version__",
]
