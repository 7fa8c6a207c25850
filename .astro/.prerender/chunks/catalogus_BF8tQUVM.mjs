import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { t as downloads } from "./downloads_Dkl6oj3h.mjs";
// site/src/pages/open-data/catalogus.json.ts
var catalogus_json_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = () => new Response(downloads().json, { headers: { "content-type": "application/json; charset=utf-8" } });
// \0virtual:astro:page:src/pages/open-data/catalogus.json@_@ts
var page = () => catalogus_json_exports;
export { page };
