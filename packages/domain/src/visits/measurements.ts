import { daysBetween } from '../time/calendar';

/**
 * Plausibility of a measurement for the child's age: generous bounds around the WHO growth
 * standards (below the 0.1st and above the 99.9th percentile of both sexes), so a typing error
 * such as 40 kg or 6 cm is refused while a small or a big baby is not.
 */
type Row = [months: number, weightKg: [number, number], lengthCm: [number, number], headCm: [number, number]];
const table: Row[] = [
  [0, [1.0, 5.8], [38, 58], [27, 39]],
  [1, [1.8, 7.2], [44, 63], [31, 41]],
  [2, [2.5, 8.5], [47, 67], [33, 43]],
  [4, [3.5, 10.2], [53, 73], [36, 46]],
  [6, [4.3, 11.5], [57, 77], [38, 47.5]],
  [9, [5.2, 13.0], [62, 81], [40, 49]],
  [12, [5.8, 14.5], [65, 85], [41, 50]],
  [18, [6.8, 16.5], [70, 93], [42.5, 51.5]],
  [24, [7.6, 18.5], [75, 99], [43.5, 52.5]],
  [36, [9.0, 22.5], [82, 108], [45, 54]],
];

export type Measurement = 'weight_g' | 'length_cm' | 'head_cm';

export function plausibleRange(measurement: Measurement, ageDays: number): { min: number; max: number } {
  const months = Math.max(0, ageDays) / 30.4375;
  let i = table.findIndex((r) => r[0] > months);
  if (i === -1) i = table.length - 1;
  const hi = table[Math.max(1, i)] as Row;
  const lo = table[Math.max(0, i - 1)] as Row;
  const t = hi[0] === lo[0] ? 0 : Math.min(1, (months - lo[0]) / (hi[0] - lo[0]));
  const col = measurement === 'weight_g' ? 1 : measurement === 'length_cm' ? 2 : 3;
  const [lmin, lmax] = lo[col] as [number, number];
  const [hmin, hmax] = hi[col] as [number, number];
  const scale = measurement === 'weight_g' ? 1000 : 1;
  return {
    min: Math.round((lmin + (hmin - lmin) * t) * scale * 10) / 10,
    max: Math.round((lmax + (hmax - lmax) * t) * scale * 10) / 10,
  };
}

export function checkMeasurement(
  measurement: Measurement,
  value: number,
  birthDate: string,
  on: string,
): 'ok' | 'implausible' {
  const { min, max } = plausibleRange(measurement, daysBetween(birthDate, on));
  return value >= min && value <= max ? 'ok' : 'implausible';
}
