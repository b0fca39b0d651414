// Bounds on the shape of a search, so that no query text can overflow the stack of the parser or of any
// later walker (planner, executor, lint, translators), nor grow without end through macros. Real searches
// stay far below them: the seed and ESCU rules nest under 10 levels and run under 40 commands.

export const SPL_LIMITS = {
  /** Parentheses, NOT, unary minus, function calls and subsearches nested inside each other. */
  maxNesting: 100,
  /** Depth of the syntax tree: also left-deep chains such as `a . b . c ...` (1,000 terms). */
  maxTreeDepth: 1000,
  /** Commands in one pipeline (the plan is a chain the executor builds and runs recursively). */
  maxCommands: 500,
  /** Characters macro expansion may produce (`m1` = `m2 m2`, `m2` = `m3 m3`... doubles at each level). */
  maxExpandedChars: 1024 * 1024,
} as const;
