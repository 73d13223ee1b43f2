"""Provides the app's widgets; each module holds one widget and its messages."""
