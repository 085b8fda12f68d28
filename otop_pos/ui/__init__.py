"""PySide6 windows, widgets, table models and workers."""
