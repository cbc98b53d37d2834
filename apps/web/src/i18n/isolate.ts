/** Danish names inside an Arabic sentence keep their own direction (first-strong isolate). */
export const isolate = (text: string) => `\u2068${text}\u2069`;
