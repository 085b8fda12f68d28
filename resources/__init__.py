"""Bundled fonts, translations and demo data (installed as otop_pos.resources)."""
