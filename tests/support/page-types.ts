/** The page types tests check; shared with the Lighthouse benchmark, so it lives in support/. */
export { pageTypes, SEARCH_QUERY, type PageType } from '../../support/page-types.ts';
