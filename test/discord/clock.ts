/** A clock that stands still until the test moves it, for code that takes `now` as a parameter. */
export function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}
