import * as assert from "node:assert/strict";
import { healthCheckCannotFail } from "../../../policy/lib/healthCheckCommand";

describe("healthCheckCannotFail (pure)", () => {
    const cannotFail: [unknown[], string][] = [
        [["CMD-SHELL", "curl -f http://localhost:8080/health || true"], "|| true"],
        [["CMD-SHELL", "curl -f http://localhost:8080/health || exit 0"], "|| exit 0"],
        [["CMD-SHELL", "curl -f http://localhost:8080/health; exit 0"], "exit 0"],
        [["CMD-SHELL", "curl -f http://localhost:8080/health || :"], "|| :"],
        [["CMD-SHELL", "true"], "true"],
        [["CMD-SHELL", "exit 0"], "exit 0"],
        [["CMD-SHELL", "  exit 00  "], "exit 0"],
        [["CMD-SHELL", "curl -f http://x > /dev/null 2>&1 || echo down"], "|| echo"],
        [["CMD-SHELL", "curl -f http://x\ntrue"], "true"],
        [["CMD-SHELL", "exit 0; curl -f http://x"], "exit 0"],
        [["CMD-SHELL", "echo checking; curl -f http://x || true"], "|| true"],
        [["CMD-SHELL", "(curl -f http://x || true)"], "|| true"],
        [["CMD-SHELL", "{ curl -f http://x; } || true"], "|| true"],
        [["CMD-SHELL", "curl -f http://x | true"], "true"],
        [["CMD-SHELL", "! false"], "! false"],
        [["CMD-SHELL", "curl -f http://x || /bin/true # page me"], "|| /bin/true"],
        [["CMD-SHELL", "curl -f http://x && exit 0 || exit 0"], "|| exit 0"],
        [["CMD-SHELL", "sh -c 'curl -f http://x || true'"], "|| true"],
        [["CMD", "true"], "true"],
        [["CMD", "/bin/true"], "/bin/true"],
        [["CMD", "echo", "healthy"], "echo"],
        [["CMD", "sh", "-c", "curl -f http://x || true"], "|| true"],
        [["CMD", "sh", "-c", "curl -H 'Accept: x' -f http://x || true"], "|| true"],
        [["CMD", "/bin/bash", "-c", "curl -f http://x; exit 0"], "exit 0"],
        [["CMD-SHELL", "HC=1 exec true"], "true"],
        [["CMD-SHELL", "curl -f http://x &"], "curl -f http://x &"],
        [["CMD-SHELL", "curl -f http://x 2>&1; nohup curl -f http://x &"], "nohup curl -f http://x &"],
        [["CMD-SHELL", "env -i true"], "true"],
        [["CMD-SHELL", "curl -f http://x || timeout 5 true"], "|| true"],
        [["CMD", "/usr/bin/env", "true"], "true"],
        [["CMD", "nice", "-n10", "true"], "true"],
        [["CMD-SHELL", "curl -f http://x | cat"], "| cat"],
        [["CMD-SHELL", "curl -fsS http://x | head -n 1"], "| head"],
    ];
    for (const [command, why] of cannotFail) {
        it(`GIVEN ${JSON.stringify(command)} THEN it cannot fail (${why})`, () => assert.equal(healthCheckCannotFail(command), why));
    }

    const canFail: unknown[][] = [
        ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
        ["CMD-SHELL", "curl -f http://x > /dev/null 2>&1 || exit 1"],
        ["CMD-SHELL", "curl -f http://x && echo ok"],
        ["CMD-SHELL", "curl -f http://x & wait $!"],
        ["CMD-SHELL", "curl -fsS http://x | grep -q ok"],
        ["CMD-SHELL", "echo x | cat /missing"],
        ["CMD-SHELL", "curl -f http://x 2>&1"],
        ["CMD-SHELL", "timeout 5 curl -f http://x"],
        ["CMD", "env", "curl", "-f", "http://x"],
        ["CMD-SHELL", "true && curl -f http://x"],
        ["CMD-SHELL", "echo start; curl -f http://x"],
        ["CMD-SHELL", "wget -qO- http://x | grep ok"],
        ["CMD-SHELL", "curl -f http://x; exit"],
        ["CMD-SHELL", "echo 'a || true' && curl -f http://x"],
        ["CMD-SHELL", "curl -f http://x || echo down && exit 1"],
        ["CMD-SHELL", "curl -f 'http://x/#' || exit 1"],
        ["CMD", "node", "healthcheck.js"],
        ["CMD", "sh", "-c", "curl -f http://x"],
        ["CMD", "exit", "0"],
        ["CMD-SHELL", "[ -f /tmp/ready ] || exit 1; exit 0"],
        ["CMD-SHELL", "curl -f http://x || exit; true"],
        ["CMD-SHELL", "curl -f http://x || exit $?\necho ok"],
        ["CMD-SHELL", "set -e; curl -f http://x; echo ok"],
        ["CMD-SHELL", "if curl -f http://x; then exit 0; else exit 1; fi"],
        ["NONE"],
        ["CMD-SHELL"],
        [],
        ["CMD", 42],
    ];
    for (const command of canFail) {
        it(`GIVEN ${JSON.stringify(command)} THEN it can fail (or is not understood)`, () => assert.equal(healthCheckCannotFail(command), undefined));
    }
});
