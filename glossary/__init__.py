"""Glossary: one canonical English form per named entity (filled by issue 4)."""
