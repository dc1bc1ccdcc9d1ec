/**
 * The change report as text (terminal, CI log) and as a Markdown pull-request comment. Pure.
 */
import type { ChangedResource, ChangeSet, Delta, UpdatedResource } from "./compare";
import type { ChangeFinding } from "./thresholds";

/** A change set with the findings its thresholds produced: what `--baseline` adds to the report. */
export interface ChangeReport extends ChangeSet {
    readonly findings: readonly ChangeFinding[];
}

const usd = (n: number) => `$${n.toFixed(2)}`;
const signed = (n: number, unit: (n: number) => string) => `${n > 0 ? "+" : n < 0 ? "-" : "±"}${unit(Math.abs(n))}`;
const percent = (d: Delta) => (d.percent === undefined ? "" : ` (${d.percent > 0 ? "+" : ""}${d.percent}%)`);
const flags = (r: ChangedResource) => [r.protect ? "protected" : "", r.stateful ? "holds data" : ""].filter(Boolean);
const label = (r: ChangedResource) => `${r.type} ${r.name}${flags(r).length ? ` [${flags(r).join(", ")}]` : ""}`;

function updateLine(r: UpdatedResource): string {
    switch (r.effect) {
        case "replace":
            return `replace  ${label(r)}: ${r.because.join(", ")} forces a new resource`;
        case "new-revision":
            return `revision ${label(r)}: ${r.because.join(", ")} registers a new revision`;
        case "refused":
            return `refused  ${label(r)}: ${r.because.join("; ")}`;
        case "undeterminable":
            return `update?  ${label(r)}: ${r.because.join("; ")}${r.changedInputs.length ? ` (changed: ${r.changedInputs.join(", ")})` : ""}`;
        default:
            return `update   ${label(r)}: ${r.changedInputs.join(", ")}`;
    }
}

/** Counts by kind of change, in the order a reader weighs them. */
export function changeCounts(c: ChangeSet): Record<"add" | "replace" | "revision" | "update" | "undeterminable" | "refused" | "delete", number> {
    const by = (effect: UpdatedResource["effect"]) => c.updated.filter(u => u.effect === effect).length;
    return { add: c.added.length, replace: by("replace"), revision: by("new-revision"), update: by("update"), undeterminable: by("undeterminable"), refused: by("refused"), delete: c.deleted.length };
}

/** Text section appended to the check's text report. */
export function formatChangesText(c: ChangeReport): string[] {
    const counts = changeCounts(c);
    const lines = [
        `Changes against the baseline: + ${counts.add} to create, ~ ${counts.update} to update, +- ${counts.replace} to replace, ${counts.revision} new revision(s), ${counts.undeterminable} not determinable, ${counts.refused} refused, - ${counts.delete} to delete`,
    ];
    for (const r of c.added) lines.push(`  create   ${label(r)}`);
    for (const r of c.updated) lines.push(`  ${updateLine(r)}`);
    for (const r of c.deleted) lines.push(`  delete   ${label(r)}`);
    for (const m of c.renamed) lines.push(`  alias    ${m.from} → ${m.to}`);
    for (const s of c.secretInputsNotCompared) lines.push(`  note: secret inputs of ${s.urn.split("::").pop()} not compared offline: ${s.inputs.join(", ")}`);
    lines.push(
        `  monthly cost: ${usd(c.monthlyCostUsd.before)} → ${usd(c.monthlyCostUsd.after)} (${signed(c.monthlyCostUsd.change, usd)}${c.monthlyCostUsd.percent === undefined ? "" : `, ${c.monthlyCostUsd.percent > 0 ? "+" : ""}${c.monthlyCostUsd.percent}%`})`,
        `  rollout: ${c.rolloutSeconds.before} s → ${c.rolloutSeconds.after} s`,
        `  policy violations: ${c.newViolations.length} new, ${c.fixedViolations.length} fixed`,
    );
    for (const v of c.newViolations) lines.push(`    new   [${v.enforcementLevel}] ${v.policy}: ${v.message.split("\n")[0]}`);
    for (const v of c.fixedViolations) lines.push(`    fixed [${v.enforcementLevel}] ${v.policy}: ${v.message.split("\n")[0]}`);
    for (const level of ["mandatory", "advisory"] as const) {
        const found = c.findings.filter(f => f.enforcementLevel === level);
        lines.push(`Change findings, ${level}: ${found.length}`);
        for (const f of found) lines.push(`  [${level}] ${f.rule}: ${f.message}`);
    }
    return lines;
}

/** The HTML comment that marks a stack's pull-request comment, so a new run updates it instead of adding one. */
export const commentMarker = (stack: string) => `<!-- fargate-web change report: ${stack} -->`;

const md = (text: string) => text.replace(/[|<>]/g, ch => ({ "|": "\\|", "<": "&lt;", ">": "&gt;" })[ch] ?? ch);

/** The Markdown pull-request comment for one stack. */
export function formatChangesMarkdown(c: ChangeReport, verdict: { mandatoryViolations: number }): string {
    const counts = changeCounts(c);
    const mandatory = c.findings.filter(f => f.enforcementLevel === "mandatory").length + verdict.mandatoryViolations;
    const lines = [
        commentMarker(c.stack),
        `### Offline change report: stack \`${c.stack}\` ${mandatory > 0 ? "— ❌ blocked" : "— ✅ passes"}`,
        "",
        `| create | update | replace | new revision | not determinable | refused | delete |`,
        `|---:|---:|---:|---:|---:|---:|---:|`,
        `| ${counts.add} | ${counts.update} | ${counts.replace} | ${counts.revision} | ${counts.undeterminable} | ${counts.refused} | ${counts.delete} |`,
        "",
        `| | before | after | change |`,
        `|---|---:|---:|---:|`,
        `| Monthly cost | ${usd(c.monthlyCostUsd.before)} | ${usd(c.monthlyCostUsd.after)} | ${signed(c.monthlyCostUsd.change, usd)}${percent(c.monthlyCostUsd)} |`,
        `| Monthly cost at scaling maximum | ${usd(c.monthlyCostUsdMax.before)} | ${usd(c.monthlyCostUsdMax.after)} | ${signed(c.monthlyCostUsdMax.change, usd)}${percent(c.monthlyCostUsdMax)} |`,
        `| Rollout | ${c.rolloutSeconds.before} s | ${c.rolloutSeconds.after} s | ${signed(c.rolloutSeconds.change, n => `${n} s`)} |`,
        `| Policy violations | | | ${c.newViolations.length} new, ${c.fixedViolations.length} fixed |`,
        "",
    ];
    if (c.findings.length > 0) {
        lines.push("**Findings**", "");
        for (const f of c.findings) lines.push(`- **${f.enforcementLevel}** \`${f.rule}\`: ${md(f.message)}`);
        lines.push("");
    }
    const resourceLines = [
        ...c.added.map(r => `create   ${label(r)}`),
        ...c.updated.map(updateLine),
        ...c.deleted.map(r => `delete   ${label(r)}`),
        ...c.renamed.map(m => `alias    ${m.from} → ${m.to}`),
    ];
    if (resourceLines.length > 0) {
        lines.push("<details><summary>Resources</summary>", "", "```", ...resourceLines, "```", "", "</details>", "");
    }
    const violations = [...c.newViolations.map(v => ["new", v] as const), ...c.fixedViolations.map(v => ["fixed", v] as const)];
    if (violations.length > 0) {
        lines.push("<details><summary>Policy violations</summary>", "");
        for (const [kind, v] of violations) lines.push(`- ${kind} **${v.enforcementLevel}** \`${v.policy}\`: ${md(v.message.split("\n")[0])}`);
        lines.push("", "</details>", "");
    }
    lines.push("_No cloud calls were made: the program ran under mocks on the base and the head of this pull request._");
    return lines.join("\n");
}
