/**
 * Sanity's stegaClean, for the pages: only the preview server's content carries
 * stega (its Content Lake source encodes it for click-to-edit), so the static
 * build, which sets __STEGA__ to false, skips the deep copy it makes of every
 * value (at 10,000 articles that was seconds of every build). Wherever
 * __STEGA__ is not set (the preview server, tests importing these modules),
 * values are cleaned.
 */
import {stegaClean as sanityStegaClean} from '@sanity/client/stega'

const contentCarriesStega = typeof __STEGA__ === 'undefined' || __STEGA__

// Without stega, a value is its cleaned self: the same type as Sanity's result.
export const stegaClean = (
  contentCarriesStega ? sanityStegaClean : <T>(value: T) => value
) as typeof sanityStegaClean
