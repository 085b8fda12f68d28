"""Organiser use cases: fairs, registry, packages, import, figures."""
