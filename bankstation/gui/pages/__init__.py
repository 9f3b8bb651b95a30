"""The pages of the main window, and which roles may see each."""
