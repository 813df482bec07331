// `rumlet/network`: network timing with W3C trace propagation, an opt-in module kept out of the
// default build. Pass it to `init` (`modules: [network]`) or to `use`.
export { network } from './modules/network'
