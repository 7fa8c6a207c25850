import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { a as renderComponent, f as renderTemplate, h as addAttribute, o as Fragment, p as maybeRenderHead } from "./server_D4RN7M3a.mjs";
import { a as formatNumber, c as createComponent, o as formatSize, r as formatDate, s as createAstro, t as $$Base } from "./Base_CRzhvhRL.mjs";
import { t as renderScript } from "./script_De8J1bwh.mjs";
import { c as formatKboNumber, n as trainingPath, o as sizeBucket, t as loadCatalogue } from "./catalogue_CfEJlJ3S.mjs";
import { c as statusLabels, i as competenceGroupLabels, n as chequeCategoryLabels, o as incentiveLabels, r as chequeCategoryNotes, s as sizeBucketLabels, t as blendedLabels } from "./labels_CrcMi3R_.mjs";
// site/src/components/CopyButton.astro
createAstro("https://astro.build");
var $$CopyButton = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$CopyButton;
	const { value, label = "ODB-nummer" } = Astro.props;
	return renderTemplate`${maybeRenderHead($$result)}<button type="button" class="secondary small copy-button"${addAttribute(value, "data-copy")} hidden data-pagefind-ignore>
Kopieer<span class="visually-hidden"> ${label} ${value}</span> </button>`;
}, "/work/main/site/src/components/CopyButton.astro", void 0);
// site/src/components/CopyScript.astro
var $$CopyScript = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${maybeRenderHead($$result)}<p class="visually-hidden" role="status" id="copy-status" data-pagefind-ignore></p>${renderScript($$result, "/work/main/site/src/components/CopyScript.astro?astro&type=script&index=0&lang.ts")}`;
}, "/work/main/site/src/components/CopyScript.astro", void 0);
// site/src/pages/opleidingen/[odbNumber].astro
var _odbNumber__exports = /* @__PURE__ */ __exportAll({
	default: () => $$OdbNumber,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://astro.build");
function getStaticPaths() {
	return loadCatalogue().trainings.map((training) => ({
		params: { odbNumber: training.odbNumber },
		props: { training }
	}));
}
var $$OdbNumber = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$OdbNumber;
	const { training: t } = Astro.props;
	const catalogue = loadCatalogue();
	const successor = t.replacedBy === null ? void 0 : catalogue.byOdbNumber.get(t.replacedBy);
	const predecessor = catalogue.replaces.get(t.odbNumber);
	const replaced = t.status === "replaced";
	const paragraphs = t.description.split(/\n{2,}/);
	return renderTemplate`${renderComponent($$result, "Base", $$Base, {
		"title": `${t.title} (${t.odbNumber})`,
		"description": `${t.title} door ${t.provider.name}, ODB-nummer ${t.odbNumber}.`,
		"publishedAt": catalogue.publishedAt
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<nav class="breadcrumb" aria-label="Kruimelpad"> <ol> <li><a href="/">Opleidingsdatabank</a></li> <li><a href="/alle-opleidingen/">Opleidingen</a></li> <li><span aria-current="page">${t.odbNumber}</span></li> </ol> </nav> <article data-pagefind-body> <span hidden${addAttribute(`omvang:${sizeBucketLabels[sizeBucket(t)]}`, "data-pagefind-filter")}></span> <span hidden${addAttribute(`status:${statusLabels[t.status]}`, "data-pagefind-filter")}></span> <span hidden${addAttribute(`status:${t.status}`, "data-pagefind-meta")}></span> <span hidden${addAttribute(`omvang:${formatSize(t)}`, "data-pagefind-meta")}></span> ${replaced && renderTemplate`<div class="notice" role="note" data-pagefind-ignore> <p><strong>Deze registratie is vervangen.</strong></p> ${successor !== void 0 ? renderTemplate`<p>Nieuwe inschrijvingen gebeuren onder <a${addAttribute(trainingPath(successor.odbNumber), "href")}>${successor.odbNumber}: ${successor.title}</a>.</p>` : renderTemplate`<p>Nieuwe inschrijvingen gebeuren onder ${t.replacedBy}.</p>`} <p>Wie al ingeschreven is onder ${t.odbNumber}, houdt dat nummer op het inschrijvings- en aanwezigheidsattest.</p> </div>`} <h1 data-pagefind-meta="title" data-pagefind-weight="10">${t.title}</h1> <p class="provider-line"> <span data-pagefind-ignore>Aangeboden door</span> <strong data-pagefind-filter="aanbieder" data-pagefind-meta="aanbieder" data-pagefind-weight="6">${t.provider.name}</strong> </p> <div class="odb-box"> <span class="label" data-pagefind-ignore>ODB-nummer</span> <span class="value" id="odb-nummer" data-pagefind-meta="odb" data-pagefind-weight="10">${t.odbNumber}</span> ${renderComponent($$result, "CopyButton", $$CopyButton, { "value": t.odbNumber })} </div> <h2>Gegevens</h2> <dl class="facts"> <dt>Status</dt> <dd><span${addAttribute(["badge", t.status], "class:list")}>${statusLabels[t.status]}</span></dd> <dt>Opleidingsverstrekker</dt> <dd>${t.provider.name} <span class="nowrap" data-pagefind-ignore>(KBO ${formatKboNumber(t.provider.kbo)})</span></dd> <dt>Geldig vanaf</dt> <dd data-pagefind-ignore><time${addAttribute(t.validFrom, "datetime")}>${formatDate(t.validFrom)}</time></dd> <dt>Stopdatum</dt> <dd data-pagefind-ignore>${t.stopDate === null ? "Geen stopdatum gekend" : renderTemplate`<time${addAttribute(t.stopDate, "datetime")}>${formatDate(t.stopDate)}</time>`}</dd> <dt>Omvang</dt> <dd data-pagefind-ignore>${formatSize(t)}${t.modules.length > 0 && ` in ${t.modules.length} modules`}</dd> <dt>Blended leren</dt> <dd data-pagefind-filter="blended">${blendedLabels[String(t.blended)]}</dd> <dt>Competentiegroep</dt> <dd data-pagefind-filter="groep">${competenceGroupLabels[t.competenceGroup]}</dd> <dt>Competenties</dt> <dd data-pagefind-weight="5"> ${t.competences.length === 0 ? "Niet opgegeven" : renderTemplate`<ul>${t.competences.map((c) => renderTemplate`<li>${c}</li>`)}</ul>`} </dd> <dt>Doelgroep</dt> <dd>${t.targetGroup}</dd> <dt>Website</dt> <dd data-pagefind-ignore><a${addAttribute(t.websiteUrl, "href")} rel="external noopener">${t.websiteUrl}<span class="visually-hidden"> (website van ${t.provider.name})</span></a></dd> ${predecessor !== void 0 && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <dt>Vervangt</dt> <dd data-pagefind-ignore><a${addAttribute(trainingPath(predecessor.odbNumber), "href")}>${predecessor.odbNumber}</a></dd> ` })}`} </dl> ${t.modules.length > 0 && renderTemplate`<section aria-labelledby="modules"> <h2 id="modules">Modules</h2> <p>Elke module heeft een eigen ODB-nummer. Gebruik het nummer van de module waarvoor u zich inschrijft.</p> <div class="table-wrap"> <table> <caption class="visually-hidden">Modules van ${t.title}</caption> <thead> <tr><th scope="col">Module</th><th scope="col">ODB-nummer</th><th scope="col" class="num">Contacturen</th>${t.modules.some((m) => m.cefrLevel !== null) && renderTemplate`<th scope="col">Taalniveau (ERK)</th>`}</tr> </thead> <tbody> ${t.modules.map((m) => renderTemplate`<tr> <td>${m.title}</td> <td class="nowrap"><span data-pagefind-weight="8">${m.odbNumber}</span> ${renderComponent($$result, "CopyButton", $$CopyButton, {
		"value": m.odbNumber,
		"label": `ODB-nummer van module ${m.title}`
	})}</td> <td class="num" data-pagefind-ignore>${m.contactHours === null ? "–" : formatNumber(m.contactHours)}</td> ${t.modules.some((x) => x.cefrLevel !== null) && renderTemplate`<td>${m.cefrLevel ?? "–"}</td>`} </tr>`)} </tbody> </table> </div> </section>`} <section aria-labelledby="stimulansen"> <h2 id="stimulansen">Recht op</h2> ${replaced && renderTemplate`<p>Voor nieuwe inschrijvingen geldt de vervangende registratie.</p>`} <ul class="incentives" data-pagefind-ignore> ${t.incentives.map((i) => renderTemplate`<li>${incentiveLabels[i]}</li>`)} </ul> ${t.incentives.includes("opleidingscheques") && renderTemplate`<p>
Categorie voor opleidingscheques: <strong data-pagefind-filter="cheque">${chequeCategoryLabels[t.chequeCategory]}</strong>.
<span data-pagefind-ignore>${chequeCategoryNotes[t.chequeCategory]}</span> </p>`} ${!t.incentives.includes("opleidingscheques") && renderTemplate`<span hidden${addAttribute(`cheque:${chequeCategoryLabels[t.chequeCategory]}`, "data-pagefind-filter")}></span>`} </section> <section aria-labelledby="inhoud-opleiding" class="prose"> <h2 id="inhoud-opleiding">Inhoud</h2> ${paragraphs.map((p) => renderTemplate`<p>${p}</p>`)} </section> </article> ${renderComponent($$result, "CopyScript", $$CopyScript, {})} ` })}`;
}, "/work/main/site/src/pages/opleidingen/[odbNumber].astro", void 0);
var $$file = "/work/main/site/src/pages/opleidingen/[odbNumber].astro";
var $$url = "/opleidingen/[odbNumber]/";
// \0virtual:astro:page:src/pages/opleidingen/[odbNumber]@_@astro
var page = () => _odbNumber__exports;
export { page };
