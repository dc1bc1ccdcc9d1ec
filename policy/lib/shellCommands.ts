/**
 * Shell strings (`sh -c`, an ECS health check's `CMD-SHELL`, an environment value holding a command) read
 * as the shell reads them, far enough to find the simple commands they run and which parts of their words
 * the shell fills in: quotes, backslashes, control operators, the reserved words of compound commands,
 * parameter expansions and command substitutions (POSIX.1-2017, Shell Command Language, 2.2 Quoting, 2.4
 * Reserved Words, 2.6 Word Expansions, 2.9 Shell Commands). Not a shell: no here-documents, aliases,
 * `case` patterns or arithmetic beyond skipping it.
 */

/** Words of a shell string: split at unquoted whitespace, with '…' and "…" quotes and backslash escapes removed. */
export function shellWords(text: string): string[] {
    return shellCommands(text).flat();
}

/**
 * The simple commands of a shell string, each as its words (see {@link shellWords}): unquoted `;`, `&`, `|`,
 * `(`, `)` and line breaks end a command as well as a word, and the reserved words that open or close a
 * compound command (`if`, `then`, `while`, `do`, `{`, `!`, …) are dropped where they start one, so `if mysql
 * …; then`, `until mysqladmin …; do`, `{ mysql …; }` and `! mysql …` each leave the command they run. The
 * commands inside a command substitution (`$(…)`, backquotes) follow, as commands of their own.
 */
export function shellCommands(text: string): string[][] {
    return parseShell(text).map(c => c.words);
}

/** One simple command of a shell string, with where the shell fills in each of its words. */
export interface ShellCommand {
    readonly words: string[];
    /** Per word, the offsets at which an expansion (`$NAME`, `${…}`, `$(…)`, a backquote) begins. */
    readonly expansions: ReadonlySet<number>[];
}

/**
 * Marks, in the text of a word handed to an inner shell (`su -c "…"`), where the outer shell filled something
 * in: `su app -c "mysql -p'$PW'"` gives the inner shell the value of `$PW`, not the text `$PW`.
 */
const EXPANDED = "\uE000";

/** A word's text for an inner shell, with each expansion the outer shell made marked by {@link EXPANDED}. */
export function markExpansions(word: string, expansions: ReadonlySet<number>): string {
    return word
        .split("")
        .map((ch, offset) => (expansions.has(offset) ? EXPANDED + ch : ch))
        .join("");
}

/** Words that open or close a compound command when they start a command (POSIX shell grammar, 2.4 Reserved Words). */
const RESERVED_WORDS = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!"]);

/** The index of the `)` closing the `(` at `open`, skipping quoted text; the text's length when none does. */
function closingParen(text: string, open: number): number {
    let depth = 0;
    for (let j = open; j < text.length; j++) {
        const ch = text[j];
        if (ch === "\\") {
            j++;
        } else if (ch === "'") {
            const end = text.indexOf("'", j + 1);
            j = end < 0 ? text.length : end;
        } else if (ch === '"') {
            let end = j + 1;
            while (end < text.length && text[end] !== '"') {
                end += text[end] === "\\" ? 2 : 1;
            }
            j = end;
        } else if (ch === "(") {
            depth++;
        } else if (ch === ")" && --depth === 0) {
            return j;
        }
    }
    return text.length;
}

/** {@link shellCommands} with the expansions of each word; substitutions are read a few levels deep. */
export function parseShell(text: string, depth = 0): ShellCommand[] {
    const commands: ShellCommand[] = [];
    const substitutions: string[] = [];
    let words: string[] = [];
    let expansions: Set<number>[] = [];
    let quotedWords: boolean[] = [];
    let word = "";
    let marks = new Set<number>();
    let inWord = false;
    let quotedWord = false;
    let quote: string | undefined;
    const endWord = () => {
        if (inWord) {
            words.push(word);
            expansions.push(marks);
            quotedWords.push(quotedWord);
        }
        word = "";
        marks = new Set();
        inWord = false;
        quotedWord = false;
    };
    const endCommand = () => {
        endWord();
        let start = 0;
        while (start < words.length && !quotedWords[start] && RESERVED_WORDS.has(words[start])) {
            start++;
        }
        if (start < words.length) {
            commands.push({ words: words.slice(start), expansions: expansions.slice(start) });
        }
        words = [];
        expansions = [];
        quotedWords = [];
    };
    /** Appends `text[from..to]` to the word as an expansion; returns the index to continue after. */
    const expansion = (from: number, to: number, inner?: string): number => {
        marks.add(word.length);
        word += text.slice(from, to + 1);
        inWord = true;
        if (inner !== undefined) {
            substitutions.push(inner);
        }
        return to;
    };
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        const next = text[i + 1] as string | undefined;
        if (ch === EXPANDED) {
            marks.add(word.length); // filled in by an enclosing shell already, whatever the quotes here
            word += ch;
            inWord = true;
        } else if (quote === undefined && ch === "\\" && next === "\n") {
            i++; // a line continuation joins the lines
        } else if (quote !== "'" && ch === "$" && next === "(") {
            const close = closingParen(text, i + 1);
            i = expansion(i, close, text.slice(i + 2, close));
        } else if (quote !== "'" && ch === "$" && next === "{") {
            const close = text.indexOf("}", i);
            i = expansion(i, close < 0 ? text.length : close);
        } else if (quote !== "'" && ch === "`") {
            let close = i + 1;
            while (close < text.length && text[close] !== "`") {
                close += text[close] === "\\" ? 2 : 1;
            }
            i = expansion(i, close, text.slice(i + 1, close));
        } else if (quote !== "'" && ch === "$" && next !== undefined && /[A-Za-z0-9_@*#?$!-]/.test(next)) {
            marks.add(word.length);
            word += ch;
            inWord = true;
        } else if (quote !== undefined) {
            if (ch === quote) {
                quote = undefined;
            } else if (ch === "\\" && quote === '"' && i + 1 < text.length) {
                word += text[++i];
            } else {
                word += ch;
            }
        } else if (ch === "'" || ch === '"') {
            quote = ch;
            inWord = true;
            quotedWord = true;
        } else if (ch === "\\" && i + 1 < text.length) {
            word += text[++i];
            inWord = true;
            quotedWord = true;
        } else if (ch === ";" || ch === "&" || ch === "|" || ch === "\n" || ch === "(" || ch === ")") {
            endCommand();
        } else if (/\s/.test(ch)) {
            endWord();
        } else {
            word += ch;
            inWord = true;
        }
    }
    endCommand();
    for (const inner of depth < 3 ? substitutions : []) {
        commands.push(...parseShell(inner, depth + 1));
    }
    return commands;
}
