"""The generated documents: the application form, the bilateral tables, the IP checklists."""
