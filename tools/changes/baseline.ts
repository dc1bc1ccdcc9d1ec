/**
 * Reading the baseline of a change report: a `npm run check --json` document of the same stack, written by
 * this version or an earlier one (earlier ones lack resource options, which then read as unprotected,
 * apply-time errors, which then read as none, and `ignoreChanges` and dependencies, which the head run's
 * stand in for).
 */
import * as fs from "fs";
import type { CheckReport } from "../checkReport";

/** A baseline that cannot be used; the command prints it and exits 2. */
export class BaselineError extends Error {}

const isObject = (v: unknown): v is Record<string, any> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Checks the parts of a report the comparison reads; names the first part that is missing. */
export function parseBaselineReport(value: unknown, where: string, expected: { stack: string; project?: string }): CheckReport {
    const fail = (what: string): never => {
        throw new BaselineError(`${where}: not a report of npm run check --json (${what})`);
    };
    if (!isObject(value)) fail("expected one JSON object");
    const r = value as Record<string, any>;
    if (typeof r.stack !== "string") fail("no stack");
    if (!Array.isArray(r.resources)) fail("no resources list");
    r.resources.forEach((res: unknown, i: number) => {
        if (!isObject(res) || typeof res.urn !== "string" || typeof res.type !== "string" || typeof res.name !== "string") fail(`resources[${i}] lacks urn, type or name`);
        const options = (res as Record<string, unknown>).options;
        if (options !== undefined && (!isObject(options) || !Array.isArray(options.aliases) || options.aliases.some(a => typeof a !== "string"))) {
            fail(`resources[${i}].options lacks its aliases list`);
        }
        const ignoreChanges = isObject(options) ? options.ignoreChanges : undefined;
        if (ignoreChanges !== undefined && (!Array.isArray(ignoreChanges) || ignoreChanges.some(p => typeof p !== "string"))) {
            fail(`resources[${i}].options.ignoreChanges is not a list of property paths`);
        }
        const dependencies = (res as Record<string, unknown>).dependencies;
        if (dependencies !== undefined && (!isObject(dependencies) || Object.values(dependencies).some(urns => !Array.isArray(urns) || urns.some(u => typeof u !== "string")))) {
            fail(`resources[${i}].dependencies is not a map of inputs to URN lists`);
        }
    });
    if (!Array.isArray(r.violations)) fail("no violations list");
    r.violations.forEach((v: Record<string, unknown>, i: number) => {
        if (!isObject(v) || typeof v.policy !== "string" || typeof v.message !== "string" || (v.enforcementLevel !== "advisory" && v.enforcementLevel !== "mandatory")) {
            fail(`violations[${i}] lacks policy, message or enforcementLevel`);
        }
        if (v.urn !== undefined && typeof v.urn !== "string") fail(`violations[${i}].urn is not a string`);
    });
    if (!isObject(r.cost) || typeof r.cost.monthlyUsd !== "number" || typeof r.cost.monthlyUsdMax !== "number") fail("no cost.monthlyUsd");
    if (!isObject(r.rollout) || typeof r.rollout.secondsPerWave !== "number" || typeof r.rollout.waves !== "number") fail("no rollout.secondsPerWave");
    if (r.stack !== expected.stack) {
        throw new BaselineError(`${where}: the baseline is a report of stack ${JSON.stringify(r.stack)}, not of ${JSON.stringify(expected.stack)}`);
    }
    if (expected.project !== undefined && typeof r.project === "string" && r.project !== expected.project) {
        throw new BaselineError(`${where}: the baseline is a report of project ${JSON.stringify(r.project)}, not of ${JSON.stringify(expected.project)}`);
    }
    return { ...r, applyErrors: Array.isArray(r.applyErrors) ? r.applyErrors : [] } as CheckReport;
}

/** Reads and checks a baseline file. */
export function readBaselineReport(file: string, expected: { stack: string; project?: string }): CheckReport {
    if (!fs.existsSync(file)) throw new BaselineError(`${file}: baseline report not found`);
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new BaselineError(`${file}: ${(e as Error).message}`);
    }
    return parseBaselineReport(parsed, file, expected);
}
