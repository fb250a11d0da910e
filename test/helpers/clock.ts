/** The fixed "today" of the test suite; the demo data's upcoming meeting is dated from it. */
export const TEST_TODAY = new Date('2026-11-24T10:00:00Z');
export const fixedNow = () => new Date(TEST_TODAY);
