/**
 * Shapes shared by the offline harness: what a program run records, and what a policy evaluation reports.
 */

/** Resource options as the policy engine passes them to a policy (`PolicyResourceOptions`). */
export interface RecordedOptions {
    readonly protect: boolean;
    readonly ignoreChanges: string[];
    readonly aliases: string[];
    readonly deleteBeforeReplace?: boolean;
    readonly additionalSecretOutputs: string[];
    readonly customTimeouts: { createSeconds: number; updateSeconds: number; deleteSeconds: number };
    readonly parent?: string;
    /** Pulumi's `retainOnDelete`; the engine does not pass it to policies, tests and reports read it. */
    readonly retainOnDelete: boolean;
}

/** One resource registration as the engine would see it during `pulumi preview`. */
export interface RecordedResource {
    /** Type token, e.g. `aws:ecs/service:Service`. */
    readonly type: string;
    /** Logical name. */
    readonly name: string;
    readonly urn: string;
    /** URN of the parent, when the resource has one (the stack itself has none). */
    readonly parent?: string;
    /** The explicit provider (`<provider URN>::<id>`), when the resource was given one. */
    readonly provider?: string;
    /** True for component resources (they have no provider and no cloud state). */
    readonly component: boolean;
    /**
     * True for a remote component (e.g. `@pulumi/awsx` v1+): its provider creates its children, which no
     * offline run records.
     */
    readonly remote?: boolean;
    /**
     * Inputs exactly as serialised for the engine: secrets are `{"4dabf…": "1b47…", value}` objects and
     * values not known yet are the unknown sentinel string.
     */
    readonly inputs: Record<string, unknown>;
    /** State after creation as the mocks returned it (inputs plus computed ids/ARNs). */
    readonly state: Record<string, unknown>;
    readonly id?: string;
    readonly dependencies: string[];
    readonly propertyDependencies: Record<string, string[]>;
    readonly opts: RecordedOptions;
}

/** A violation or advisory diagnostic, shaped like the engine's `AnalyzeDiagnostic`. */
export interface Diagnostic {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly enforcementLevel: "advisory" | "mandatory";
    /** The engine's text: the policy description, a newline, then the reported message. */
    readonly message: string;
    /** Only what the policy reported (or the preview note for unknown values). */
    readonly detail: string;
    readonly urn?: string;
    readonly severity?: string;
}

/** A policy that did not apply to a resource or stack, with the reason it gave. */
export interface NotApplicable {
    readonly policyName: string;
    readonly urn?: string;
    readonly reason?: string;
}

/** A remediation that changed a resource's inputs. */
export interface Remediation {
    readonly policyName: string;
    readonly urn: string;
    readonly properties: Record<string, unknown>;
}
