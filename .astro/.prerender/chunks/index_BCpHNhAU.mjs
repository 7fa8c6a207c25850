import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { a as renderComponent, f as renderTemplate, h as addAttribute, p as maybeRenderHead } from "./server_D4RN7M3a.mjs";
import { a as formatNumber, c as createComponent, i as formatDateTime, n as formatBytes, t as $$Base } from "./Base_CRzhvhRL.mjs";
import { t as loadCatalogue } from "./catalogue_CfEJlJ3S.mjs";
import { t as downloads } from "./downloads_Dkl6oj3h.mjs";
import { a as fieldDescriptions } from "./labels_CrcMi3R_.mjs";
// site/src/pages/open-data/index.astro
var open_data_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const catalogue = loadCatalogue();
	const files = downloads();
	const size = (text) => formatBytes(Buffer.byteLength(text, "utf8"));
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Open data",
		"description": "Download de opleidingsdatabank als JSON of CSV, of gebruik de publieke API.",
		"current": "open-data",
		"publishedAt": catalogue.publishedAt
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>Open data</h1> <p class="lead">
De lijst van geregistreerde opleidingen is vrij beschikbaar. Download het volledige bestand of vraag de gegevens op via de publieke API.
</p> <p>
Publicatiedatum: <strong><time${addAttribute(catalogue.publishedAt, "datetime")} id="published-at">${formatDateTime(catalogue.publishedAt)}</time></strong>.
    Het bestand bevat ${formatNumber(catalogue.trainings.length)} opleidingen: de geregistreerde en de vervangen registraties.
    Gestopte en geschrapte registraties staan er niet in.
</p> <h2>Downloads</h2> <ul class="downloads"> <li> <a href="/open-data/catalogus.json" download>Catalogus als JSON</a> <p>${size(files.json)} · UTF-8 · <code>${"{ publishedAt, trainings: [...] }"}</code></p> </li> <li> <a href="/open-data/catalogus.csv" download>Catalogus als CSV</a> <p>${size(files.csv)} · UTF-8 met BOM · komma als scheidingsteken · lijsten gescheiden door <code>|</code></p> </li> </ul> <h2>Velden</h2> <p>De JSON en de CSV hebben dezelfde velden. Codes en veldnamen zijn Engelstalig, zoals in de API.</p> <div class="table-wrap"> <table> <caption class="visually-hidden">Velden van een opleiding</caption> <thead><tr><th scope="col">Veld</th><th scope="col">Type</th><th scope="col">Betekenis</th></tr></thead> <tbody> ${fieldDescriptions.map((f) => renderTemplate`<tr><td><code>${f.field}</code></td><td>${f.type}</td><td>${f.description}</td></tr>`)} </tbody> </table> </div> <h2>Publieke API</h2> <div class="prose"> <p>Dezelfde gegevens zijn beschikbaar via de API van het WSE-loket. Voor deze aanvragen is geen aanmelding nodig.</p> <dl class="facts"> <dt><code>GET /v1/trainings</code></dt> <dd>Lijst van geregistreerde opleidingen, met zoeken en filteren. De parameters staan in het OpenAPI-document.</dd> <dt><code>GET /v1/trainings/${"{odbNumber}"}</code></dt> <dd>Eén registratie op ODB-nummer, bijvoorbeeld <code>/v1/trainings/ODB-A000123</code>. Een vervangen registratie noemt haar opvolger in <code>replacedBy</code>.</dd> <dt><code>GET /v1/openapi.json</code></dt> <dd>De volledige beschrijving van de API (OpenAPI 3.1).</dd> </dl> <p>Datums hebben de vorm <code>JJJJ-MM-DD</code>; tijdstippen zijn ISO 8601 in UTC.</p> </div> ` })}`;
}, "/work/main/site/src/pages/open-data/index.astro", void 0);
var $$file = "/work/main/site/src/pages/open-data/index.astro";
var $$url = "/open-data/";
// \0virtual:astro:page:src/pages/open-data/index@_@astro
var page = () => open_data_exports;
export { page };
