"""The address book: units, partners and people reused across applications, in SQLite."""
