"""One content rendering: a variant's blocks are selected from the one token stream
(``select``) and rendered to body HTML in the flavour a format asks for (``render``)."""
