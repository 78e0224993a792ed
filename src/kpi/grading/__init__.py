"""Grading: bands, tier sets (criteria), the decision of which tier an outcome earns, grades and lint."""
