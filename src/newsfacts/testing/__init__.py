"""Tools for testing extractors: Hypothesis strategies and a conformance check."""
