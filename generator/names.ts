import type { Rng } from './random.ts';

// Small word lists combine into ~30k advertiser and ~4k campaign names: realistic enough
// for demos and reports, and cheap to draw.
const BRAND_STARTS = [
  'North', 'Blue', 'Silver', 'Red', 'Bright', 'Green', 'Iron', 'Summit', 'Harbor', 'Maple',
  'Stone', 'Golden', 'Clear', 'Swift', 'Oak', 'River', 'Lumen', 'Nova', 'Cedar', 'Pine',
  'Atlas', 'Crest', 'Echo', 'Falcon', 'Vista', 'Urban', 'Coast', 'Polar', 'Sun', 'Metro',
] as const;
const BRAND_ENDS = [
  'wind', 'peak', 'field', 'line', 'works', 'gate', 'bridge', 'stone', 'wave', 'leaf',
  'light', 'path', 'forge', 'point', 'ridge', 'vale', 'haven', 'spark', 'mark', 'crest',
] as const;
const BUSINESSES = [
  'Outfitters', 'Coffee Co.', 'Motors', 'Bank', 'Foods', 'Travel', 'Insurance', 'Games',
  'Fitness', 'Apparel', 'Electronics', 'Home', 'Pharmacy', 'Telecom', 'Media', 'Books',
  'Pet Supply', 'Cosmetics', 'Furniture', 'Airlines', 'Energy', 'Software', 'Grocers',
  'Jewelry', 'Shoes', 'Hotels', 'Toys', 'Logistics', 'Studios', 'Labs',
] as const;
const SEASONS = [
  'Spring', 'Summer', 'Autumn', 'Winter', 'Holiday', 'Black Friday', 'Back to School',
  'New Year', 'Valentine', 'Weekend', 'Evergreen', 'Flash',
] as const;
const GOALS = [
  'Sale', 'Launch', 'Awareness', 'Retargeting', 'Promo', 'Clearance', 'Loyalty',
  'Prospecting', 'App Installs', 'Lead Gen', 'Brand Lift', 'Giveaway',
] as const;
const CHANNELS = [
  'Search', 'Display', 'Video', 'Social', 'Native', 'Mobile', 'CTV', 'Audio',
] as const;

/** A company-like advertiser name, e.g. "Northwind Outfitters". */
export function advertiserName(rng: Rng): string {
  return `${rng.pick(BRAND_STARTS)}${rng.pick(BRAND_ENDS)} ${rng.pick(BUSINESSES)}`;
}

/** A campaign name, e.g. "Spring Sale – Video". */
export function campaignName(rng: Rng): string {
  return `${rng.pick(SEASONS)} ${rng.pick(GOALS)} – ${rng.pick(CHANNELS)}`;
}
