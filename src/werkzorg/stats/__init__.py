"""Statistics for the book: the notebooks' matplotlib figures (:mod:`.figures`), the site's live
Vega charts (:mod:`.live_charts`, with their runner ``static/charts.js``) and the one plot style
both use (:mod:`.plot_style`). Series are selected through :mod:`werkzorg.data.series`."""
