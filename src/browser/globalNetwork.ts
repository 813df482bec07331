// dist/rumlet.network.js: the network module for script-tag pages, next to dist/rumlet.js.
import { addOn } from './lib/addOn'
import { network } from './modules/network'

addOn(network)
