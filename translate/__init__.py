"""dolmetsch: offline German-to-English translation and glossary toolkit for news articles."""

from __future__ import annotations

__version__ = "0.1.0"
