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
 * Every ranked list with its entries in rank order and each city in full. Lists and
 * articles are ordered by dateTime(): by the instant, whatever zone the text is in.
 */
export const LISTICLES_QUERY =
  defineQuery(`*[_type == "listicle" && defined(slug.current)] | order(dateTime(publishedAt) desc, _id asc){
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
}`)

/** Every city, for city pages. */
export const CITIES_QUERY =
  defineQuery(`*[_type == "city" && defined(slug.current)] | order(name asc){
  ...${cityProjection}
}`)

/**
 * Every Latest article already published, newest first, with its full body for
 * pages and feeds. An article dated in the future is scheduled: it appears with
 * the first build on or after its date, from a dataset file or a Content Lake alike.
 */
export const ARTICLES_QUERY =
  defineQuery(`*[_type == "article" && defined(slug.current) && dateTime(publishedAt) <= dateTime(now())] | order(dateTime(publishedAt) desc, _id asc){
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
}`)

/** Every category, for category pages and feeds. */
export const CATEGORIES_QUERY =
  defineQuery(`*[_type == "category" && defined(slug.current)] | order(title asc){
  _id,
  title,
  "slug": slug.current,
  description
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
