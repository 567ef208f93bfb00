// The page's script (theme/static/js) must run in every browser since 2019: Safari and
// iOS 13, Chrome and Edge 80, Firefox 72, Samsung Internet 12 (README, "Browsers").
// Its syntax is read as ES2019 (no `?.`, no `??`), its built-ins are those of ES2019,
// and the RegExp features those browsers lack are refused: lookbehind (Safari before
// 16.4), named groups, the s flag and \p{...} (Firefox before 78). `make lint` runs it.
import esX from "eslint-plugin-es-x";

export default [
  {
    files: ["theme/static/js/**/*.js"],
    languageOptions: { ecmaVersion: 2019, sourceType: "script" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "es-x": esX },
    rules: {
      ...esX.configs["flat/restrict-to-es2019"].rules,
      ...esX.configs["flat/restrict-to-es2019-intl-api"].rules,
      "es-x/no-regexp-lookbehind-assertions": "error",
      "es-x/no-regexp-named-capture-groups": "error",
      "es-x/no-regexp-s-flag": "error",
      "es-x/no-regexp-unicode-property-escapes": "error",
    },
  },
];
