import { $ as ASTRO_GENERATOR, J as UnavailableAstroGlobal, M as InvalidComponentArgs, X as AstroError, f as renderTemplate, h as addAttribute, l as renderSlot, m as renderHead } from "./server_D4RN7M3a.mjs";
import { s as totalContactHours } from "./catalogue_CfEJlJ3S.mjs";
// node_modules/astro/dist/runtime/server/astro-component.js
function validateArgs(args) {
	if (args.length !== 3) return false;
	if (!args[0] || typeof args[0] !== "object") return false;
	return true;
}
function baseCreateComponent(cb, moduleId, propagation) {
	const name = moduleId?.split("/").pop()?.replace(".astro", "") ?? "";
	const fn = (...args) => {
		if (!validateArgs(args)) throw new AstroError({
			...InvalidComponentArgs,
			message: InvalidComponentArgs.message(name)
		});
		return cb(...args);
	};
	Object.defineProperty(fn, "name", {
		value: name,
		writable: false
	});
	fn.isAstroComponentFactory = true;
	fn.moduleId = moduleId;
	fn.propagation = propagation;
	return fn;
}
function createComponentWithOptions(opts) {
	return baseCreateComponent(opts.factory, opts.moduleId, opts.propagation);
}
function createComponent(arg1, moduleId, propagation) {
	if (typeof arg1 === "function") return baseCreateComponent(arg1, moduleId, propagation);
	else return createComponentWithOptions(arg1);
}
// node_modules/astro/dist/runtime/server/astro-global.js
function createError(name) {
	return new AstroError({
		...UnavailableAstroGlobal,
		message: UnavailableAstroGlobal.message(name)
	});
}
function createAstro(site) {
	return {
		get site() {
			console.warn(`Astro.site inside getStaticPaths is deprecated and will be removed in a future major version of Astro. Use import.meta.env.SITE instead`);
			return site ? new URL(site) : void 0;
		},
		get generator() {
			console.warn(`Astro.generator inside getStaticPaths is deprecated and will be removed in a future major version of Astro.`);
			return ASTRO_GENERATOR;
		},
		get callAction() {
			throw createError("callAction");
		},
		get clientAddress() {
			throw createError("clientAddress");
		},
		get cookies() {
			throw createError("cookies");
		},
		get csp() {
			throw createError("csp");
		},
		get currentLocale() {
			throw createError("currentLocale");
		},
		get getActionResult() {
			throw createError("getActionResult");
		},
		get isPrerendered() {
			throw createError("isPrerendered");
		},
		get locals() {
			throw createError("locals");
		},
		get originPathname() {
			throw createError("originPathname");
		},
		get params() {
			throw createError("params");
		},
		get preferredLocale() {
			throw createError("preferredLocale");
		},
		get preferredLocaleList() {
			throw createError("preferredLocaleList");
		},
		get props() {
			throw createError("props");
		},
		get redirect() {
			throw createError("redirect");
		},
		get request() {
			throw createError("request");
		},
		get response() {
			throw createError("response");
		},
		get rewrite() {
			throw createError("rewrite");
		},
		get routePattern() {
			throw createError("routePattern");
		},
		get self() {
			throw createError("self");
		},
		get slots() {
			throw createError("slots");
		},
		get url() {
			throw createError("url");
		},
		get session() {
			throw createError("session");
		},
		get cache() {
			throw createError("cache");
		},
		get logger() {
			throw createError("logger");
		}
	};
}
// site/src/lib/format.ts
/** Dutch (Belgian) presentation of dates and sizes. */
var dateFormat = new Intl.DateTimeFormat("nl-BE", {
	day: "numeric",
	month: "long",
	year: "numeric",
	timeZone: "UTC"
});
var dateTimeFormat = new Intl.DateTimeFormat("nl-BE", {
	dateStyle: "long",
	timeStyle: "short",
	timeZone: "Europe/Brussels"
});
var numberFormat = new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 1 });
/** `2022-11-04` → `4 november 2022`. */
function formatDate(isoDate) {
	return dateFormat.format(/* @__PURE__ */ new Date(`${isoDate}T00:00:00Z`));
}
function formatDateTime(iso) {
	return dateTimeFormat.format(new Date(iso));
}
function formatNumber(n) {
	return numberFormat.format(n);
}
/** `597 contacturen`, `180 studiepunten`, or both. */
function formatSize(t) {
	const parts = [];
	const hours = totalContactHours(t);
	if (hours !== null) parts.push(`${formatNumber(hours)} ${hours === 1 ? "contactuur" : "contacturen"}`);
	if (t.studyPoints !== null) parts.push(`${formatNumber(t.studyPoints)} studiepunten`);
	return parts.join(" · ");
}
function formatBytes(bytes) {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1048576) return `${numberFormat.format(bytes / 1024)} kB`;
	return `${numberFormat.format(bytes / 1024 / 1024)} MB`;
}
var $$Base = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Base;
	const { title, description, current, publishedAt } = Astro.props;
	return renderTemplate`<html lang="nl"> <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} | Opleidingsdatabank Vlaanderen</title><meta name="description"${addAttribute(description, "content")}><link rel="icon" href="/favicon.svg" type="image/svg+xml">${renderHead($$result)}</head> <body> <a class="skip-link" href="#inhoud">Naar de inhoud</a> <header class="site-header"> <div class="wrap"> <a class="brand" href="/"> <span class="brand-mark">Vlaanderen</span> <span class="brand-name">Opleidingsdatabank</span> </a> <nav class="site-nav" aria-label="Hoofdnavigatie"> <ul> ${[
		{
			href: "/",
			label: "Zoeken",
			key: "home"
		},
		{
			href: "/alle-opleidingen/",
			label: "Alle opleidingen",
			key: "list"
		},
		{
			href: "/open-data/",
			label: "Open data",
			key: "open-data"
		}
	].map((item) => renderTemplate`<li><a${addAttribute(item.href, "href")}${addAttribute(current === item.key ? "page" : void 0, "aria-current")}>${item.label}</a></li>`)} </ul> </nav> </div> </header> <main id="inhoud" tabindex="-1"> <div class="wrap"> ${renderSlot($$result, $$slots["default"])} </div> </main> <footer class="site-footer"> <div class="wrap"> <p>Opleidingsdatabank: de geregistreerde opleidingen die recht geven op opleidingscheques of Vlaams opleidingsverlof.</p> <p>Gegevens gepubliceerd op ${formatDateTime(publishedAt)} · <a href="/open-data/">Open data</a></p> </div> </footer> </body> </html>`;
}, "/work/main/site/src/layouts/Base.astro", void 0);
export { formatNumber as a, createComponent as c, formatDateTime as i, formatBytes as n, formatSize as o, formatDate as r, createAstro as s, $$Base as t };
