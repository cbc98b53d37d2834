/** The instruments' shapes as the forms need them (the scoring is the server's, DESIGN §5). */
export const instrumentShape = {
  epds: { items: 10, options: 4 },
  adbb: { items: 8, options: 5 },
} as const;
export type Instrument = keyof typeof instrumentShape;

export type Answers = readonly (number | null)[];

export const noAnswers = (instrument: Instrument): (number | null)[] =>
  Array.from({ length: instrumentShape[instrument].items }, () => null);

/** The items (0-based) still without an answer, so the error summary can point at each. */
export function unanswered(answers: Answers): number[] {
  return answers.flatMap((a, i) => (a === null ? [i] : []));
}

/** The answers as the API takes them, once every item has one. */
export function completeAnswers(answers: Answers): number[] | null {
  return answers.every((a): a is number => a !== null) ? [...answers] : null;
}

/** A server error on "answers.3" belongs to item 4; "answers" to the whole form. */
export function itemOfPath(path: string): number | null {
  const m = /^answers\.(\d+)$/.exec(path);
  return m ? Number(m[1]) : null;
}
