"""ApplyWizard: prepares applications to the intergovernmental S&T cooperation call."""

__version__ = "0.1.0"
APP_NAME = "ApplyWizard"
"""The program's name: its folders, its settings and its window's title bars."""
