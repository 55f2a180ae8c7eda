/**
 * What to read next: articles that share a city first, then articles of the same
 * category, then the newest others, up to three and never the article itself.
 * Each source is read only up to its first few entries, so the cost per page
 * stays constant however large the archive.
 */
import type {Article, SiteContent} from './site-content'

export const RELATED_COUNT = 3

type Lookups = Pick<SiteContent, 'articles' | 'articlesByCity' | 'articlesByCategory'>

/** Up to `count` articles from the candidate lists, in order, without `exclude` and repeats. */
function pick(candidates: Article[][], exclude: string | undefined, count: number): Article[] {
  const chosen = new Map<string, Article>()
  for (const list of candidates) {
    for (const article of list.slice(0, count + 1)) {
      if (article._id !== exclude && !chosen.has(article._id)) chosen.set(article._id, article)
      if (chosen.size === count) return [...chosen.values()]
    }
  }
  return [...chosen.values()]
}

export function relatedToArticle(article: Article, content: Lookups): Article[] {
  const byCity = (article.relatedCities ?? []).map(
    (city) => content.articlesByCity.get(city._id) ?? [],
  )
  const byCategory = content.articlesByCategory.get(article.category._id) ?? []
  return pick([...byCity, byCategory, content.articles], article._id, RELATED_COUNT)
}

/** A city's Latest articles: about it first, then about what it is known for, then the newest. */
export function relatedToCity(
  city: {_id: string; themes: Array<{_id: string}> | null},
  content: Lookups,
): Article[] {
  const byTheme = (city.themes ?? []).map(
    (theme) => content.articlesByCategory.get(theme._id) ?? [],
  )
  const about = content.articlesByCity.get(city._id) ?? []
  return pick([about, ...byTheme, content.articles], undefined, RELATED_COUNT)
}
