// Allure 3 report configuration, read by `allure generate` (scripts/build_report.sh).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "allure";

// Anchor paths at this file so the config works from any working directory.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const resultsDir = here("./reports/allure-results");

// The harness writes categories.json beside the results (support/report_categories.py), in the form both
// Allure 2 and 3 read. Allure 3 takes categories from this config only, so they are read from there, and one
// Allure-3-only category is put before "product": assertion failures in scenarios of the guide's 실패 원인
// table (label failure_cause, fixtures/report_labels.py), grouped by that cause.
const readCategories = () => {
  const file = `${resultsDir}/categories.json`;
  if (!existsSync(file)) {
    return undefined; // Allure's defaults: product errors and test errors
  }
  const rules = JSON.parse(readFileSync(file, "utf-8")).map(({ description, ...rule }) => rule);
  const guideCause = {
    id: "guide-failure-cause",
    name: "제품 결함 · 안내서의 실패 원인",
    matchers: { statuses: ["failed"], labels: { failure_cause: /./ } },
    groupBy: [{ label: "failure_cause" }],
  };
  const product = rules.findIndex((rule) => rule.id === "product");
  rules.splice(product < 0 ? rules.length : product, 0, guideCause);
  return rules;
};

export default defineConfig({
  name: "KB국민인증서 발급 E2E",
  resultsDir,
  output: here("./reports/allure-report"),
  // One line per run; trends and per-test history read it. Capped so the file stays small.
  historyPath: here("./reports/history.jsonl"),
  historyLimit: 20,
  categories: readCategories(),
  plugins: {
    awesome: {
      options: {
        // Allure's code for Korean is "kr", not "ko".
        reportLanguage: "kr",
        // Inline data and scripts: the split variant fetches JSON, which browsers block on
        // file:// and so it needs `allure open`; this one opens straight from disk.
        singleFile: true,
        // The guide's items first (story: 'REQ-1 본인 명의의 휴대폰 …'), then the feature file.
        // Not epic → story: Allure crosses every value of one level with every value of the next,
        // so a scenario covering REQ-1 and STEP-3 would also show STEP-3 under 기본 요건.
        groupBy: ["story", "feature"],
        // By name, so the items read REQ-…, STEP-…: by default groups follow the order tests started in.
        defaultSortBy: "name,asc",
      },
    },
  },
});
