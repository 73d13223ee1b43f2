"""Provides the framework-free core: reports, requests, scenarios, lessons, checks.

Nothing under gradrepl.core imports a UI toolkit or an ML framework.
"""
