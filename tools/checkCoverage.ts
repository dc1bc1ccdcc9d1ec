/**
 * What an offline check could not see: remote components (their children are created by their provider,
 * which does not run offline, so no policy judged them and the estimate excludes them) and policies that
 * could not run because a value they read was unknown. Pure.
 */
import { unpricedTypes } from "../estimates/coverage";
import { regionNotice, StackRegion } from "../harness/stackRegion";
import { Diagnostic, RecordedResource } from "../harness/types";
import { AWSX_TYPES } from "../policy/facts/typeTokens";

/** One remote component. */
export interface OpaqueComponent {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** True when the cost estimate leaves out all it creates (an awsx `Vpc`'s NAT gateways are priced from its inputs). */
    readonly costExcluded: boolean;
    /**
     * True when what it creates follows from its inputs and is modelled offline: an awsx `Vpc` makes
     * subnets, route tables, an internet gateway and NAT gateways exactly as its inputs say; the mocks
     * return their ids, the estimate prices its NAT gateways and the VPC policies judge the component.
     */
    readonly modelled: boolean;
}

/** Remote component types whose children follow from their inputs and are modelled offline. */
const MODELLED = new Set<string>([AWSX_TYPES.ec2Vpc]);

/** The gaps of one check; empty lists and 0 mean the check saw everything. */
export interface CheckCoverage {
    /** Remote components: their children were neither checked nor priced. */
    readonly remoteComponents: OpaqueComponent[];
    /** How many policy evaluations could not run (a value they read was unknown). */
    readonly checksNotRun: number;
    /** Which policy on which resource could not run. */
    readonly checksNotRunDetail: ReadonlyArray<{ readonly policy: string; readonly urn?: string }>;
    /**
     * The region the stack was judged in, when the stack's config does not name it (absent when it does):
     * from the environment, as the provider would read it, or assumed.
     */
    readonly region?: StackRegion;
}

/** How the policy engine words a policy it could not run during preview (`policyEngine.ts`, as the CLI does). */
const NOT_RUN = /^can't run (?:policy|remediation) '/;

/** The gaps of a run and its evaluation. */
export function checkCoverage(resources: readonly RecordedResource[], diagnostics: readonly Diagnostic[], region?: StackRegion): CheckCoverage {
    const notRun = diagnostics.filter(d => NOT_RUN.test(d.detail));
    const unpriced = new Set(unpricedTypes(resources).map(u => u.type));
    return {
        remoteComponents: resources.filter(r => r.remote).map(r => ({ type: r.type, name: r.name, urn: r.urn, costExcluded: unpriced.has(r.type), modelled: MODELLED.has(r.type) })),
        checksNotRun: notRun.length,
        checksNotRunDetail: notRun.map(d => ({ policy: d.policyName, urn: d.urn })),
        ...(region && region.source !== "config" ? { region } : {}),
    };
}

/** True when the check saw everything. */
export const isComplete = (coverage: CheckCoverage): boolean => opaque(coverage).length === 0 && coverage.checksNotRun === 0;

/** Remote components nothing offline models. */
const opaque = (coverage: CheckCoverage): OpaqueComponent[] => coverage.remoteComponents.filter(c => !c.modelled);

/** The coverage section of the text report (nothing when the check saw everything). */
export function formatCoverage(coverage: CheckCoverage): string[] {
    const notice = coverage.region && regionNotice(coverage.region);
    if (isComplete(coverage)) return notice ? [notice, ""] : [];
    const lines: string[] = notice ? [notice] : [];
    const unseen = opaque(coverage);
    if (unseen.length > 0) {
        lines.push(
            `NOT CHECKED: ${unseen.length} remote component(s). Their provider creates their children, which cannot be seen offline:`,
            ...unseen.map(c => `  ${c.type} ${c.name}${c.costExcluded ? " (excluded from the cost estimate)" : ""}`),
            "  No policy judged what they create.",
        );
    }
    if (coverage.checksNotRun > 0) {
        const policies = [...new Set(coverage.checksNotRunDetail.map(d => d.policy))];
        lines.push(`NOT CHECKED: ${coverage.checksNotRun} policy check(s) could not run because a value they read is unknown offline (${policies.join(", ")}).`);
    }
    return [...lines, ""];
}

/** The last line of the text report. */
export function verdict(mandatory: number, coverage: CheckCoverage, mandatoryChangeFindings = 0, applyErrors = 0): string {
    const gaps = [
        opaque(coverage).length > 0 ? `${opaque(coverage).length} remote component(s)` : "",
        coverage.checksNotRun > 0 ? `${coverage.checksNotRun} policy check(s)` : "",
    ]
        .filter(Boolean)
        .join(" and ");
    if (mandatory > 0 || mandatoryChangeFindings > 0 || applyErrors > 0) {
        const failures = [
            ...(mandatory > 0 || mandatoryChangeFindings > 0 ? [`${mandatory} mandatory policy violation(s)`] : []),
            ...(mandatoryChangeFindings > 0 ? [`${mandatoryChangeFindings} mandatory change finding(s)`] : []),
            // Values AWS refuses at pulumi up (harness/applyRules).
            ...(applyErrors > 0 ? [`${applyErrors} apply-time error(s)`] : []),
        ];
        return `FAILED: ${failures.join(", ")}.${gaps ? ` Also ${gaps} not checked (see NOT CHECKED above).` : ""}`;
    }
    if (!gaps) return "PASSED: no mandatory policy violation.";
    return `INCOMPLETE: no mandatory policy violation in what could be checked; ${gaps} not checked (see NOT CHECKED above).`;
}
