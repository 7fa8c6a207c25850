import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { a as renderComponent, f as renderTemplate, h as addAttribute, p as maybeRenderHead } from "./server_D4RN7M3a.mjs";
import { a as formatNumber, c as createComponent, t as $$Base } from "./Base_CRzhvhRL.mjs";
import { t as renderScript } from "./script_De8J1bwh.mjs";
import { a as publishedStatuses, i as competenceGroups, o as sizeBucket, r as chequeCategories, t as loadCatalogue } from "./catalogue_CfEJlJ3S.mjs";
import { c as statusLabels, i as competenceGroupLabels, n as chequeCategoryLabels, s as sizeBucketLabels, t as blendedLabels } from "./labels_CrcMi3R_.mjs";
// site/src/pages/index.astro
var pages_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => ""
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const catalogue = loadCatalogue();
	const { trainings } = catalogue;
	const activeCount = trainings.filter((t) => t.status === "active").length;
	function countBy(values) {
		const counts = /* @__PURE__ */ new Map();
		for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
		return counts;
	}
	const filters = [
		{
			key: "groep",
			label: "Competentiegroep",
			order: competenceGroups.map((g) => competenceGroupLabels[g]),
			counts: countBy(trainings.map((t) => competenceGroupLabels[t.competenceGroup]))
		},
		{
			key: "aanbieder",
			label: "Opleidingsverstrekker",
			order: null,
			counts: countBy(trainings.map((t) => t.provider.name))
		},
		{
			key: "omvang",
			label: "Omvang",
			order: [
				"lt32",
				"32to100",
				"gt100",
				"studyPoints"
			].map((b) => sizeBucketLabels[b]),
			counts: countBy(trainings.map((t) => sizeBucketLabels[sizeBucket(t)]))
		},
		{
			key: "blended",
			label: "Blended leren",
			order: [blendedLabels.true, blendedLabels.false],
			counts: countBy(trainings.map((t) => blendedLabels[String(t.blended)]))
		},
		{
			key: "cheque",
			label: "Categorie opleidingscheques",
			order: chequeCategories.map((c) => chequeCategoryLabels[c]),
			counts: countBy(trainings.map((t) => chequeCategoryLabels[t.chequeCategory]))
		},
		{
			key: "status",
			label: "Status",
			order: publishedStatuses.map((s) => statusLabels[s]),
			counts: countBy(trainings.map((t) => statusLabels[t.status]))
		}
	].map((f) => ({
		...f,
		options: (f.order ?? [...f.counts.keys()].sort((a, b) => a.localeCompare(b, "nl"))).filter((v) => f.counts.has(v))
	}));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Zoek een opleiding",
		"description": "Zoek een geregistreerde opleiding en haar ODB-nummer voor opleidingscheques of Vlaams opleidingsverlof.",
		"current": "home",
		"publishedAt": catalogue.publishedAt
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>Zoek een opleiding</h1> <p class="lead">
Zoek een geregistreerde opleiding in de opleidingsdatabank. U hebt het <strong>ODB-nummer</strong> van de opleiding nodig
    om opleidingscheques of Vlaams opleidingsverlof aan te vragen.
</p> <p>De databank bevat ${formatNumber(activeCount)} geregistreerde opleidingen.</p> <form class="search" role="search" id="search-form" action="/" method="get" aria-label="Opleidingen"> <label class="main-label" for="q">Zoekterm of ODB-nummer</label> <div class="search-row"> <input type="search" id="q" name="q" autocomplete="off" spellcheck="false" aria-describedby="q-hint"> <button type="submit">Zoeken</button> </div> <p class="hint" id="q-hint">Bijvoorbeeld: jeugd, heftruck, boekhouden of ODB-A000123.</p> <fieldset class="filters"> <legend>Verfijn de resultaten</legend> ${filters.map((f) => renderTemplate`<div> <label${addAttribute(`filter-${f.key}`, "for")}>${f.label}</label> <select${addAttribute(`filter-${f.key}`, "id")}${addAttribute(f.key, "name")}${addAttribute(f.key, "data-filter")}> <option value="">Alle</option> ${f.options.map((value) => renderTemplate`<option${addAttribute(value, "value")}${addAttribute(value, "data-label")}>${value} (${f.counts.get(value)})</option>`)} </select> </div>`)} </fieldset> </form> <noscript> <p class="notice">Zoeken werkt alleen met JavaScript. U kunt ook de <a href="/alle-opleidingen/">lijst van alle opleidingen</a> bekijken.</p> </noscript> <section aria-labelledby="resultaten-titel" id="results-section"> <div class="results-head"> <h2 id="resultaten-titel">Resultaten</h2> </div> <p class="result-count" id="result-count" role="status" aria-live="polite">Typ een zoekterm of kies een filter.</p> <ol class="results" id="results"></ol> <button type="button" class="secondary more" id="more" hidden>Toon meer resultaten</button> </section> ` })}${renderScript($$result, "/work/main/site/src/pages/index.astro?astro&type=script&index=0&lang.ts")}`;
}, "/work/main/site/src/pages/index.astro", void 0);
var $$file = "/work/main/site/src/pages/index.astro";
// \0virtual:astro:page:src/pages/index@_@astro
var page = () => pages_exports;
export { page };
