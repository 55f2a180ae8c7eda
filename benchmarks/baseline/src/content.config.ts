/**
 * Astro's own best case: an inline content-layer loader that hands Astro
 * BENCH_ARTICLES articles whose HTML is already rendered (about 600 words each,
 * like the generated dataset's bodies). No CMS, no queries, no images.
 * BASELINE_EDIT=true corrects the first article's title, as `pnpm bench` does to ours.
 */
import {defineCollection} from 'astro:content'
import {z} from 'astro/zod'

const WORDS =
  'city transit energy data sensor mobility housing water grid citizen budget climate park street open platform service network public digital'.split(
    ' ',
  )

function paragraph(article: number, index: number): string {
  const words: string[] = []
  for (let w = 0; w < 60; w++) words.push(WORDS[(article * 7 + index * 13 + w * 3) % WORDS.length]!)
  return `<p>${words.join(' ')}. <a href="https://example.org/${article}/${index}">Source</a></p>`
}

const articles = defineCollection({
  loader: {
    name: 'inline-articles',
    load: async ({store, parseData, generateDigest}) => {
      const count = Number(process.env.BENCH_ARTICLES ?? 1000)
      const edited = process.env.BASELINE_EDIT === 'true'
      store.clear()
      for (let n = 0; n < count; n++) {
        const id = `article-${n}`
        const data = await parseData({
          id,
          data: {
            title: `Article ${n}: how the city gets things done${n === 0 && edited ? ' (corrected)' : ''}`,
            excerpt: `A short summary of article ${n}.`,
            publishedAt: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000),
          },
        })
        const html = Array.from({length: 10}, (_, index) => paragraph(n, index)).join('\n')
        store.set({id, data, rendered: {html}, digest: generateDigest({...data, html})})
      }
    },
  },
  schema: z.object({title: z.string(), excerpt: z.string(), publishedAt: z.coerce.date()}),
})

export const collections = {articles}
