import { type Money, money } from '@shared';

export type Zone = 'domestic' | 'eu' | 'world';

/** Carriers refuse heavier parcels; the planner splits orders above this. */
export const MAX_PARCEL_GRAMS = 20_000;

const HOME_COUNTRY = 'DE';
const EU = new Set(['AT', 'BE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'LU', 'NL', 'PL', 'PT', 'SE']);

/** Base price and price per started kilogram, in euro cents. */
const RATES: Record<Zone, { base: number; perKg: number }> = {
  domestic: { base: 490, perKg: 60 },
  eu: { base: 990, perKg: 150 },
  world: { base: 2490, perKg: 450 },
};

export function zoneOf(country: string): Zone {
  if (country === HOME_COUNTRY) return 'domestic';
  return EU.has(country) ? 'eu' : 'world';
}

export function parcelCost(zone: Zone, weightGrams: number): Money {
  const rate = RATES[zone];
  return money(rate.base + Math.ceil(weightGrams / 1000) * rate.perKg);
}
