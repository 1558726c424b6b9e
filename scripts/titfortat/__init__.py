"""Tit-for-Tat: claims data checked against its sources, and the explainer site built from it."""

__all__ = ["__version__"]

__version__ = "1.0.0"
