/**
 * Pages keep the slugs they were published under (`previousSlugs`), so that old
 * addresses redirect to them. The publish action records the slug being left when
 * an editor publishes a changed one; editors can remove an entry in the form.
 */
import {PREVIOUS_SLUGS} from '@smart-cities/shared/schema'
import {useDocumentOperation, type DocumentActionComponent, type SanityDocument} from 'sanity'

type Slugged = Pick<SanityDocument, '_id'> & Record<string, unknown>

const slugOf = (document: Slugged | null | undefined) => {
  const slug = document?.slug as {current?: unknown} | undefined
  return typeof slug?.current === 'string' && slug.current !== '' ? slug.current : undefined
}

/**
 * The earlier slugs once `draft` is published over `published`: the slug being
 * left is added (once), and a slug taken again is removed, since its address is
 * the page's own again. Undefined when the list stays as it is.
 */
export function previousSlugsOnPublish(
  draft: Slugged | null | undefined,
  published: Slugged | null | undefined,
): string[] | undefined {
  const recorded = draft?.[PREVIOUS_SLUGS]
  const before = Array.isArray(recorded)
    ? recorded.filter((slug): slug is string => typeof slug === 'string')
    : []
  const next = slugOf(draft)
  const left = slugOf(published)
  let after = before
  if (left && next && left !== next && !after.includes(left)) after = [...after, left]
  if (next) after = after.filter((slug) => slug !== next)
  const unchanged = after.length === before.length && after.every((slug, i) => slug === before[i])
  return unchanged ? undefined : after
}

/** The studio's publish action, recording the slug being left before it publishes. */
export function withSlugHistory(publish: DocumentActionComponent): DocumentActionComponent {
  const PublishKeepingSlugs: DocumentActionComponent = (props) => {
    const description = publish(props)
    const {patch} = useDocumentOperation(props.id, props.type)
    if (!description) return description
    return {
      ...description,
      onHandle: () => {
        const previousSlugs = previousSlugsOnPublish(props.draft, props.published)
        // Patched into the draft first, so the publish that follows carries it.
        if (previousSlugs) patch.execute([{set: {[PREVIOUS_SLUGS]: previousSlugs}}])
        description.onHandle?.()
      },
    }
  }
  PublishKeepingSlugs.action = publish.action
  PublishKeepingSlugs.displayName = 'PublishKeepingSlugs'
  return PublishKeepingSlugs
}
