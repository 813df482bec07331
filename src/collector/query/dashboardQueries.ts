// What the dashboard shows (/api/summary): the p75 of each vital overall and by page (one query,
// its rows split by `overall`), the error groups and the latest sessions, over the common filter.
import { ERROR_GROUPS } from './errorQueries'
import { SESSIONS } from './sessionQueries'
import { vitalsAndGroupsSql } from './vitalQueries'

export const SUMMARY = {
  vitals: vitalsAndGroupsSql('page'),
  errors: ERROR_GROUPS,
  sessions: SESSIONS,
}
