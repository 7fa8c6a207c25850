import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { t as downloads } from "./downloads_Dkl6oj3h.mjs";
// site/src/pages/open-data/catalogus.csv.ts
var catalogus_csv_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = () => new Response(downloads().csv, { headers: { "content-type": "text/csv; charset=utf-8" } });
// \0virtual:astro:page:src/pages/open-data/catalogus.csv@_@ts
var page = () => catalogus_csv_exports;
export { page };
