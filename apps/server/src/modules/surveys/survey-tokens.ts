import { createHash, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a code read aloud or copied from paper after open counselling survives it.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const length = 20; // 31^20 ≈ 2^99: not guessable

export function newSurveyToken(): string {
  let t = '';
  for (let i = 0; i < length; i++) t += alphabet[randomInt(alphabet.length)];
  return t;
}

/** Typed by hand or copied from a link: case, spaces and dashes do not matter. */
export function normaliseSurveyToken(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The code as it is handed over: groups of four. */
export function formatSurveyCode(token: string): string {
  return token.match(/.{1,4}/g)?.join('-') ?? token;
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(normaliseSurveyToken(token)).digest('hex');
}
