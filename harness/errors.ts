/**
 * Errors the harness raises for bad input, in a module that loads nothing heavy, so that a command can
 * recognise them without loading the Pulumi SDK first.
 */

/** Raised when the program threw (bad config included); `cause` is the program's own error. */
export class ProgramError extends Error {
    constructor(
        message: string,
        readonly cause: unknown,
    ) {
        super(message);
        this.name = "ProgramError";
    }
}

/** Raised for a policy config file that the Pulumi CLI would reject. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}
