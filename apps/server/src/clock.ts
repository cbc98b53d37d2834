/** Time comes from here, so expiry rules can be exercised without waiting. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
