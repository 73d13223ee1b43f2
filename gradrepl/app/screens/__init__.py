"""Provides the app's screens: workspace, lesson, browser, help and dialogs."""
