"""The desktop interface (PySide6): windows, pages, dialogs, models and background operations."""
