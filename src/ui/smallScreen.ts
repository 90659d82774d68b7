/** The layout's small-screen breakpoint (the `@media (max-width: 760px)` rules in app.css), for code that must agree with it. */
export const SMALL_SCREEN_QUERY = '(max-width: 760px)';
