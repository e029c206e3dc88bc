/** A clock the test moves by hand, so times in exported notulas are repeatable. */
export function testClock(startIso: string) {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    advance(minutes: number) {
      t += minutes * 60_000;
    },
  };
}
