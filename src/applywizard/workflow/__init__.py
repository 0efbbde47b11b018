"""What the wizard does, without Qt: page flow, the draft being edited, recovery."""
