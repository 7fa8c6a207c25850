import { t as loadCatalogue } from "./catalogue_CfEJlJ3S.mjs";
// shared/catalogue/csv.ts
var csvColumns = [
	"odbNumber",
	"title",
	"providerKbo",
	"providerName",
	"validFrom",
	"stopDate",
	"status",
	"replacedBy",
	"contactHours",
	"studyPoints",
	"moduleOdbNumbers",
	"competenceGroup",
	"competences",
	"targetGroup",
	"websiteUrl",
	"blended",
	"chequeCategory",
	"incentives",
	"description"
];
function cell(value) {
	if (value === null) return "";
	const s = String(value);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll("\"", "\"\"")}"` : s;
}
function trainingCsvRow(t) {
	return [
		t.odbNumber,
		t.title,
		t.provider.kbo,
		t.provider.name,
		t.validFrom,
		t.stopDate,
		t.status,
		t.replacedBy,
		t.contactHours,
		t.studyPoints,
		t.modules.map((m) => m.odbNumber).join("|"),
		t.competenceGroup,
		t.competences.join("|"),
		t.targetGroup,
		t.websiteUrl,
		t.blended,
		t.chequeCategory,
		t.incentives.join("|"),
		t.description
	].map(cell).join(",");
}
function catalogueCsv(trainings) {
	return `\uFEFF${csvColumns.join(",")}\r\n${trainings.map(trainingCsvRow).join("\r\n")}\r\n`;
}
// site/src/lib/downloads.ts
/** The open-data files, built once per build and shared by the endpoints and the open-data page. */
var cached;
function downloads() {
	const { publishedAt, trainings } = loadCatalogue();
	if (cached?.publishedAt !== publishedAt) cached = {
		publishedAt,
		json: `${JSON.stringify({
			publishedAt,
			trainings
		})}\n`,
		csv: catalogueCsv(trainings)
	};
	return cached;
}
export { downloads as t };
