// dist/rumlet.console.js: the console module for script-tag pages, next to dist/rumlet.js.
import { addOn } from './lib/addOn'
import { consoleErrors } from './modules/console'

addOn(consoleErrors)
