"""Provides the pytest plugin that collects scenarios as test items (``pytest scenarios/``)."""
