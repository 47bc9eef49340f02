"""Werk & Zorg: logic behind the knowledge base (data, claims, household model, plots)."""

__version__ = "0.1.0"
