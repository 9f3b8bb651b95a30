"""Dialogs of the account administration and the session (password change)."""
