import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { a as renderComponent, f as renderTemplate, h as addAttribute, o as Fragment, p as maybeRenderHead } from "./server_D4RN7M3a.mjs";
import { a as formatNumber, c as createComponent, o as formatSize, s as createAstro, t as $$Base } from "./Base_CRzhvhRL.mjs";
import { n as trainingPath, t as loadCatalogue } from "./catalogue_CfEJlJ3S.mjs";
import { c as statusLabels } from "./labels_CrcMi3R_.mjs";
// site/src/pages/alle-opleidingen/[...page].astro
var ____page__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Component,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://astro.build");
function getStaticPaths({ paginate }) {
	return paginate([...loadCatalogue().trainings].sort((a, b) => a.title.localeCompare(b.title, "nl") || a.odbNumber.localeCompare(b.odbNumber)), { pageSize: 100 });
}
var $$Component = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Component;
	const { page } = Astro.props;
	const catalogue = loadCatalogue();
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": page.currentPage === 1 ? "Alle opleidingen" : `Alle opleidingen, pagina ${page.currentPage}`,
		"description": "Alle opleidingen in de opleidingsdatabank, alfabetisch.",
		"current": "list",
		"publishedAt": catalogue.publishedAt
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>Alle opleidingen</h1> <p> ${formatNumber(page.total)} opleidingen, alfabetisch. Pagina ${page.currentPage} van ${page.lastPage}
(opleidingen ${formatNumber(page.start + 1)} tot ${formatNumber(page.end + 1)}).
    Zoeken gaat sneller via <a href="/">de zoekpagina</a>.
</p> <div class="table-wrap"> <table> <caption class="visually-hidden">Opleidingen, pagina ${page.currentPage}</caption> <thead><tr><th scope="col">Opleiding</th><th scope="col">ODB-nummer</th><th scope="col">Opleidingsverstrekker</th><th scope="col">Omvang</th></tr></thead> <tbody> ${page.data.map((t) => renderTemplate`<tr> <td><a${addAttribute(trainingPath(t.odbNumber), "href")}>${t.title}</a>${t.status === "replaced" && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <span class="badge replaced">${statusLabels.replaced}</span>` })}`}</td> <td class="nowrap">${t.odbNumber}</td> <td>${t.provider.name}</td> <td>${formatSize(t)}</td> </tr>`)} </tbody> </table> </div> <nav class="pagination" aria-label="Paginering"> ${page.url.prev ? renderTemplate`<a${addAttribute(page.url.prev, "href")} rel="prev">Vorige pagina</a>` : renderTemplate`<span></span>`} ${page.url.next ? renderTemplate`<a${addAttribute(page.url.next, "href")} rel="next">Volgende pagina</a>` : renderTemplate`<span></span>`} </nav> ` })}`;
}, "/work/main/site/src/pages/alle-opleidingen/[...page].astro", void 0);
var $$file = "/work/main/site/src/pages/alle-opleidingen/[...page].astro";
var $$url = "/alle-opleidingen/[...page]/";
// \0virtual:astro:page:src/pages/alle-opleidingen/[...page]@_@astro
var page = () => ____page__exports;
export { page };
