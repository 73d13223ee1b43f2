"""Provides the Textual app: a tutor that re-runs every edit and shows the gradient tree.

Importing this package loads nothing heavy; ``gradrepl.app.main`` builds the app.
"""
