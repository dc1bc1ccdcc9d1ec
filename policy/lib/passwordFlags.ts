/**
 * Short command-line flags that carry a password, judged by the program they are given to: `-p` is a
 * password to mysql and sshpass but a port to docker and nc, and `-a` is a password to redis-cli but
 * "all" to ls. Only the programs below are judged, each flag in the forms its own manual documents
 * (attached `-pS3cret`, separate `-p S3cret`). Long flags (`--password=x`, `--password x`) need no table:
 * their name says what they carry (`./secretDetection` isSecretName).
 *
 * Sources (each program's manual page):
 * - mysql and the other MySQL/MariaDB clients, "Command Options for Connecting to the Server":
 *   `--password[=password], -p[password]`. mysql reads `-p S3cret` as "prompt, database S3cret", but a
 *   container has no terminal to answer the prompt, so such a word is a password written in the wrong
 *   place: it is reported too. Its argument is optional (`-p -h db` prompts), the only such flag here:
 *   every other flag below takes the next word whatever it starts with (getopt(3): "the next element of
 *   argv is returned in optarg"), so `redis-cli -a -S3cret` gives the password `-S3cret`.
 * - redis-cli(1): "-a <password> Password to use when connecting to the server".
 * - sshpass(1): "-p password The password is given on the command line" (getopt: `-pS3cret` too).
 * - curl(1): "-u, --user <user:password>", "-U, --proxy-user <user:password>" (getopt style: `-uuser:pw`).
 * - mongosh / mongodump / mongorestore / mongoexport / mongoimport: "-p, --password <password>".
 * - cqlsh: "-p PASSWORD, --password=PASSWORD".
 * - ldapsearch(1), ldapmodify(1), … (OpenLDAP): "-w passwd Use passwd as the password for simple
 *   authentication".
 * - sqlcmd / bcp (SQL Server): "-P password".
 * - zip(1): "-P password --password password"; unzip(1): "-P password"; 7z: "-p{Password}" (attached only).
 * - keytool (JDK): "-storepass arg", "-keypass arg", "-srcstorepass", "-deststorepass", "-srckeypass",
 *   "-destkeypass", "-new".
 * - openssl(1) pass phrase options: "-passin arg", "-passout arg" (`pass:password`; `env:`, `file:`, `fd:`
 *   and `stdin` name a source, not the secret).
 * - redis-server / valkey-server take any redis.conf directive as `--<directive> <value>` (redis.conf:
 *   "requirepass", "masterauth"); valkey-cli(1) "-a <password>" as redis-cli.
 * - docker login / podman login / nerdctl login / buildah login / helm registry login: "-p, --password
 *   string" (`docker -p` elsewhere publishes a port, so only the `login` subcommand is judged).
 * - mosquitto_pub / mosquitto_sub / mosquitto_rr: "-P, --pw password".
 * - rabbitmqadmin: "-p PASSWORD, --password=PASSWORD".
 * - lftp(1): "-u user[,pass]"; smbclient(1): "-U|--user=[DOMAIN\]USERNAME[%PASSWORD]".
 *
 * Programs that parse their short options with getopt(3) (or MySQL's my_getopt) also read them bundled
 * (`curl -fsSu user:pw`, `zip -rP pw`, `mysql -vpS3cret`): each letter is an option until one that takes an
 * argument, which takes the rest of the word or, at its end, the next word. {@link GETOPT_ARGUMENT_LETTERS}
 * lists, per program, the letters that take one (from the same manuals), so a bundle stops where the
 * argument of another option begins (`curl -ousers`).
 *
 * Which words are judged: every word of a command whose base name is one of these programs, not only the
 * command's first program, so wrappers with options of their own (`sudo -u app`, `nice -n 10`, `timeout -s
 * KILL 10`, `env -u X`, `runuser -u app --`) and init processes (`tini --`, `dumb-init --`,
 * `docker-entrypoint.sh`) cannot hide the program they run. A program name that is only an argument
 * (`echo redis-cli -a S3cret`, `grep "mysql -pS3cret" log`) is reported too: what follows it is still a
 * password written into the definition, printed or searched for rather than used. The one exception is the
 * value of a host or user option (`wait-for-it.sh -h mysql -p 3306`): hosts and users are commonly named
 * after the program they serve, and the flags after them are the other program's.
 *
 * Which values are filled in: only a shell replaces `$NAME`, `${…}`, `$(…)` and backquotes, and only where
 * they are unquoted or in double quotes. ECS runs an exec-form list without a shell (Dockerfile reference,
 * "Exec form": "the exec form does not invoke a command shell … CMD [ "echo", "$HOME" ] will not do
 * variable substitution"), so there `-p$uperS3cret` is the password itself; a caller that read the words
 * from a shell string says where its expansions begin.
 */

/** One flag of a program that carries a password. */
interface PasswordFlag {
    readonly flag: string;
    /** The password may follow the flag in the same word (`-pS3cret`). */
    readonly attached: boolean;
    /** The password may be the next word (`-p S3cret`). */
    readonly separate: boolean;
    /** The argument may be left out (mysql `-p` prompts): a next word that starts with `-` is then an option, not the password. */
    readonly optional?: boolean;
    /** The password within the value (`user:password` → `password`); undefined when the value holds none. */
    readonly password?: (value: string) => string | undefined;
}

/** `user:password` → `password`; a bare `user` holds none (curl then prompts). */
const afterColon = (value: string): string | undefined => /^[^:]*:(.+)$/.exec(value)?.[1];
/** lftp's `user,password` → `password`. */
const afterComma = (value: string): string | undefined => /^[^,]*,(.+)$/.exec(value)?.[1];
/** smbclient's `user%password` → `password`. */
const afterPercent = (value: string): string | undefined => /^[^%]*%(.+)$/.exec(value)?.[1];
/** openssl's `pass:password` → `password`; `env:VAR`, `file:path`, `fd:n` and `stdin` name a source. */
const opensslPass = (value: string): string | undefined => /^pass:(.+)$/.exec(value)?.[1];

const both = (flag: string, password?: (value: string) => string | undefined): PasswordFlag => ({ flag, attached: true, separate: true, password });
const separateOnly = (flag: string, password?: (value: string) => string | undefined): PasswordFlag => ({ flag, attached: false, separate: true, password });
const attachedOnly = (flag: string): PasswordFlag => ({ flag, attached: true, separate: false });

const MYSQL_CLIENTS = [
    "mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlcheck", "mysqlshow", "mysqlslap", "mysqlpump", "mysqlbinlog", "mysqlsh",
    "mariadb", "mariadb-dump", "mariadb-admin", "mariadb-import", "mariadb-check", "mariadb-show", "mariadb-slap", "mariadb-binlog",
];
const MONGO_CLIENTS = ["mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "mongostat", "mongotop", "mongofiles"];
const LDAP_CLIENTS = ["ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapmodrdn", "ldapcompare", "ldapwhoami", "ldappasswd", "ldapexop", "ldapurl"];
const KEYTOOL_FLAGS = ["-storepass", "-keypass", "-srcstorepass", "-deststorepass", "-srckeypass", "-destkeypass", "-new"];

/** Programs (by base name) and the short flags that carry their password. */
export const PASSWORD_FLAGS: ReadonlyMap<string, readonly PasswordFlag[]> = new Map<string, readonly PasswordFlag[]>([
    ...MYSQL_CLIENTS.map((p): [string, PasswordFlag[]] => [p, [{ ...both("-p"), optional: true }]]),
    ["redis-cli", [separateOnly("-a")]],
    ["sshpass", [both("-p")]],
    ["curl", [both("-u", afterColon), both("-U", afterColon), separateOnly("--user", afterColon), separateOnly("--proxy-user", afterColon)]],
    ...MONGO_CLIENTS.map((p): [string, PasswordFlag[]] => [p, [both("-p")]]),
    ["cqlsh", [separateOnly("-p")]],
    ...LDAP_CLIENTS.map((p): [string, PasswordFlag[]] => [p, [both("-w")]]),
    ["sqlcmd", [both("-P")]],
    ["bcp", [both("-P")]],
    ["zip", [separateOnly("-P")]],
    ["unzip", [separateOnly("-P")]],
    ...["7z", "7za", "7zr"].map((p): [string, PasswordFlag[]] => [p, [attachedOnly("-p")]]),
    ["keytool", KEYTOOL_FLAGS.map(f => separateOnly(f))],
    ["openssl", [separateOnly("-passin", opensslPass), separateOnly("-passout", opensslPass)]],
    ...["redis-server", "valkey-server"].map((p): [string, PasswordFlag[]] => [p, [separateOnly("--requirepass"), separateOnly("--masterauth")]]),
    ["valkey-cli", [separateOnly("-a")]],
    ...["docker login", "podman login", "nerdctl login", "buildah login", "helm registry login"].map((p): [string, PasswordFlag[]] => [p, [both("-p")]]),
    ...["mosquitto_pub", "mosquitto_sub", "mosquitto_rr"].map((p): [string, PasswordFlag[]] => [p, [separateOnly("-P")]]),
    ["rabbitmqadmin", [both("-p")]],
    ["lftp", [separateOnly("-u", afterComma)]],
    ["smbclient", [both("-U", afterPercent), separateOnly("--user", afterPercent)]],
]);

/**
 * Programs that run another command after their own options (sshpass(1): "sshpass [-ffilename|-dnum|-ppassword|-e]
 * [options] command arguments"): their option scan stops at the first operand, so `sshpass -f pw ssh -p 22 host`
 * gives ssh a port, not sshpass a password.
 */
const RUNS_A_COMMAND = new Set(["sshpass"]);

/**
 * Short options that take an argument, per program parsing its options with getopt(3) (manuals as above), so
 * that a bundle (`-fsSu`) is read letter by letter up to the first of them.
 */
const GETOPT_ARGUMENT_LETTERS: ReadonlyMap<string, string> = new Map([
    // MySQL's own my_getopt groups short options too (mysys/my_getopt.cc: "The rest of the option is option
    // argument"): `mysql -vpS3cret`; -D -e -h -P -S -u, mysqldump -r -T -w, mysqladmin -c -i take one
    ...MYSQL_CLIENTS.map((p): [string, string] => [p, "cDehiPrSTuw#"]),
    ["curl", "AbcCdDeEFHKmoPQrtTuUwxXyYz"],
    ["zip", "bnOPstxiZ"],
    ["unzip", "dxP"],
    ["sshpass", "fdpP"],
    ...LDAP_CLIENTS.map((p): [string, string] => [p, "abdDeEfhHlopOPRsStTUwXyYz"]),
]);

/** A value no shell fills in that still is no password: empty, a `<placeholder>` or a `****` mask. */
const isPlaceholder = (value: string): boolean => value === "" || /^<[^>]*>$/.test(value) || /^\*+$/.test(value);

/** Whether a shell fills in the word at `word` from character `offset` on (`$NAME`, `${…}`, `$(…)`, backquotes). */
export type ExpansionAt = (word: number, offset: number) => boolean;

/** No expansion anywhere: the words of an exec-form list, which ECS hands to the program as they are. */
const EXEC_FORM: ExpansionAt = () => false;

/** A password given on a program's command line: the word it is in and the program and flag that carry it. */
export interface PasswordFlagUse {
    /** 0-based position of the word holding the password within the command's words. */
    readonly index: number;
    readonly program: string;
    readonly flag: string;
    /** The password is written like a shell expansion (`-p$DB_PASSWORD`) in an exec-form list, where no shell fills it in. */
    readonly unexpanded?: true;
}

/** The subcommand entries of {@link PASSWORD_FLAGS} ("docker login"), by their root program. */
const SUBCOMMANDS: ReadonlyMap<string, readonly { entry: string; path: readonly string[] }[]> = [...PASSWORD_FLAGS.keys()]
    .map(entry => entry.split(" "))
    .filter(words => words.length > 1)
    .reduce((map, [root, ...path]) => map.set(root, [...(map.get(root) ?? []), { entry: [root, ...path].join(" "), path }]), new Map<string, { entry: string; path: string[] }[]>());

/** Options whose value names a host or a user, which is often called after the program it runs (`-h mysql`, `-u redis`). */
const NAMES_A_HOST_OR_USER = new Set(["-h", "-H", "--host", "--hostname", "-u", "-U", "--user", "--username"]);

/** A command substitution that only prints where a program is: `$(which mysql)`, `` `command -v mysql` ``, `$(type -P mysql)`. */
const LOOKED_UP = /^(?:\$\(|`)\s*(?:which|command\s+-v|type\s+-P)\s+([^\s)`]+)\s*[)`]$/;

const baseName = (word: string): string => word.slice(word.lastIndexOf("/") + 1);

/**
 * The program of {@link PASSWORD_FLAGS} named by the word at `at`, with the position of its last word: a
 * subcommand entry ("docker login", "helm registry login") needs its subcommand words next, with only the
 * root's global options and their values between them (`docker --config /x login`), so `docker run … login`
 * is not a login.
 */
function programAt(words: readonly string[], at: number): { program: string; at: number } | undefined {
    // a program the shell looks up first (`$(which mysql) -p…`, `` `command -v mysql` ``) is that program
    const word = LOOKED_UP.exec(words[at])?.[1] ?? words[at];
    if (word.startsWith("-") || /\s/.test(word)) {
        return undefined;
    }
    const root = baseName(word);
    if (PASSWORD_FLAGS.has(root)) {
        return { program: root, at };
    }
    for (const { entry, path } of SUBCOMMANDS.get(root) ?? []) {
        let j = at + 1;
        const last = path.every(sub => {
            while (j < words.length && words[j] !== sub && words[j].startsWith("-")) {
                // a global option, with its value unless it has one (`--config=/x`) or the value would be the subcommand
                j += !words[j].includes("=") && j + 1 < words.length && !words[j + 1].startsWith("-") && words[j + 1] !== sub ? 2 : 1;
            }
            return words[j++] === sub;
        });
        if (last) {
            return { program: entry, at: j - 1 };
        }
    }
    return undefined;
}

/** The password a flag's value holds, with the word it is in, or undefined when the word is not that flag. */
interface FlagValue {
    readonly flag: PasswordFlag;
    readonly value: string;
    readonly index: number;
}

/** The flag of `flags` that the word at `i` gives, whole (`-p x`, `-px`, `--user=x`) or at the end of a getopt bundle (`-fsSu x`). */
function flagValueAt(words: readonly string[], i: number, flags: readonly PasswordFlag[], bundleLetters: string | undefined): FlagValue | undefined {
    const word = words[i];
    const next = words[i + 1] as string | undefined;
    for (const flag of flags) {
        if (word === flag.flag && flag.separate && next !== undefined && !(flag.optional === true && next.startsWith("-"))) {
            return { flag, value: next, index: i + 1 };
        }
        if (word === flag.flag) {
            return { flag, value: "", index: i }; // no value: a prompt, or the last word
        }
        if (flag.attached && word.startsWith(flag.flag)) {
            return { flag, value: word.slice(flag.flag.length), index: i };
        }
        if (flag.flag.startsWith("--") && word.startsWith(`${flag.flag}=`)) {
            return { flag, value: word.slice(flag.flag.length + 1), index: i };
        }
    }
    if (bundleLetters === undefined || !/^-[A-Za-z0-9]{2,}/.test(word)) {
        return undefined;
    }
    for (let k = 1; k < word.length; k++) {
        const flag = flags.find(f => f.flag === `-${word[k]}`);
        const rest = word.slice(k + 1);
        if (flag !== undefined) {
            if (rest !== "") {
                return flag.attached ? { flag, value: rest, index: i } : undefined;
            }
            return flag.separate && next !== undefined && !(flag.optional === true && next.startsWith("-"))
                ? { flag, value: next, index: i + 1 }
                : { flag, value: "", index: i };
        }
        if (bundleLetters.includes(word[k]) || !/[A-Za-z0-9]/.test(word[k])) {
            return undefined; // the rest of the word is another option's argument
        }
    }
    return undefined;
}

/** The passwords the options after a program (at `found.at`) give it, and the position where its options end. */
function usesAfter(words: readonly string[], found: { program: string; at: number }, expansionAt: ExpansionAt): { uses: PasswordFlagUse[]; end: number } {
    const flags = PASSWORD_FLAGS.get(found.program) ?? [];
    const bundleLetters = GETOPT_ARGUMENT_LETTERS.get(found.program);
    const uses: PasswordFlagUse[] = [];
    for (let i = found.at + 1; i < words.length; i++) {
        const word = words[i];
        if (word === "--") {
            return { uses, end: i }; // what follows is operands, not options
        }
        if (RUNS_A_COMMAND.has(found.program) && !word.startsWith("-")) {
            return { uses, end: i }; // the command it runs, with that command's own flags
        }
        const given = flagValueAt(words, i, flags, bundleLetters);
        if (given === undefined) {
            continue;
        }
        const password = given.flag.password === undefined ? given.value : given.flag.password(given.value);
        if (password !== undefined && !isPlaceholder(password) && !expansionAt(given.index, words[given.index].length - password.length)) {
            const unexpanded = expansionAt === EXEC_FORM && /^[$`]/.test(password);
            uses.push({ index: given.index, program: found.program, flag: given.flag.flag, ...(unexpanded ? { unexpanded } : {}) });
        }
        i = given.index; // the value is not an operand
    }
    return { uses, end: words.length };
}

/**
 * The passwords one command (its words, as the shell or ECS splits them) gives a program of
 * {@link PASSWORD_FLAGS} through a flag, wherever in the command the program is named (see the module
 * comment). `expansionAt` says which parts of the words a shell fills in (`-p"$DB_PASSWORD"`): those are
 * not passwords written in the definition and are not reported. Without it the words are an exec-form
 * list, where nothing is filled in.
 */
export function passwordFlagUses(words: readonly string[], expansionAt: ExpansionAt = EXEC_FORM): PasswordFlagUse[] {
    const uses = new Map<number, PasswordFlagUse>();
    // where each program's scan ended: a later word naming the same program inside that reach was scanned with
    // the same flags already (`gosu mysql mysql -p…`), and skipping it keeps the scan linear
    const reach = new Map<string, number>();
    for (let at = 0; at < words.length; at++) {
        if (at > 0 && NAMES_A_HOST_OR_USER.has(words[at - 1])) {
            continue; // `wait-for-it.sh -h mysql -p 3306`, `psql -h mysql -p 5432`: a host named after a program
        }
        const found = programAt(words, at);
        if (found === undefined || (reach.get(found.program) ?? -1) > at) {
            continue;
        }
        const scanned = usesAfter(words, found, expansionAt);
        reach.set(found.program, scanned.end);
        for (const use of scanned.uses) {
            if (!uses.has(use.index)) {
                uses.set(use.index, use);
            }
        }
    }
    return [...uses.values()].sort((a, b) => a.index - b.index);
}
