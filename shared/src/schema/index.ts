/**
 * The content model, defined once. The studio registers `schemaTypes`; the site
 * never imports this module (it reads query results, typed by TypeGen from it).
 */
import {article} from './documents/article.ts'
import {author} from './documents/author.ts'
import {category} from './documents/category.ts'
import {city} from './documents/city.ts'
import {listicle} from './documents/listicle.ts'
import {redirect} from './documents/redirect.ts'
import {siteSettings} from './documents/siteSettings.ts'
import {accessibleImage} from './objects/accessibleImage.ts'
import {externalLink} from './objects/externalLink.ts'
import {highlight} from './objects/highlight.ts'
import {listicleEntry} from './objects/listicleEntry.ts'
import {articleBody, richText} from './objects/portableText.ts'
import {seo} from './objects/seo.ts'
import {socialEmbed} from './objects/socialEmbed.ts'
import {socialProfile} from './objects/socialProfile.ts'

export const documentTypes = [listicle, city, article, category, author, siteSettings, redirect]

export const objectTypes = [
  accessibleImage,
  articleBody,
  externalLink,
  highlight,
  listicleEntry,
  richText,
  seo,
  socialEmbed,
  socialProfile,
]

export const schemaTypes = [...documentTypes, ...objectTypes]

/** Documents that exist once, with a fixed id. */
export const singletonTypes: ReadonlySet<string> = new Set([siteSettings.name])

export {SITE_SETTINGS_ID} from './documents/siteSettings.ts'
export {EXCERPT_MAX_LENGTH} from './documents/article.ts'
export {SOCIAL_POST_URL_PATTERN} from './objects/socialEmbed.ts'
export {SAFE_LINK_SCHEMES, SLUG_PATTERN} from './rules.ts'
export {PREVIOUS_SLUGS} from './fields.ts'
