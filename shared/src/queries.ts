/**
 * Every GROQ query the site runs, written once. The same strings go to the
 * bundled dataset (groq-js) and to the Content Lake (@sanity/client), and
 * Sanity TypeGen derives each result type from them (src/generated/).
 *
 * Pages read a handful of bulk queries once per build, never one query per page.
 */
import {defineQuery} from 'groq'

// Projections reused below. TypeGen resolves these interpolations.
const imageProjection = /* groq */ `{
  alt,
  caption,
  credit,
  hotspot,
  crop,
  "asset": asset->{
    _id,
    url,
    path,
    mimeType,
    size,
    "width": metadata.dimensions.width,
    "height": metadata.dimensions.height,
    "lqip": metadata.lqip
  }
}`

const categoryLinkProjection = /* groq */ `{_id, title, "slug": slug.current}`

const authorProjection = /* groq */ `{
  name,
  "slug": slug.current,
  role,
  bio,
  url,
  "image": image${imageProjection}
}`

const cityProjection = /* groq */ `{
  _id,
  name,
  "slug": slug.current,
  country,
  region,
  summary,
  highlights[]{_key, label, value, number, unit, source},
  themes[]->${categoryLinkProjection},
  "image": image${imageProjection},
  socialEmbed{url, authorName, authorHandle, text, postedAt},
  links[]{_key, title, url}
}`

const bodyProjection = /* groq */ `body[]{
  ...,
  _type == "accessibleImage" => ${imageProjection}
}`

/** Publication identity, navigation and the follow / subscribe blocks. */
export const SITE_SETTINGS_QUERY =
  defineQuery(`*[_type == "siteSettings" && _id == "siteSettings"][0]{
  title,
  tagline,
  siteUrl,
  followHeading,
  subscribe{text, label, url},
  socialProfiles[]{_key, platform, handle, url},
  "featuredListicleId": featuredListicle._ref
}`)

/**
 * The collections: each query is written from a filter, an order and a projection,
 * so that its paged variant (for a Content Lake, below) is built from the same parts.
 * Lists and articles are ordered by dateTime(): by the instant, whatever zone the
 * text is in.
 */
const listicleFilter = /* groq */ `_type == "listicle" && defined(slug.current)`
const listicleOrder = /* groq */ `dateTime(publishedAt) desc, _id asc`
const listicleProjection = /* groq */ `{
  _id,
  title,
  "slug": slug.current,
  dek,
  intro,
  closing,
  publishedAt,
  updatedAt,
  "author": author->${authorProjection},
  "heroImage": heroImage${imageProjection},
  categories[]->${categoryLinkProjection},
  seo{title, description, noIndex},
  "entries": entries[defined(city->slug.current)]{
    _key,
    blurb,
    "city": city->${cityProjection}
  }
}`

const cityFilter = /* groq */ `_type == "city" && defined(slug.current)`
const cityOrder = /* groq */ `name asc`
const cityPageProjection = /* groq */ `{
  ...${cityProjection}
}`

/**
 * An article dated in the future is scheduled: it appears with the first build on
 * or after its date, from a dataset file or a Content Lake alike.
 */
const articleFilter = /* groq */ `_type == "article" && defined(slug.current) && dateTime(publishedAt) <= dateTime(now())`
const articleOrder = /* groq */ `dateTime(publishedAt) desc, _id asc`
const articleProjection = /* groq */ `{
  _id,
  title,
  "slug": slug.current,
  excerpt,
  publishedAt,
  "category": category->${categoryLinkProjection},
  "author": author->${authorProjection},
  "heroImage": heroImage${imageProjection},
  "relatedCities": relatedCities[]->{_id, name, "slug": slug.current, country},
  seo{title, description, noIndex},
  ${bodyProjection}
}`

const categoryFilter = /* groq */ `_type == "category" && defined(slug.current)`
const categoryOrder = /* groq */ `title asc`
const categoryProjection = /* groq */ `{
  _id,
  title,
  "slug": slug.current,
  description
}`

/** Every ranked list with its entries in rank order and each city in full. */
export const LISTICLES_QUERY = defineQuery(
  `*[${listicleFilter}] | order(${listicleOrder})${listicleProjection}`,
)

/** Every city, for city pages. */
export const CITIES_QUERY = defineQuery(
  `*[${cityFilter}] | order(${cityOrder})${cityPageProjection}`,
)

/** Every Latest article already published, newest first, with its full body for pages and feeds. */
export const ARTICLES_QUERY = defineQuery(
  `*[${articleFilter}] | order(${articleOrder})${articleProjection}`,
)

/** Every category, for category pages and feeds. */
export const CATEGORIES_QUERY = defineQuery(
  `*[${categoryFilter}] | order(${categoryOrder})${categoryProjection}`,
)

/**
 * The same collections from a Content Lake, in pages (content/paged-fetch.ts): at
 * 100,000 articles one answer would be hundreds of megabytes, with no progress
 * and one retry for all of it. Pages follow `_id` (`_id > $lastId`, which the
 * Content Lake answers from its index); the first page (`$lastId == ""`) also
 * brings the collection's order as a list of ids (empty on later pages), so that
 * the stitched pages are the collection query's answer, in its order, ties included.
 *
 * PAGE_SIZE was measured against the local query server (see the commit that set it).
 */
const PAGE_SIZE = 1000

export const LISTICLES_PAGE_QUERY = defineQuery(`{
  "order": *[$lastId == "" && ${listicleFilter}] | order(${listicleOrder})._id,
  "page": *[${listicleFilter} && _id > $lastId] | order(_id asc)[0...${PAGE_SIZE}]${listicleProjection}
}`)

export const CITIES_PAGE_QUERY = defineQuery(`{
  "order": *[$lastId == "" && ${cityFilter}] | order(${cityOrder})._id,
  "page": *[${cityFilter} && _id > $lastId] | order(_id asc)[0...${PAGE_SIZE}]${cityPageProjection}
}`)

export const ARTICLES_PAGE_QUERY = defineQuery(`{
  "order": *[$lastId == "" && ${articleFilter}] | order(${articleOrder})._id,
  "page": *[${articleFilter} && _id > $lastId] | order(_id asc)[0...${PAGE_SIZE}]${articleProjection}
}`)

export const CATEGORIES_PAGE_QUERY = defineQuery(`{
  "order": *[$lastId == "" && ${categoryFilter}] | order(${categoryOrder})._id,
  "page": *[${categoryFilter} && _id > $lastId] | order(_id asc)[0...${PAGE_SIZE}]${categoryProjection}
}`)

/**
 * Every old address: the earlier slugs of pages (recorded by the studio when a
 * changed slug is published) and the editors' redirects. The site resolves them
 * against the pages it builds (site/src/lib/redirects.ts).
 */
export const REDIRECTS_QUERY = defineQuery(`{
  "moved": *[_type in ["listicle", "city", "article", "category"] && count(previousSlugs) > 0] | order(_id asc){
    _id,
    _type,
    "slug": slug.current,
    previousSlugs
  },
  "manual": *[_type == "redirect"] | order(_id asc){
    _id,
    from,
    toPath,
    "toDocument": toDocument._ref
  }
}`)
