"""Exports: the dataset as downloads (one JSON document, CSV tables, a data package)."""
