/**
 * Evaluates a policy pack's policies over recorded resources the way the Pulumi engine does during
 * `pulumi preview --policy-pack`, without starting the pack's gRPC server (building a `PolicyPack` would).
 *
 * Mirrored from `@pulumi/policy` 1.21 `server.js`: enforcement level = config ?? policy ?? pack
 * (`disabled` skips, `remediate` runs remediations first and reports as mandatory); props go through
 * `unknownCheckingProxy`, and an `UnknownValueError` becomes an advisory "can't run … during preview";
 * `notApplicable()` and type-bound validations are recorded, not reported; `getConfig()` returns the
 * policy's `configSchema` defaults overlaid with the config file (the CLI fills defaults before `Configure`).
 */
import {
    EnforcementLevel,
    Policies,
    PolicyPackConfig,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
    UnknownValueError,
    unknownCheckingProxy,
} from "@pulumi/policy";
import { PolicyConfigError } from "./errors";
import { policyConfigFor, resolveEnforcementLevel, validatePolicyConfig } from "./policyConfig";
import { normaliseForEngine } from "./serialisation";
import { Diagnostic, NotApplicable, RecordedResource, Remediation } from "./types";

/** What a policy pack consists of, as `policy/index.ts` passes it to `new PolicyPack(name, args)`. */
export interface PackDefinition {
    readonly name: string;
    readonly version?: string;
    readonly enforcementLevel?: EnforcementLevel;
    readonly policies: Policies;
}

/** The outcome of one evaluation. */
export interface EvaluationResult {
    readonly diagnostics: Diagnostic[];
    readonly notApplicable: NotApplicable[];
    readonly remediations: Remediation[];
}

export { PolicyConfigError, policyConfigFor, resolveEnforcementLevel, validatePolicyConfig };

type AnyPolicy = ResourceValidationPolicy & Partial<StackValidationPolicy>;

/** What `notApplicable()` throws: an Error, as the engine's `NotApplicableError` is. */
class NotApplicableSignal extends Error {
    declare readonly reason?: string;
}

/**
 * `args.notApplicable()`: most (resource, policy) pairs end here, so the signal is made without running
 * the Error constructor, whose stack capture (read by nobody) would cost more than the rest of the pair.
 */
const throwNotApplicable = (reason?: string): never => {
    const signal = Object.create(NotApplicableSignal.prototype) as { message: string; reason?: string };
    signal.message = reason ?? "Policy does not apply";
    signal.reason = reason;
    throw signal;
};

/** The Pulumi type a validation was bound to by `validateResourceOfType` and friends. */
const boundType = (fn: unknown): string | undefined => (fn as { __pulumiType?: string } | undefined)?.__pulumiType;

function isTypeOf(type: string, resourceClass: unknown): boolean {
    const cls = resourceClass as { __pulumiType?: string; isInstance?: (o: unknown) => boolean };
    if (cls.__pulumiType) {
        return cls.__pulumiType === type;
    }
    return typeof cls.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

function resourceOpts(r: RecordedResource) {
    const { retainOnDelete: _ignored, ...opts } = r.opts;
    return opts;
}

/**
 * Runs every policy of `pack` over `resources`: remediations, then resource validations (on the
 * remediated inputs), then stack validations (on the recorded state), like one preview.
 */
export async function evaluatePack(
    pack: PackDefinition,
    resources: readonly RecordedResource[],
    config: PolicyPackConfig = {},
): Promise<EvaluationResult> {
    validatePolicyConfig(pack, config);
    const diagnostics: Diagnostic[] = [];
    const notApplicable: NotApplicable[] = [];
    const remediations: Remediation[] = [];
    const policies = pack.policies as AnyPolicy[];
    // Once per evaluation rather than per (resource, policy) pair: the level depends on neither.
    const levels = new Map(policies.map(p => [p, resolveEnforcementLevel(pack, p, config)]));
    const getConfig = (p: AnyPolicy) => () => policyConfigFor(p, config);

    // A resource policy's violation belongs to the resource under validation unless it names another.
    const report = (policy: AnyPolicy, level: "advisory" | "mandatory", subject?: string) => (message: string, urn?: string) => {
        diagnostics.push({
            policyName: policy.name,
            policyPackName: pack.name,
            enforcementLevel: level,
            message: message ? `${policy.description}\n${message}` : policy.description,
            detail: message ?? "",
            urn: urn ?? subject,
            severity: policy.severity,
        });
    };
    const previewNote = (policy: AnyPolicy, kind: string, e: UnknownValueError, urn?: string) => {
        const detail = `can't run ${kind} '${policy.name}' from policy pack '${pack.name}@v${pack.version ?? "0.0.0"}' during preview: ${e.message}`;
        diagnostics.push({
            policyName: policy.name,
            policyPackName: pack.name,
            enforcementLevel: "advisory",
            message: detail,
            detail,
            urn,
            severity: policy.severity,
        });
    };

    /**
     * What the engine does with an exception from a policy: an unknown value becomes the advisory preview
     * note, `notApplicable()` is recorded, and anything else is the policy's own bug, raised with its name.
     */
    const settle = (e: unknown, policy: AnyPolicy, kind: string, urn?: string) => {
        if (e instanceof UnknownValueError) {
            previewNote(policy, kind, e, urn);
        } else if (e instanceof NotApplicableSignal) {
            notApplicable.push(urn === undefined ? { policyName: policy.name, reason: e.reason } : { policyName: policy.name, urn, reason: e.reason });
        } else {
            throw wrapPolicyError(e, policy.name, pack.name);
        }
    };

    const remediated = new Map<string, Record<string, unknown>>();
    for (const r of resources) {
        if (r.component) {
            // The engine analyses custom resources; components carry no cloud state to check.
            remediated.set(r.urn, normaliseForEngine(r.inputs) as Record<string, unknown>);
            continue;
        }
        let props = normaliseForEngine(r.inputs) as Record<string, unknown>;
        for (const p of policies) {
            const level = levels.get(p);
            if (level !== "remediate" || typeof p.validateStack === "function" || !p.remediateResource) {
                continue;
            }
            const bound = boundType(p.remediateResource);
            if (bound && bound !== r.type) {
                continue;
            }
            try {
                const result = await p.remediateResource(resourceArgs(r, props, getConfig(p)));
                if (result) {
                    props = normaliseForEngine(result) as Record<string, unknown>;
                    remediations.push({ policyName: p.name, urn: r.urn, properties: props });
                }
            } catch (e) {
                settle(e, p, "remediation", r.urn);
            }
        }
        remediated.set(r.urn, props);

        for (const p of policies) {
            let level = levels.get(p)!;
            if (level === "disabled" || typeof p.validateStack === "function" || !p.validateResource) {
                continue;
            }
            level = level === "remediate" ? "mandatory" : level;
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            if (validations.length === 1 && boundType(validations[0]) && boundType(validations[0]) !== r.type) {
                notApplicable.push({ policyName: p.name, urn: r.urn, reason: `Policy only applies to resources of type '${boundType(validations[0])}'` });
                continue;
            }
            for (const validation of validations) {
                try {
                    await validation(resourceArgs(r, props, getConfig(p)), report(p, level, r.urn));
                } catch (e) {
                    settle(e, p, "policy", r.urn);
                }
            }
        }
    }

    // Normalised once for all stack policies (each still gets its own list, below).
    let states: Record<string, unknown>[] | undefined;
    for (const p of policies) {
        let level = levels.get(p)!;
        if (level === "disabled" || typeof p.validateStack !== "function") {
            continue;
        }
        level = level === "remediate" ? "mandatory" : level;
        const bound = boundType(p.validateStack);
        if (bound && !resources.some(r => r.type === bound)) {
            notApplicable.push({ policyName: p.name, reason: `Policy only applies to resources of type '${bound}'` });
            continue;
        }
        try {
            await p.validateStack(
                {
                    resources: stackResources(resources, (states ??= resources.map(r => normaliseForEngine(r.state) as Record<string, unknown>)), remediated),
                    getConfig: getConfig(p) as <T extends object>() => T,
                    stackTags: new Map(),
                    notApplicable: throwNotApplicable,
                },
                report(p, level),
            );
        } catch (e) {
            settle(e, p, "policy");
        }
    }
    return { diagnostics, notApplicable, remediations };
}

/**
 * What one validation receives. The engine deserialises props afresh for each validation, so that no
 * policy sees another's changes; the copy and its unknown-checking proxy are made when the policy first
 * reads `props` (most pairs end in `notApplicable()` before that), and so are `opts` and `stackTags`.
 * `getConfig()` is built on each call.
 */
function resourceArgs(r: RecordedResource, rawProps: Record<string, unknown>, getConfig: () => Record<string, unknown>): ResourceValidationArgs {
    let props: Record<string, any> | undefined;
    let opts: ResourceValidationArgs["opts"] | undefined;
    let stackTags: Map<string, string> | undefined;
    const fresh = () => (props ??= unknownCheckingProxy(structuredClone(rawProps)) as Record<string, any>);
    return {
        type: r.type,
        get props() {
            return fresh();
        },
        urn: r.urn,
        name: r.name,
        get opts() {
            return (opts ??= resourceOpts(r));
        },
        get stackTags() {
            return (stackTags ??= new Map());
        },
        isType: (cls: unknown) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? fresh() : undefined)) as ResourceValidationArgs["asType"],
        getConfig: getConfig as <T extends object>() => T,
        notApplicable: throwNotApplicable,
    };
}

/**
 * Stack policies receive every resource (components too) with its state; the engine sends outputs
 * after an update, and recorded state is the closest offline equivalent. Remediated inputs win, since a
 * remediation is what would be deployed.
 */
function stackResources(
    resources: readonly RecordedResource[],
    states: readonly Record<string, unknown>[],
    remediated: Map<string, Record<string, unknown>>,
) {
    const byUrn = new Map<string, any>();
    const list = resources.map((r, i) => {
        const state = states[i];
        const props = unknownCheckingProxy({ ...state, ...remediated.get(r.urn) }) as Record<string, any>;
        const resource: any = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: resourceOpts(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls: unknown) => isTypeOf(r.type, cls),
            asType: (cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined),
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    resources.forEach((r, i) => {
        const resource = list[i];
        if (r.parent && byUrn.has(r.parent)) {
            resource.parent = byUrn.get(r.parent);
        }
        resource.dependencies = r.dependencies.map(d => byUrn.get(d)).filter(Boolean);
        for (const [key, urns] of Object.entries(r.propertyDependencies)) {
            resource.propertyDependencies[key] = urns.map(d => byUrn.get(d)).filter(Boolean);
        }
    });
    return list;
}

function wrapPolicyError(e: unknown, policy: string, pack: string): Error {
    const cause = e instanceof Error ? e : new Error(String(e));
    const err = new Error(`Error validating resource with policy '${policy}' from policy pack '${pack}': ${cause.message}`);
    (err as Error & { cause?: unknown }).cause = cause;
    return err;
}

/** Diagnostics that would fail `pulumi preview` (mandatory, and remediate downgraded to mandatory). */
export const mandatory = (result: EvaluationResult): Diagnostic[] =>
    result.diagnostics.filter(d => d.enforcementLevel === "mandatory");
