// The script-tag build with attribution (dist/rumlet.attribution.js): global.ts over attribution.ts.
import './attribution'
import './global'
