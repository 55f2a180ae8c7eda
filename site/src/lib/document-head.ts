/**
 * The head of a page that shows one published piece (an article, a ranked list):
 * what editors set under "Search and sharing" wins, else the piece's own title and
 * summary; its hero is the link preview, its dates are the article dates.
 */
import type {HeadProps} from '../components/BaseHead.astro'
import type {Article, Listicle} from './site-content'

export function documentHead(piece: Article | Listicle, summary: string): HeadProps {
  return {
    title: piece.seo?.title ?? piece.title,
    description: piece.seo?.description ?? summary,
    image: piece.heroImage,
    type: 'article',
    publishedTime: piece.publishedAt,
    modifiedTime: 'updatedAt' in piece ? piece.updatedAt : undefined,
    noIndex: piece.seo?.noIndex,
  }
}
