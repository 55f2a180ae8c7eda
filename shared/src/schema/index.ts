/**
 * The content model, defined once. The studio registers `schemaTypes`; the site
 * never imports this module (it reads query results, typed by TypeGen from it).
 */
import {article} from './documents/article'
import {author} from './documents/author'
import {category} from './documents/category'
import {city} from './documents/city'
import {listicle} from './documents/listicle'
import {siteSettings} from './documents/siteSettings'
import {accessibleImage} from './objects/accessibleImage'
import {externalLink} from './objects/externalLink'
import {highlight} from './objects/highlight'
import {listicleEntry} from './objects/listicleEntry'
import {articleBody, richText} from './objects/portableText'
import {seo} from './objects/seo'
import {socialEmbed} from './objects/socialEmbed'
import {socialProfile} from './objects/socialProfile'

export const documentTypes = [listicle, city, article, category, author, siteSettings]

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
export const singletonTypes = new Set([siteSettings.name])

export {SITE_SETTINGS_ID} from './documents/siteSettings'
export {EXCERPT_MAX_LENGTH} from './documents/article'
export {SOCIAL_POST_URL_PATTERN} from './objects/socialEmbed'
export {SAFE_LINK_SCHEMES, SLUG_PATTERN} from './rules'
