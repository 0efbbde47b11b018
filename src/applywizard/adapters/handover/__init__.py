"""Packs for handing a draft on: one zip file with the draft and its attached files.

``writing`` finds each attached file (in the places the caller names, in
order), verifies it against the SHA-256 the draft records and writes the pack
atomically; ``reading`` checks a pack from someone else before anything is
written and unpacks it into a new or empty folder, all at once. ``names``
says which entry names are safe on Windows, macOS and Linux, ``manifest`` is
the pack's table of contents, ``refusals`` the reasons a pack is refused, in
Chinese and English.
"""
