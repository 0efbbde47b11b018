"""Checks of a guide pack's data, before it becomes a ``Guide``: ``guide check``'s problems.

``check.check_guide_data`` runs them all on the parsed YAML and reports each
problem at its path (``adapters.guide_check`` turns paths into lines and
columns): the model's own refusals in plain words (``guide.plain_errors``),
repeats and references (``references``), rules and their parameters, which
needs the kinds of check of ``domain.rules`` (``rules``), headline figures
(``figures``) and clause texts against the guide's words (``source_text``).
It sits beside ``guide`` and ``rules`` so that neither imports the other's
way back.
"""
