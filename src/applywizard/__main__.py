"""``python -m applywizard`` runs the program."""

from applywizard.launcher import run

run()
