"""What each page of the window shows and decides, without Qt: its view models.

A presenter takes the session (``workflow.session``) and answers in plain
data: the rows and columns of a table, the totals, a cell's text and what
typed text means, which actions are enabled, the findings a page lists. The
Qt pages in ``ui/pages`` only bind widgets to them, and the tests of page
logic (``tests/presenters``) run them without a QApplication.
"""
