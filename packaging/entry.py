"""The frozen program's entry point (PyInstaller runs this file)."""

from applywizard.launcher import run

run()
