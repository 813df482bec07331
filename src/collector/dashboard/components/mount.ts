import type uPlot from 'uplot'

/**
 * Work to do once a view's nodes are in the page (a chart needs its width); it registers the
 * charts it made, which the next render destroys.
 */
export type Mount = (work: (charts: uPlot[]) => void) => void
