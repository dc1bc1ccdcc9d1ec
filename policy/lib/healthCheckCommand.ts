/**
 * Decides whether a container health check command can ever fail. Docker runs `["CMD-SHELL", script]` as
 * `/bin/sh -c script` (further elements become `$0`, `$1`, … and do not change the script) and
 * `["CMD", exe, args…]` directly; the check is healthy when the exit status is 0. A command that exits 0
 * whatever the service does (`curl … || true`, `…; exit 0`, `|| :`, `true`, `echo ok`) never lets ECS
 * replace a hung container.
 *
 * The shell reading is deliberately small and conservative — it only claims "cannot fail" when it is
 * sure: the script is split at top-level `;`, newlines and `&`, and each list at `&&`/`||`, respecting
 * quotes, `( … )` and `{ …; }` groups and `#` comments; a pipeline's status is its last command's
 * (no `pipefail` in `sh`); `! cmd` inverts. Then:
 * - `a || b` always succeeds when `a` or `b` always does; `a && b` only when both do;
 * - a list of commands ends with its last command's status, unless an unconditional `exit 0` comes first;
 * - a script whose last list runs in the background (`curl … &`) exits 0 whatever that list does;
 * - a pipeline into a filter that reads only its input (`curl … | cat`, `| head -n 1`) ends with that filter's 0.
 */

/** Commands that exit 0 whatever happens (given any arguments). */
const ALWAYS_OK = new Set(["true", ":", "/bin/true", "/usr/bin/true", "echo", "/bin/echo", "/usr/bin/echo", "printf", "/usr/bin/printf", "sleep", "/bin/sleep", "/usr/bin/sleep"]);
/** Commands that exit non-zero whatever happens. */
const ALWAYS_FAILS = new Set(["false", "/bin/false", "/usr/bin/false"]);
/** Commands that run their arguments as a command and exit with its status (when it runs within limits). */
const WRAPPERS = /^(\/usr)?(\/bin\/)?(env|nice|nohup|timeout)$/;
/** Shells whose `-c script` is read as a script. */
const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh|ksh)$/;

type Outcome = "ok" | "fails" | "either";

/** Splits `text` at top-level occurrences of the separators (outside quotes and groups), keeping them. */
function splitTopLevel(text: string, separators: readonly string[]): { part: string; separator?: string }[] {
    const parts: { part: string; separator?: string }[] = [];
    let depth = 0;
    let quote: string | undefined;
    let current = "";
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote !== undefined) {
            current += ch;
            if (ch === "\\" && quote === '"' && i + 1 < text.length) {
                current += text[++i];
            } else if (ch === quote) {
                quote = undefined;
            }
            continue;
        }
        if (ch === "'" || ch === '"') {
            quote = ch;
            current += ch;
            continue;
        }
        if (ch === "\\" && i + 1 < text.length) {
            current += ch + text[++i];
            continue;
        }
        if (ch === "(" || (ch === "{" && /^\{\s/.test(text.slice(i, i + 2)))) {
            depth++;
        } else if ((ch === ")" || ch === "}") && depth > 0) {
            depth--;
        }
        // `2>&1`, `>&2` and `&>` are redirections, not the `&` that ends a list
        const redirection = ch === "&" && (text[i - 1] === ">" || text[i - 1] === "<" || text[i + 1] === ">");
        const separator = depth === 0 && !redirection ? separators.find(s => text.startsWith(s, i)) : undefined;
        if (separator !== undefined) {
            parts.push({ part: current, separator });
            current = "";
            i += separator.length - 1;
            continue;
        }
        current += ch;
    }
    parts.push({ part: current });
    return parts;
}

/** Removes `#` comments (a `#` that starts a word, outside quotes). */
function stripComments(script: string): string {
    return script
        .split("\n")
        .map(line => {
            let quote: string | undefined;
            for (let i = 0; i < line.length; i++) {
                const ch = line[i];
                if (quote !== undefined) {
                    if (ch === quote) quote = undefined;
                } else if (ch === "'" || ch === '"') {
                    quote = ch;
                } else if (ch === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
                    return line.slice(0, i);
                }
            }
            return line;
        })
        .join("\n");
}

const unquote = (word: string): string => word.replace(/^(['"])(.*)\1$/, "$2");

/** The outcome of one simple command or group, and the word that decided it. */
function commandOutcome(text: string): { outcome: Outcome; why?: string } {
    let command = text.trim();
    const group = /^\(([\s\S]*)\)$/.exec(command) ?? /^\{\s([\s\S]*?);?\s*\}$/.exec(command);
    if (group) {
        return scriptOutcome(group[1]);
    }
    let negated = false;
    while (command.startsWith("! ")) {
        negated = !negated;
        command = command.slice(2).trim();
    }
    // Leading assignments (`FOO=1 cmd`), `exec`/`command` and wrappers that return the status of the command
    // they run (`env`, `nice`, `nohup`, `timeout 5`; their own options taken off) do not change the status.
    const words = command.split(/\s+/).filter(w => w !== "").map(unquote);
    for (;;) {
        const word = words[0];
        if (word === undefined) break;
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || word === "exec" || word === "command") {
            words.shift();
        } else if (WRAPPERS.test(word)) {
            words.shift();
            while (words[0]?.startsWith("-")) words.shift();
            if (/timeout$/.test(word) && /^\d/.test(words[0] ?? "")) words.shift(); // the duration
        } else {
            break;
        }
    }
    let result: { outcome: Outcome; why?: string } = { outcome: "either" };
    const [name, ...rest] = words;
    if (name === undefined) {
        result = { outcome: "either" };
    } else if (ALWAYS_OK.has(name)) {
        result = { outcome: "ok", why: name };
    } else if (ALWAYS_FAILS.has(name)) {
        result = { outcome: "fails", why: name };
    } else if (name === "exit" || name === "return") {
        if (rest.length > 0 && /^0+$/.test(rest[0])) {
            result = { outcome: "ok", why: `${name} 0` };
        } else if (rest.length > 0 && /^\d+$/.test(rest[0])) {
            result = { outcome: "fails", why: `${name} ${rest[0]}` };
        }
    } else if (SHELLS.test(name) && rest[0] === "-c" && rest.length > 1) {
        const script = /\s-c\s+([\s\S]*)$/.exec(command);
        result = script ? scriptOutcome(unquote(script[1].trim())) : result;
    }
    if (negated) {
        result = result.outcome === "ok" ? { outcome: "fails", why: `! ${result.why}` } : result.outcome === "fails" ? { outcome: "ok", why: `! ${result.why}` } : result;
    }
    return result;
}

/** Filters that exit 0 on whatever their standard input holds, when given only options (`head -n 1`), no files. */
const PIPE_SINKS = /^(\/usr)?(\/bin\/)?(cat|tee|wc|head|tail)$/;

/** A pipeline's outcome is its last command's (no `pipefail` in `sh`). */
function pipelineOutcome(text: string): { outcome: Outcome; why?: string } {
    const commands = splitTopLevel(text, ["|"]);
    const last = commands[commands.length - 1].part;
    const [name, ...rest] = last.trim().split(/\s+/);
    if (commands.length > 1 && PIPE_SINKS.test(name ?? "") && rest.every(w => /^(-\S*|\d+)$/.test(w))) {
        return { outcome: "ok", why: `| ${name}` };
    }
    return commandOutcome(last);
}

/** An and-or list: `a && b || c`, evaluated left to right. */
function listOutcome(text: string): { outcome: Outcome; why?: string } {
    const parts = splitTopLevel(text, ["&&", "||"]);
    let status = pipelineOutcome(parts[0].part);
    for (let i = 1; i < parts.length; i++) {
        const operator = parts[i - 1].separator;
        const next = pipelineOutcome(parts[i].part);
        if (operator === "||") {
            // runs `next` only after a failure
            status =
                status.outcome === "ok"
                    ? status
                    : next.outcome === "ok"
                      ? { outcome: "ok", why: `|| ${next.why}` }
                      : status.outcome === "fails"
                        ? next
                        : { outcome: "either" };
        } else {
            // runs `next` only after a success
            status =
                status.outcome === "fails"
                    ? status
                    : status.outcome === "ok"
                      ? next
                      : next.outcome === "fails"
                        ? { outcome: "fails", why: next.why }
                        : { outcome: "either" };
        }
    }
    return status;
}

/** A script: lists separated by `;`, `&` and newlines; the last one decides, unless an `exit 0` comes first. */
function scriptOutcome(script: string): { outcome: Outcome; why?: string } {
    const lists = splitTopLevel(stripComments(script), [";", "\n", "&&", "||", "&"])
        .reduce<{ text: string; done: boolean; background?: boolean }[]>((acc, { part, separator }) => {
            // re-join and-or operators: only `;`, newline and a lone `&` end a list
            const last = acc[acc.length - 1];
            if (last && !last.done) {
                last.text += part;
            } else {
                acc.push({ text: part, done: false });
            }
            const current = acc[acc.length - 1];
            if (separator === "&&" || separator === "||") {
                current.text += ` ${separator} `;
            } else {
                current.done = true;
                current.background = separator === "&";
            }
            return acc;
        }, [])
        .filter(l => l.text.trim() !== "");
    if (lists.length === 0) {
        return { outcome: "either" };
    }
    const final = lists[lists.length - 1];
    if (final.background) {
        // `cmd &` only starts cmd: the list's status, and so the script's, is 0 whatever cmd does
        return { outcome: "ok", why: `${final.text.trim()} &` };
    }
    if (/(^|[\s;])set\s+(-[a-z]*e|-o\s+errexit)/.test(script)) {
        return { outcome: "either" }; // any failing command ends the script with its status
    }
    for (const { text: list } of lists.slice(0, -1)) {
        const words = list.trim().split(/\s+/);
        if (words[0] === "exit" && words.length > 1 && /^0+$/.test(words[1])) {
            return { outcome: "ok", why: "exit 0" };
        }
        // an earlier `exit 1`, `exit $?` or bare `exit` (after a failure) can end the script with a failure
        if (/(^|[\s;&|({])(exit|return)(\s+(?!0+(\s|$|[;&|)}]))\S+|\s*$|\s*[;&|)}])/.test(list)) {
            return { outcome: "either" };
        }
    }
    return listOutcome(final.text);
}

/**
 * Why the health check `command` can never fail (the construct that makes it exit 0, e.g. `"|| true"`), or
 * undefined when it can fail or its form is not understood. Non-string elements give undefined.
 */
export function healthCheckCannotFail(command: readonly unknown[]): string | undefined {
    if (command.length === 0 || !command.every(a => typeof a === "string")) {
        return undefined;
    }
    const args = command as string[];
    const form = args[0].trim().toUpperCase();
    const executable = form === "CMD" ? args[1] : args[0];
    if (form !== "CMD-SHELL" && ["exit", "return", ":"].includes(executable?.trim() ?? "")) {
        return undefined; // shell builtins: without a shell, Docker cannot run them and the check fails
    }
    const argv = form === "CMD" ? args.slice(1) : args;
    const result =
        form === "CMD-SHELL"
            ? args.length > 1
                ? scriptOutcome(args[1])
                : { outcome: "either" as Outcome }
            : SHELLS.test(argv[0]?.trim() ?? "") && argv[1] === "-c" && argv.length > 2
              ? scriptOutcome(argv[2]) // ["CMD", "sh", "-c", script]: the script as given, whatever quotes it holds
              : commandOutcome(argv.map(a => (/\s/.test(a) ? `'${a}'` : a)).join(" "));
    return result.outcome === "ok" ? result.why : undefined;
}
