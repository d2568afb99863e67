// Allure 3 report configuration, read by `allure generate` (scripts/build_report.sh).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "allure";

// Anchor paths at this file so the config works from any working directory.
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// scripts/build_report.sh may point them elsewhere (tests/test_html_report.py builds small reports in a temporary
// folder); by default they are the project's reports/ folder.
const resultsDir = process.env.REPORT_RESULTS_DIR ?? here("./reports/allure-results");
const reportDir = process.env.REPORT_DIR ?? here("./reports/allure-report");
const historyPath = process.env.REPORT_HISTORY ?? here("./reports/history.jsonl");

// The harness writes categories.json beside the results (reporting/report_categories.py), in the form both
// Allure 2 and 3 read. Allure 3 takes categories from this config only, so they are read from there, and one
// Allure-3-only category is put before "product": assertion failures in scenarios of the guide's tables of
// failure causes (FAIL-n, USE-n), grouped by the cause with the guide's advice (label '안내서의 실패 원인',
// fixtures/report_labels.py).
const failureCause = "안내서의 실패 원인";

const readCategories = () => {
  const file = `${resultsDir}/categories.json`;
  if (!existsSync(file)) {
    return undefined; // Allure's defaults: product errors and test errors
  }
  const rules = JSON.parse(readFileSync(file, "utf-8")).map(({ description, ...rule }) => rule);
  const guideCause = {
    id: "guide-failure-cause",
    name: "제품 결함 · 안내서의 실패 원인",
    matchers: { statuses: ["failed"], labels: { [failureCause]: /./ } },
    groupBy: [{ label: failureCause }],
  };
  const product = rules.findIndex((rule) => rule.id === "product");
  rules.splice(product < 0 ? rules.length : product, 0, guideCause);
  return rules;
};

// The graphs, titled in Korean: Allure's defaults carry English titles whatever the report's language. Only the
// graphs that say something about this suite: no test-pyramid layers, one environment, no added/removed-tests map.
// Stability, transitions and status age stay empty ('결과 없음') until some scenario changes its result.
const charts = [
  { type: "currentStatus", title: "이번 실행 결과" },
  { type: "statusDynamics", title: "실행별 결과 추이" },
  { type: "statusTransitions", title: "지난 실행 대비 바뀐 결과" },
  {
    type: "testResultSeverities",
    title: "심각도별 결과",
    levels: ["blocker", "critical", "normal", "minor", "trivial"],
    statuses: ["passed", "failed", "broken", "skipped", "unknown"],
    includeUnset: true,
  },
  // epic is the guide's section and story the guide item (fixtures/report_labels.py).
  { type: "stabilityDistribution", title: "안내서 절별 안정성", groupBy: "epic", threshold: 90,
    skipStatuses: ["skipped", "unknown"] },
  { type: "stabilityDistribution", title: "안내서 항목별 안정성", groupBy: "story", threshold: 90,
    skipStatuses: ["skipped", "unknown"] },
  // A map of the guide's sections and their features, coloured by how many scenarios passed.
  { type: "successRateDistribution", title: "안내서 절·기능별 성공률" },
  { type: "testBaseGrowthDynamics", title: "시나리오 수 추이" },
  { type: "durations", title: "시나리오 소요 시간 분포", groupBy: "none" },
  { type: "durationDynamics", title: "실행별 소요 시간 추이" },
  { type: "statusAgePyramid", title: "결과가 이어진 실행 수" },
];

export default defineConfig({
  name: "KB국민인증서 발급 E2E",
  resultsDir,
  output: reportDir,
  // One line per run; trends and per-test history read it. Capped so the file stays small.
  historyPath,
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
        // The guide as a requirements tree: one group per guide item, named '기본 요건 › REQ-1 본인 명의의 …'
        // (label guide_item, fixtures/report_labels.py), holding every scenario that covers it.
        // Not epic → story: Allure crosses every value of one level with every value of the next, so a
        // scenario covering REQ-1 and STEP-3 would also show STEP-3 under 기본 요건 (77 such false pairs).
        groupBy: ["guide_item"],
        // By name, so the items read REQ-…, STEP-…: by default groups follow the order tests started in.
        defaultSortBy: "name,asc",
        charts,
      },
    },
  },
});
