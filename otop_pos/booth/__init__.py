"""Booth use cases: catalogue, checkout, void/refund, day open/close, PIN, backup, simulate."""
