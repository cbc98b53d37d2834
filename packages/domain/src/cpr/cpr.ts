/**
 * Danish CPR numbers (DESIGN §5): DDMMYY-SSSS. The century follows from the seventh digit
 * and the year; since 2007 numbers need not pass the modulus-11 check, so it is reported,
 * never required. Replacement numbers (erstatningspersonnumre) add 6 to the day's first
 * digit; demo and synthetic data use them so they can never be a real person's number.
 */

export type Cpr = {
  /** Ten digits, no dash. */
  digits: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'female' | 'male';
  replacement: boolean;
  modulus11: boolean;
};

export type CprError = 'format' | 'date' | 'century';
export type CprResult = { ok: true; cpr: Cpr } | { ok: false; error: CprError };

const pattern = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** The full year for a two-digit year and the serial's first digit, per the CPR office's table. */
export function cprCentury(yy: number, seventhDigit: number): number | null {
  if (seventhDigit <= 3) return 1900 + yy;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  if (seventhDigit >= 5 && seventhDigit <= 8) return yy <= 57 ? 2000 + yy : 1800 + yy;
  return null;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
export function passesModulus11(digits: string): boolean {
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (weights[i] as number), 0);
  return sum % 11 === 0;
}

export function parseCpr(input: string): CprResult {
  const m = pattern.exec(input.trim());
  if (!m) return { ok: false, error: 'format' };
  const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
  let day = Number(dd);
  const replacement = day > 60;
  if (replacement) day -= 60;
  const year = cprCentury(Number(yy), Number(serial[0]));
  if (year === null) return { ok: false, error: 'century' };
  if (!isValidDate(year, Number(mm), day)) return { ok: false, error: 'date' };
  const digits = `${dd}${mm}${yy}${serial}`;
  return {
    ok: true,
    cpr: {
      digits,
      birthDate: `${String(year).padStart(4, '0')}-${mm}-${String(day).padStart(2, '0')}`,
      sex: Number(serial[3]) % 2 === 1 ? 'male' : 'female',
      replacement,
      modulus11: passesModulus11(digits),
    },
  };
}

/** `DDMMYY-SSSS` */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** `DDMMYY-xxxx`: what a screen shows until the user asks to see the whole number. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-xxxx`;
}

/** The seventh digits that give this birth year its century, in the CPR office's table. */
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year >= 2000) return yy <= 36 ? [4, 5, 6, 7, 8, 9] : [5, 6, 7, 8];
  if (year >= 1937) return [0, 1, 2, 3, 4, 9];
  return year >= 1900 ? [0, 1, 2, 3] : [5, 6, 7, 8];
}

/**
 * A replacement-style CPR number for a birth date and a running number: the day gets 60
 * added, so it can never collide with a real person's number. Each running number of a date
 * gives its own number: 500 per seventh digit (two digits and the sex's five last digits), and
 * the date's valid seventh digits after one another — 2,000 to 3,000 people per birth date,
 * enough for a national data set; beyond that it throws rather than repeat a number.
 */
export function syntheticCpr(birthDate: string, sequence: number, sex: 'female' | 'male'): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const yy = y % 100;
  const seventh = seventhDigitsFor(y)[Math.floor(sequence / 500)];
  if (seventh === undefined || !Number.isInteger(sequence) || sequence < 0) {
    throw new RangeError(`no synthetic CPR number ${sequence} for ${birthDate}`);
  }
  const middle = String(Math.floor(sequence / 5) % 100).padStart(2, '0');
  const last = (sequence % 5) * 2 + (sex === 'male' ? 1 : 0);
  return `${d + 60}${String(m).padStart(2, '0')}${String(yy).padStart(2, '0')}${seventh}${middle}${last}`;
}
