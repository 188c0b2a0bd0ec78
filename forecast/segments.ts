import { UsageError } from '../lib/errors.ts';

/** Targeting attributes a segment can name, in canonical order, with accepted aliases. */
export const segmentAttributes = [
  { name: 'country', aliases: ['country'] },
  { name: 'device', aliases: ['device', 'device_type'] },
  { name: 'age', aliases: ['age', 'age_band'] },
] as const;
export type SegmentAttribute = (typeof segmentAttributes)[number]['name'];

/** A targeting segment: some attributes fixed, the others "any". */
export type Segment = Partial<Record<SegmentAttribute, string>>;

/** Canonical text of a segment: 'country=DE,device=mobile' (attributes in fixed order). */
export function segmentText(segment: Segment): string {
  return segmentAttributes
    .filter((a) => segment[a.name] !== undefined)
    .map((a) => `${a.name}=${segment[a.name]}`)
    .join(',');
}

/** A segment from ClickHouse's grouping row, where '' means the attribute was rolled up. */
export function segmentFromGroup(country: string, device: string, age: string): Segment {
  const s: Segment = {};
  if (country !== '') s.country = country;
  if (device !== '') s.device = device;
  if (age !== '') s.age = age;
  return s;
}

/**
 * Parse `--segment country=DE,device=mobile`. Unknown or repeated attributes and empty
 * values are usage errors naming the flag and listing what is accepted.
 */
export function parseSegment(text: string, flag = '--segment'): Segment {
  const segment: Segment = {};
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new UsageError(`${flag}: give at least one attribute, e.g. country=DE,device=mobile`, flag);
  const known = segmentAttributes.map((a) => a.name).join(', ');
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    const attribute = segmentAttributes.find((a) => (a.aliases as readonly string[]).includes(key));
    if (attribute === undefined) throw new UsageError(`${flag}: unknown attribute "${key}"; expected ${known}`, flag);
    if (value === '') throw new UsageError(`${flag}: ${attribute.name} needs a value, e.g. ${attribute.name}=…`, flag);
    if (segment[attribute.name] !== undefined) throw new UsageError(`${flag}: ${attribute.name} is given twice`, flag);
    segment[attribute.name] = attribute.name === 'country' ? value.toUpperCase() : value.toLowerCase();
  }
  return segment;
}
