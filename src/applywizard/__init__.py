"""ApplyWizard: prepares applications to the intergovernmental S&T cooperation call."""

__version__ = "0.1.0"
