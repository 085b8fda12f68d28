"""otop-pos: point of sale and booth sales tracker for OTOP community-product fairs."""

__version__ = "0.1.0"
