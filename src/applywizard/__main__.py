"""``python -m applywizard`` runs the command line."""

from applywizard.cli.main import run

run()
