// Allure 3 report configuration, read by `allure generate` (scripts/build_report.sh).
import { fileURLToPath } from "node:url";
import { defineConfig } from "allure";

// Anchor paths at this file so the config works from any working directory.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  name: "KB국민인증서 발급 E2E",
  resultsDir: here("./reports/allure-results"),
  output: here("./reports/allure-report"),
  // One line per run; trends and per-test history read it. Capped so the file stays small.
  historyPath: here("./reports/history.jsonl"),
  historyLimit: 20,
  plugins: {
    awesome: {
      options: {
        // Allure's code for Korean is "kr", not "ko".
        reportLanguage: "kr",
        // Inline data and scripts: the split variant fetches JSON, which browsers block on
        // file:// and so it needs `allure open`; this one opens straight from disk.
        singleFile: true,
      },
    },
  },
});
