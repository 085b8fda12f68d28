"""File formats that travel between organiser and booths (no store access)."""
