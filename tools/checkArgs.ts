/**
 * Command-line arguments of `npm run check`. Pure.
 */

/** Parsed arguments. */
export interface CheckArgs {
    readonly stack: string;
    readonly program?: string;
    readonly config?: string;
    readonly policyConfig?: string;
    /** A `--json` report of the base branch to compare with. */
    readonly baseline?: string;
    /** Change thresholds file (default: policy/config/<stack>.changes.json when it exists). */
    readonly changeConfig?: string;
    /** Where to write the change report as a Markdown pull-request comment. */
    readonly comment?: string;
    readonly json: boolean;
    readonly help: boolean;
}

/** A usage mistake; the command prints it with the usage text and exits 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run check -- --stack <name> [--program <entry.ts>] [--config <file>] [--policy-config <file>] [--json]
                         [--baseline <report.json> [--change-config <file>] [--comment <file.md>]]

Runs a Pulumi TypeScript program offline (no cloud account, no Pulumi CLI), evaluates the policy pack and
prints the resources, violations, monthly cost and rollout time.

  --stack <name>           stack to check; its config is Pulumi.<name>.yaml beside the program
  --program <entry|dir>    program entry module, or its project folder (the one holding Pulumi.yaml);
                           default: index.ts of this project (CommonJS or ES module programs)
  --config <file>          stack config file (default: Pulumi.<name>.yaml beside Pulumi.yaml)
  --policy-config <file>   policy pack config (default: policy/config/<name>.json when it exists)
  --json                   print one JSON document instead of text
  --baseline <report.json> compare with another --json report of the same stack (e.g. the base branch's):
                           resources added, replaced and deleted, cost, rollout and violations before/after
  --change-config <file>   change thresholds (default: policy/config/<name>.changes.json when it exists)
  --comment <file.md>      also write the comparison as a Markdown pull-request comment

Exit codes: 0 no mandatory violation and no apply-time error (INCOMPLETE when remote components or checks
could not be seen), 1 mandatory violations, values AWS would refuse at apply time or mandatory change
findings, 2 invalid program, file or config, or a data source the offline run cannot answer, 3 a fault of
the check itself (printed with its stack trace).`;

const VALUED = new Set(["--stack", "--program", "--config", "--policy-config", "--baseline", "--change-config", "--comment"]);

/** Parses `argv` (without node and script); throws {@link UsageError} for anything it does not know. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
    const values: Record<string, string> = {};
    let json = false;
    let help = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        if (flag === "--json") {
            json = true;
        } else if (flag === "--help" || flag === "-h") {
            help = true;
        } else if (VALUED.has(flag)) {
            const value = inline ?? argv[++i];
            if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
                throw new UsageError(`${flag} needs a value`);
            }
            if (flag in values) {
                throw new UsageError(`${flag} is given twice`);
            }
            values[flag] = value;
        } else {
            throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
        }
    }
    if (!help && !values["--stack"]) {
        throw new UsageError("--stack is required");
    }
    for (const flag of ["--change-config", "--comment"]) {
        if (values[flag] !== undefined && values["--baseline"] === undefined) {
            throw new UsageError(`${flag} goes with --baseline`);
        }
    }
    if (values["--stack"] !== undefined && !/^[A-Za-z0-9_.-]+$/.test(values["--stack"])) {
        throw new UsageError(`--stack ${JSON.stringify(values["--stack"])} is not a stack name (letters, digits, - _ .)`);
    }
    return {
        stack: values["--stack"] ?? "",
        program: values["--program"],
        config: values["--config"],
        policyConfig: values["--policy-config"],
        baseline: values["--baseline"],
        changeConfig: values["--change-config"],
        comment: values["--comment"],
        json,
        help,
    };
}
