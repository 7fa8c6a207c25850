import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { a as renderComponent, f as renderTemplate, p as maybeRenderHead } from "./server_D4RN7M3a.mjs";
import { c as createComponent, t as $$Base } from "./Base_CRzhvhRL.mjs";
import { t as loadCatalogue } from "./catalogue_CfEJlJ3S.mjs";
// site/src/pages/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
	default: () => $$404,
	file: () => $$file,
	url: () => $$url
});
var $$404 = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": "Pagina niet gevonden",
		"description": "Deze pagina bestaat niet.",
		"publishedAt": loadCatalogue().publishedAt
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>Pagina niet gevonden</h1> <p>Deze pagina bestaat niet (meer). Een opleiding die gestopt of geschrapt is, staat niet meer in de opleidingsdatabank.</p> <p><a href="/">Zoek een opleiding</a> of bekijk <a href="/alle-opleidingen/">alle opleidingen</a>.</p> ` })}`;
}, "/work/main/site/src/pages/404.astro", void 0);
var $$file = "/work/main/site/src/pages/404.astro";
var $$url = "/404/";
// \0virtual:astro:page:src/pages/404@_@astro
var page = () => _404_exports;
export { page };
