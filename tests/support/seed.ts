/** Facts of the seed article the bundled dataset must carry. */
export const SEED_CITY_ORDER = [
  'Boston',
  'Seoul',
  'Vienna',
  'Amsterdam',
  'Tokyo',
  'Stockholm',
  'Paris',
  'San Francisco',
  'New York City',
]

export const SEED_LATEST_TITLES = [
  'Craftsmanship and the Soul of Cities with Top Real Estate Developer Mike Ablon',
  'When Client Engagement Becomes True Partnership',
  'How CG Infinity Brings Cross-Functional Teams Together to Deliver High-Impact Outcomes',
  'When Building Beats Buying: A Smarter Approach to Salesforce Decisions at CG Infinity',
]
