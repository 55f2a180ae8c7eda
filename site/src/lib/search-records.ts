/**
 * What site search finds: one Pagefind record per article, city, ranked list and
 * section, built from the content the build already holds (no HTML is read back).
 * Listing pages, pagination, feeds and the 404 are not searchable, and pages
 * editors hid from search engines (seo.noIndex) stay out of site search too.
 *
 * Record content is HTML-escaped, as Pagefind stores the text of HTML pages: its
 * excerpts are then markup-safe apart from the <mark> elements it adds. Meta
 * values stay plain text; the search page writes them with textContent.
 */
import {escapeHTML} from '@portabletext/to-html'
import type {ImageUrls, ProjectedImage} from '@smart-cities/shared/content'
import {routes} from '@smart-cities/shared/routes'
import type {CustomRecord} from 'pagefind'

import {formatDate} from './format'
import {resolveImage} from './images'
import {toPlainText} from './portable-text'
import type {Article, Category, City, Listicle, SiteContent} from './site-content'
import {safeUrl, stripForbiddenChars} from './urls'

/** The content types readers filter by, as the search page names them. */
export const SEARCH_TYPES = {
  article: 'Article',
  city: 'City',
  listicle: 'Ranked list',
  category: 'Section',
} as const

/**
 * Pagefind leaves a record without the sort key out of sorted results, so records
 * with no date of their own (a section nothing was filed under yet) sort last.
 */
const UNDATED = '1970-01-01T00:00:00.000Z'

/** Sort keys compare as text: every date is written in UTC, to the millisecond. */
const sortableDate = (iso: string | null | undefined) => {
  const time = iso ? Date.parse(iso) : Number.NaN
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

interface RecordInput {
  url: string
  type: keyof typeof SEARCH_TYPES
  title: string
  /** Text in reading order; blank parts are skipped. */
  text: Array<string | null | undefined>
  categories: string[]
  /** The date results show (articles and lists); `sortDate` when only sorting needs one. */
  date?: string | null
  sortDate?: string | null
  image?: ProjectedImage | null
}

function searchRecord(input: RecordInput, images: ImageUrls): CustomRecord {
  const clean = (text: string) => stripForbiddenChars(text).replace(/\s+/g, ' ').trim()
  const title = clean(input.title)
  // Parts read as sentences in excerpts: "Vienna. Austria. Half of Vienna is green…"
  const text = [title, ...input.text.map((part) => clean(part ?? ''))]
    .filter(Boolean)
    .map((part) => (/[.!?…:;]$/.test(part) ? part : `${part}.`))
  // A small thumbnail is all a result needs.
  const thumbnail = resolveImage(input.image, images, {maxWidth: 320, largest: 320})
  const thumbnailUrl = safeUrl(thumbnail?.src)
  const date = sortableDate(input.date)
  const sortDate = date ?? sortableDate(input.sortDate)
  const meta: Record<string, string> = {title, type: SEARCH_TYPES[input.type]}
  if (thumbnailUrl && thumbnail) {
    meta.image = thumbnailUrl
    meta.image_alt = clean(thumbnail.alt)
  }
  if (date) {
    meta.date = date
    meta.date_label = formatDate(date)
  }
  return {
    url: input.url,
    language: 'en',
    content: escapeHTML(text.join(' ')),
    meta,
    filters: {
      type: [SEARCH_TYPES[input.type]],
      category: [...new Set(input.categories.map(clean).filter(Boolean))],
    },
    sort: {date: sortDate ?? UNDATED},
  }
}

const articleRecord = (article: Article, images: ImageUrls) =>
  searchRecord(
    {
      url: routes.article(article.slug),
      type: 'article',
      title: article.title,
      text: [
        article.excerpt,
        article.author?.name,
        ...(article.relatedCities ?? []).map((city) => city.name),
        toPlainText(article.body),
      ],
      categories: article.category ? [article.category.title] : [],
      date: article.publishedAt,
      image: article.heroImage,
    },
    images,
  )

function cityRecord(city: City, content: SiteContent): CustomRecord {
  const rankings = content.rankingsByCity.get(city._id) ?? []
  const lists = rankings.map(({listicle}) => content.listicles.find((l) => l._id === listicle._id))
  // A city sorts by the newest list that ranks it.
  const dates = lists.map((list) => sortableDate(list?.updatedAt ?? list?.publishedAt))
  return searchRecord(
    {
      url: routes.city(city.slug),
      type: 'city',
      title: city.name,
      text: [
        city.country,
        city.region,
        toPlainText(city.summary),
        ...(city.highlights ?? []).flatMap((fact) => [fact.label, fact.value]),
        ...lists.flatMap((list) => list?.entries.find((e) => e.city._id === city._id)?.blurb),
      ],
      categories: (city.themes ?? []).map((theme) => theme.title),
      sortDate: dates
        .filter((date) => date !== undefined)
        .sort()
        .at(-1),
      image: city.image,
    },
    content.source.images,
  )
}

function listicleRecord(listicle: Listicle, content: SiteContent): CustomRecord {
  const featured = listicle._id === content.featuredListicle._id
  return searchRecord(
    {
      // The featured list's one canonical address is the home page.
      url: featured ? routes.home() : routes.listicle(listicle.slug),
      type: 'listicle',
      title: listicle.title,
      text: [
        listicle.dek,
        toPlainText(listicle.intro),
        ...listicle.entries.map(({city}) => city.name),
        toPlainText(listicle.closing),
      ],
      categories: (listicle.categories ?? []).map((category) => category.title),
      date: listicle.updatedAt ?? listicle.publishedAt,
      image: listicle.heroImage,
    },
    content.source.images,
  )
}

function categoryRecord(category: Category, content: SiteContent): CustomRecord {
  const newest = [
    content.articlesByCategory.get(category._id)?.[0]?.publishedAt,
    content.listiclesByCategory.get(category._id)?.[0]?.publishedAt,
  ]
    .map(sortableDate)
    .filter((date) => date !== undefined)
    .sort()
    .at(-1)
  const latest = content.articlesByCategory.get(category._id)?.[0]
  return searchRecord(
    {
      url: routes.category(category.slug),
      type: 'category',
      title: category.title,
      text: [category.description],
      categories: [category.title],
      sortDate: newest,
      image: latest?.heroImage,
    },
    content.source.images,
  )
}

const visible = <T extends {seo?: {noIndex?: boolean | null} | null}>(document: T) =>
  !document.seo?.noIndex

/**
 * The articles search finds, oldest first: a new article then lands in the last
 * shard of records, and the others keep their cache keys.
 */
export const searchableArticles = (content: SiteContent): Article[] =>
  content.articles.filter(visible).toReversed()

/** These articles' records. */
export const articleRecords = (articles: Article[], images: ImageUrls): CustomRecord[] =>
  articles.map((article) => articleRecord(article, images))

/** Every searchable page that is not an article: the ranked lists, the cities, the sections. */
export const pageRecords = (content: SiteContent): CustomRecord[] => [
  ...content.listicles.filter(visible).map((listicle) => listicleRecord(listicle, content)),
  ...content.cities.map((city) => cityRecord(city, content)),
  ...content.categories.map((category) => categoryRecord(category, content)),
]
