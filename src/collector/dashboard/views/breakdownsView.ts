import { breakdownTable } from '../components/breakdownTable'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

const BY: Record<string, string> = { browser: 'Browser', device: 'Device type', release: 'Release', os: 'OS' }

/** Traffic, errors and vitals by browser, device type, release or OS (from the User-Agent and the release the page sent). */
export const breakdownsView: ViewRender = async (context) => {
  const by = context.state.by in BY ? context.state.by : 'browser'
  const tabs = Object.entries(BY).map(([key, label]) =>
    h('a', { href: context.link({ by: key === 'browser' ? undefined : key, sort: undefined, dir: undefined }), 'aria-current': key === by ? 'page' : undefined }, label),
  )
  return [h('h1', null, 'Breakdowns'), h('div', { class: 'tabs' }, ...tabs), await breakdownTable(context, by, BY[by])]
}
