"""Steps that run on the built site: the stylesheet cut (:mod:`.csspurge`, started by
:mod:`werkzorg.sphinxext.light_pages` after the build) and the printable handouts
(:mod:`.handouts`, ``make handouts``)."""
