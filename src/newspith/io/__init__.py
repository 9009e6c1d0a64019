"""Readers (inputs → :class:`~newspith.document.Document`) and writers (rows → files)."""
