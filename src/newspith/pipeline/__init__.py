"""Steps over Documents: extract each page into a row, never losing one."""

from newspith.pipeline.steps import Row, extract_document

__all__ = ["Row", "extract_document"]
