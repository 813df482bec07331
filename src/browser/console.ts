// `rumlet/console`: `console.error` calls recorded as errors, an opt-in module kept out of the
// default build. Pass it to `init` (`modules: [consoleErrors]`) or to `use`.
export { consoleErrors } from './modules/console'
