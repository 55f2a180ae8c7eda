/** The dated Sanity API version every client of this project speaks: the site, the studio and the tests. */
export const API_VERSION = '2025-02-19'
