/**
 * Writes the bundled dataset (dataset/production.ndjson and dataset/images/)
 * from the seed article "The Top Smart Cities In The World" and its "Latest"
 * entries. Facts (cities, order, figures, dates, links) are the seed's; prose is ours.
 *
 *   pnpm --filter @smart-cities/shared dataset:seed
 *
 * The output is committed; editors change content in the studio, not here.
 */
import {rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {
  imageField,
  makeImageAsset,
  skylineSvg,
  type ImageAssetDocument,
  type Palette,
} from './image-assets.ts'
import {keyFor, paragraphs} from './portable-text.ts'

const datasetDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dataset')
const imagesDir = join(datasetDir, 'images')
const CREDIT = 'Illustration generated for this publication'

const ref = (id: string) => ({_type: 'reference', _ref: id})
const keyedRef = (owner: string, id: string) => ({...ref(id), _key: keyFor(owner, id)})
const slug = (current: string) => ({_type: 'slug', current})

type Doc = {_id: string; _type: string; [field: string]: unknown}

// ---------------------------------------------------------------- categories
const categoryData: Array<[id: string, title: string, description: string]> = [
  [
    'smart-cities',
    'Smart cities',
    'How cities use data, networks and automation to work better for residents.',
  ],
  [
    'iot',
    'IoT',
    'The Internet of Things industry: devices, networks and the businesses built on them.',
  ],
  ['transport', 'Transport', 'Public transit, traffic and mobility.'],
  ['energy', 'Energy', 'Renewable power, clean fuels and the grid.'],
  ['connectivity', 'Connectivity', 'Mobile networks, internet speed and public Wi-Fi.'],
  ['parking', 'Parking', 'Sensors and services that help drivers find a space.'],
  ['green-space', 'Green space', 'Parks, green roofs and the share of a city that is green.'],
  ['innovation', 'Innovation', 'Business ecosystems, start-ups and civic technology.'],
  ['cities', 'Cities', 'How cities grow, and what makes people want to live in them.'],
  [
    'client-engagement',
    'Client engagement',
    'Working relationships between service firms and their clients.',
  ],
  ['cg-infinity', 'CG Infinity', 'News and perspectives from the consultancy CG Infinity.'],
  ['salesforce', 'Salesforce', 'Decisions, tools and practice around the Salesforce platform.'],
]
const categoryId = (id: string) => `category-${id}`
const categories: Doc[] = categoryData.map(([id, title, description]) => ({
  _id: categoryId(id),
  _type: 'category',
  title,
  slug: slug(id),
  description,
}))

// ---------------------------------------------------------------- authors
const author: Doc = {
  _id: 'author-iot-desk',
  _type: 'author',
  name: 'IoT Desk',
  slug: slug('iot-desk'),
  role: 'Staff',
  bio: 'The editors who cover the IoT industry for MarketScale.',
}

// ---------------------------------------------------------------- cities, in the seed's order
interface CitySeed {
  slug: string
  name: string
  country: string
  region: string
  palette: Palette
  summary: string[]
  highlights: Array<{label: string; value: string; number?: number; unit?: string}>
  themes: string[]
  socialEmbed?: {url: string; authorHandle: string; authorName: string; postedAt: string}
}

const citySeeds: CitySeed[] = [
  {
    slug: 'boston',
    name: 'Boston',
    country: 'United States',
    region: 'North America',
    palette: {sky: ['#1d3557', '#457b9d'], towers: '#0b1d33', accent: '#f1c453'},
    summary: [
      'Boston places among the leading cities on three counts at once: the strength of its business ecosystem, the speed of its internet connections, and how experts judge its progress toward becoming a smarter city.',
    ],
    highlights: [
      {label: 'Business ecosystem', value: 'Among the top cities'},
      {label: 'Internet speed', value: 'Among the top cities'},
      {label: 'Expert perception', value: 'Rated highly on how the city is getting smarter'},
    ],
    themes: ['innovation', 'connectivity'],
  },
  {
    slug: 'seoul',
    name: 'Seoul',
    country: 'South Korea',
    region: 'Asia',
    palette: {sky: ['#3a0ca3', '#7209b7'], towers: '#14062e', accent: '#f72585'},
    summary: [
      'Seoul is on the verge of switching on 5G networks, and it already counts among the world leaders in putting smart technology to work in transportation.',
    ],
    highlights: [
      {label: '5G', value: 'Networks about to go live'},
      {label: 'Transportation', value: 'A world leader in smart transport technology'},
    ],
    themes: ['connectivity', 'transport'],
  },
  {
    slug: 'vienna',
    name: 'Vienna',
    country: 'Austria',
    region: 'Europe',
    palette: {sky: ['#2d6a4f', '#74c69d'], towers: '#081c15', accent: '#fefae0'},
    summary: [
      'Half of Vienna is green space: parks, woods and gardens make up 50 percent of the city.',
    ],
    highlights: [{label: 'Green space', value: 'Half of the city', number: 50, unit: '%'}],
    themes: ['green-space'],
    socialEmbed: {
      url: 'https://twitter.com/SiemensBT/status/978918557936422912',
      authorHandle: 'SiemensBT',
      authorName: 'Siemens Building Technologies',
      postedAt: '2018-03-28T08:55:46Z',
    },
  },
  {
    slug: 'amsterdam',
    name: 'Amsterdam',
    country: 'Netherlands',
    region: 'Europe',
    palette: {sky: ['#9d0208', '#e85d04'], towers: '#370617', accent: '#ffba08'},
    summary: ['Amsterdam was voted Europe’s Capital of Innovation.'],
    highlights: [{label: 'Innovation', value: 'Voted Europe’s Capital of Innovation'}],
    themes: ['innovation'],
    socialEmbed: {
      url: 'https://twitter.com/NLintheUSA/status/1023678299774623744',
      authorHandle: 'NLintheUSA',
      authorName: 'Netherlands in the USA',
      postedAt: '2018-07-29T21:15:00Z',
    },
  },
  {
    slug: 'tokyo',
    name: 'Tokyo',
    country: 'Japan',
    region: 'Asia',
    palette: {sky: ['#d62828', '#f77f00'], towers: '#1b1b1e', accent: '#fcbf49'},
    summary: [
      'Tokyo scores very well for smart parking and for its number of Wi-Fi hotspots, and it has been made a “green island”.',
    ],
    highlights: [
      {label: 'Smart parking', value: 'Ranked very high'},
      {label: 'Wi-Fi hotspots', value: 'Ranked very high'},
      {label: 'Green island', value: 'Designated a “green island”'},
    ],
    themes: ['parking', 'connectivity', 'green-space'],
  },
  {
    slug: 'stockholm',
    name: 'Stockholm',
    country: 'Sweden',
    region: 'Europe',
    palette: {sky: ['#023e8a', '#48cae4'], towers: '#03045e', accent: '#caf0f8'},
    summary: [
      'Stockholm has been named Europe’s Green Capital more than once, and it was the first city in the world to offer 4G/LTE mobile service.',
    ],
    highlights: [
      {label: 'European Green Capital', value: 'Named on several occasions'},
      {label: '4G/LTE', value: 'First city to introduce the service'},
    ],
    themes: ['green-space', 'connectivity'],
  },
  {
    slug: 'paris',
    name: 'Paris',
    country: 'France',
    region: 'Europe',
    palette: {sky: ['#6d597a', '#e56b6f'], towers: '#355070', accent: '#eaac8b'},
    summary: [
      'Paris is another major city that leans on green and renewable energy. A large share of its public transport runs on clean fuel, and there is even talk of electric cars.',
    ],
    highlights: [
      {label: 'Public transport', value: 'A large share runs on clean fuel'},
      {label: 'Energy', value: 'Green and renewable sources in wide use'},
    ],
    themes: ['energy', 'transport'],
  },
  {
    slug: 'san-francisco',
    name: 'San Francisco',
    country: 'United States',
    region: 'North America',
    palette: {sky: ['#e76f51', '#f4a261'], towers: '#264653', accent: '#e9c46a'},
    summary: [
      'San Francisco’s city grid draws 41 percent of its power from renewable sources, and the city leads on internet speed and smart parking.',
    ],
    highlights: [
      {label: 'Renewable share of the grid', value: '41 percent', number: 41, unit: '%'},
      {label: 'Internet speed', value: 'A leader'},
      {label: 'Smart parking', value: 'A leader'},
    ],
    themes: ['energy', 'connectivity', 'parking'],
  },
  {
    slug: 'new-york-city',
    name: 'New York City',
    country: 'United States',
    region: 'North America',
    palette: {sky: ['#14213d', '#fca311'], towers: '#000000', accent: '#e5e5e5'},
    summary: [
      'New York City was ranked the smartest city in 2017. Smart screens placed around the city carry news and event listings and even offer coupons.',
      'The city is also building smart hubs and an innovative economy, and it keeps working on internet speed and Wi-Fi hotspots.',
    ],
    highlights: [
      {label: 'Ranking', value: 'Smartest city in 2017', number: 2017},
      {label: 'Smart screens', value: 'News, events and coupons across the city'},
      {
        label: 'In development',
        value: 'Smart hubs, innovative economy, internet speed, Wi-Fi hotspots',
      },
    ],
    themes: ['innovation', 'connectivity'],
  },
]

const cityId = (citySlug: string) => `city-${citySlug}`

// ---------------------------------------------------------------- Latest articles (seed order = newest first)
interface ArticleSeed {
  slug: string
  /** Slugs the article was published under before its headline changed. */
  previousSlugs?: string[]
  title: string
  publishedAt: string
  category: string
  excerpt: string
  body: string[]
  palette: Palette
  alt: string
}

const articleSeeds: ArticleSeed[] = [
  {
    slug: 'craftsmanship-and-the-soul-of-cities-with-mike-ablon',
    // First published as "Craftsmanship and the Soul of Cities"; the headline then
    // named the developer, and the old address redirects to the new one.
    previousSlugs: ['craftsmanship-and-the-soul-of-cities'],
    title: 'Craftsmanship and the Soul of Cities with Top Real Estate Developer Mike Ablon',
    publishedAt: '2026-02-02T15:00:00Z',
    category: 'cities',
    excerpt:
      'Over half of humanity already lives in cities, and the UN expects that share to reach 68% by 2050, roughly 2.5 billion more urban residents. The experience economy has changed what people look for in a place: not only what a city offers, but how it feels.',
    body: [
      'More than half of the world’s people already live in cities. The United Nations projects that this share will climb to 68% by 2050, adding roughly 2.5 billion people to urban areas ([UN World Urbanization Prospects](https://population.un.org/wup/)).',
      'At the same time, the experience economy has changed how people judge a place. It is no longer enough to ask what a city has; people also ask how it feels to be there.',
      'Real estate developer Mike Ablon looks at what that shift means for the craft of building places people want to be in.',
    ],
    palette: {sky: ['#335c67', '#e09f3e'], towers: '#540b0e', accent: '#fff3b0'},
    alt: 'Abstract illustration: rows of rectangular towers under a warm evening sky with a pale sun.',
  },
  {
    slug: 'when-client-engagement-becomes-true-partnership',
    title: 'When Client Engagement Becomes True Partnership',
    publishedAt: '2026-02-01T17:00:00Z',
    category: 'client-engagement',
    excerpt:
      'CG Infinity’s Salesforce Practice works inside the organizations it serves rather than as an outside vendor, so that decisions rest on real context, trust and shared accountability.',
    body: [
      'CG Infinity’s Salesforce Practice is built on close, everyday engagement with the organizations it serves.',
      'Instead of acting as an external vendor, the team embeds itself with its clients and works with them consistently and collaboratively. Decisions are then made with real context, mutual trust and accountability that both sides share.',
      'The result is Salesforce work shaped by how a client actually operates, not only by a list of requirements.',
    ],
    palette: {sky: ['#0081a7', '#00afb9'], towers: '#073b4c', accent: '#fed9b7'},
    alt: 'Abstract illustration: a teal sky over two rows of dark blue rectangular towers.',
  },
  {
    slug: 'how-cg-infinity-brings-cross-functional-teams-together',
    title: 'How CG Infinity Brings Cross-Functional Teams Together to Deliver High-Impact Outcomes',
    publishedAt: '2026-02-01T16:00:00Z',
    category: 'cg-infinity',
    excerpt:
      'When a project spans several teams with different priorities, CG Infinity’s Salesforce Practice focuses on alignment: the right stakeholders join early, and decisions are made together so the solution serves the whole organization.',
    body: [
      'CG Infinity’s Salesforce Practice is organized around helping organizations move forward together, especially when an initiative crosses several teams that each have their own priorities.',
      'The emphasis is on alignment. The right stakeholders are brought into the conversation early, and decisions are made collaboratively, so that the finished solution serves the whole organization rather than a single function.',
    ],
    palette: {sky: ['#5f0f40', '#9a031e'], towers: '#0f4c5c', accent: '#fb8b24'},
    alt: 'Abstract illustration: a deep red sky with an orange sun behind teal rectangular towers.',
  },
  {
    slug: 'when-building-beats-buying-salesforce-decisions-at-cg-infinity',
    title: 'When Building Beats Buying: A Smarter Approach to Salesforce Decisions at CG Infinity',
    publishedAt: '2026-02-01T15:00:00Z',
    category: 'salesforce',
    excerpt:
      'Salesforce’s wide ecosystem of tools and integrations brings flexibility, and a steady stream of buy, build or customize decisions. The strongest strategies apply discipline to those choices, meeting specific needs without extra cost or complexity.',
    body: [
      'Salesforce offers a broad ecosystem of tools and integrations. That gives organizations flexibility, but it also means constant decisions about when to buy, when to build and when to customize.',
      'The strongest strategies bring discipline to those choices, so that specific requirements are met without adding needless cost or complexity.',
      'That balance is characteristic of how Mike Reeves, a Vice President at CG Infinity, approaches Salesforce decisions.',
    ],
    palette: {sky: ['#283618', '#606c38'], towers: '#1b1f0e', accent: '#dda15e'},
    alt: 'Abstract illustration: an olive green sky with an amber sun behind dark rectangular towers.',
  },
]

// ---------------------------------------------------------------- assemble
async function main(): Promise<void> {
  await rm(imagesDir, {recursive: true, force: true})
  const assets: ImageAssetDocument[] = []
  const image = async (name: string, palette: Palette) => {
    const asset = await makeImageAsset(imagesDir, `${name}.png`, skylineSvg(name, palette))
    assets.push(asset)
    return asset
  }

  const cities: Doc[] = []
  for (const seed of citySeeds) {
    const asset = await image(seed.slug, seed.palette)
    const id = cityId(seed.slug)
    cities.push({
      _id: id,
      _type: 'city',
      name: seed.name,
      slug: slug(seed.slug),
      country: seed.country,
      region: seed.region,
      summary: paragraphs(id, ...seed.summary),
      highlights: seed.highlights.map((highlight) => ({
        _type: 'highlight',
        _key: keyFor(id, highlight.label),
        ...highlight,
      })),
      themes: seed.themes.map((theme) => keyedRef(id, categoryId(theme))),
      image: imageField(
        asset,
        `Abstract illustration for ${seed.name}: a stylised skyline of rectangular towers under a coloured sky. It does not depict the real city.`,
        {credit: CREDIT},
      ),
      ...(seed.socialEmbed ? {socialEmbed: {_type: 'socialEmbed', ...seed.socialEmbed}} : {}),
    })
  }

  const heroAsset = await image('top-smart-cities', {
    sky: ['#0f172a', '#1e40af'],
    towers: '#020617',
    accent: '#38bdf8',
  })
  const listicleId = 'listicle-top-smart-cities'
  const listicle: Doc = {
    _id: listicleId,
    _type: 'listicle',
    title: 'The Top Smart Cities in the World',
    slug: slug('top-smart-cities-in-the-world'),
    dek: 'Nine cities that are pulling their data, services and security operations together, and what each one does best.',
    heroImage: imageField(
      heroAsset,
      'Abstract illustration: a night-blue skyline of rectangular towers with a bright blue sun.',
      {credit: CREDIT},
    ),
    intro: paragraphs(
      listicleId,
      'People have never been so close to one another. Anyone with a smartphone can see another person’s face on a screen within seconds, so it is only natural that the places where people live are becoming more connected too.',
      'Smart cities are arriving quickly, and some are well on their way to bringing their data, services and security operations together in one place. These are the metropolitan areas that have taken the first steps in the race to automate; their residents will be glad to find them on this list.',
    ),
    entries: citySeeds.map((seed) => ({
      _type: 'listicleEntry',
      _key: keyFor(listicleId, seed.slug),
      city: ref(cityId(seed.slug)),
    })),
    closing: paragraphs(
      `${listicleId}-closing`,
      'Before long, travel, communication, security and information will blend into everyday city life. These hubs are test cases for the rest of the world as it becomes more connected, driven by technology and by a very human wish for efficiency.',
    ),
    author: ref(author._id),
    // The seed gives no publication date; this is just after the newest post it embeds (29 July 2018).
    publishedAt: '2018-08-01T12:00:00Z',
    categories: [
      keyedRef(listicleId, categoryId('smart-cities')),
      keyedRef(listicleId, categoryId('iot')),
    ],
    seo: {
      _type: 'seo',
      description:
        'Boston, Seoul, Vienna, Amsterdam, Tokyo, Stockholm, Paris, San Francisco and New York City: the cities leading the way.',
    },
  }

  const articles: Doc[] = []
  for (const seed of articleSeeds) {
    const asset = await image(seed.slug, seed.palette)
    const id = `article-${seed.slug}`
    articles.push({
      _id: id,
      _type: 'article',
      title: seed.title,
      slug: slug(seed.slug),
      ...(seed.previousSlugs ? {previousSlugs: seed.previousSlugs} : {}),
      publishedAt: seed.publishedAt,
      category: ref(categoryId(seed.category)),
      author: ref(author._id),
      excerpt: seed.excerpt,
      heroImage: imageField(asset, seed.alt, {credit: CREDIT}),
      body: paragraphs(id, ...seed.body),
    })
  }

  const settings: Doc = {
    _id: 'siteSettings',
    _type: 'siteSettings',
    title: 'MarketScale IoT',
    tagline: 'News, videos and podcasts from the IoT industry.',
    siteUrl: 'https://smartcities.example',
    featuredListicle: ref(listicleId),
    followHeading: 'Follow us on social media for the latest updates in B2B',
    socialProfiles: [
      {platform: 'x', handle: '@IOTMKSL', url: 'https://twitter.com/IOTMKSL'},
      {
        platform: 'facebook',
        handle: 'facebook.com/marketscale',
        url: 'https://www.facebook.com/marketscale',
      },
      {
        platform: 'linkedin',
        handle: 'linkedin.com/company/marketscale',
        url: 'https://www.linkedin.com/company/marketscale',
      },
    ].map((profile) => ({
      _type: 'socialProfile',
      _key: keyFor('settings', profile.platform),
      ...profile,
    })),
    subscribe: {
      text: 'For the latest news, videos and podcasts in the IoT industry, subscribe to our publication.',
      label: 'Subscribe',
      url: '/rss.xml',
    },
  }

  // The seed article's address on the WordPress site the publication came from.
  const redirects: Doc[] = [
    {
      _id: 'redirect-wordpress-top-smart-cities',
      _type: 'redirect',
      from: '/industries/industrial-iot/top-smart-cities/',
      toDocument: {_type: 'reference', _ref: listicleId, _weak: true},
    },
  ]

  // Unpublished work in progress: the site must never show these.
  const drafts: Doc[] = [
    {
      _id: 'drafts.article-draft-smart-streetlights',
      _type: 'article',
      title: 'DRAFT: Smart streetlights, unpublished',
      slug: slug('draft-smart-streetlights'),
      publishedAt: '2026-03-01T09:00:00Z',
      category: ref(categoryId('cities')),
      author: ref(author._id),
      excerpt: 'An unpublished draft. It must not appear on the public site or in any feed.',
      body: paragraphs('draft-streetlights', 'Work in progress.'),
    },
    {
      ...cities.find((city) => city._id === cityId('vienna'))!,
      _id: `drafts.${cityId('vienna')}`,
      name: 'Vienna (DRAFT EDIT)',
    },
  ]

  const documents = [
    settings,
    author,
    ...categories,
    listicle,
    ...cities,
    ...articles,
    ...redirects,
    ...assets,
    ...drafts,
  ]
  await writeFile(
    join(datasetDir, 'production.ndjson'),
    documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
  )
  console.log(`Wrote ${documents.length} documents and ${assets.length} images to ${datasetDir}`)
}

await main()
