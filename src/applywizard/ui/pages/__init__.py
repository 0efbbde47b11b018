"""One module per wizard page: widgets, layout and signals only.

What a page shows and decides is its presenter in ``applywizard.presenters``
(``ui/pages/budget.py`` binds ``presenters/budget.py``, and so on); the
pages' base classes are ``ui.page_frame.PageFrame`` and ``pages.base.WizardPage``.
"""
