/** harness/yamlCache.ts: the cached result equals the parser's, and what JSON cannot hold is never cached. */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as YAML from "yaml";
import { parseYaml, yamlCacheEntry } from "../../harness/yamlCache";

describe("harness: cached YAML parsing", () => {
    const texts: string[] = [];
    const unique = (text: string) => {
        const t = `# ${process.pid} ${Date.now()} ${texts.length}\n${text}`;
        texts.push(t);
        return t;
    };
    after(() => texts.forEach(t => fs.rmSync(yamlCacheEntry(t), { force: true })));

    it("GIVEN a document THEN the first and the cached parse both equal YAML.parse", () => {
        const text = unique("name: web\nconfig:\n  a:\n    type: integer\n    default: 3\n  b: [1, two, null, true]\n");
        assert.deepEqual(parseYaml(text), YAML.parse(text));
        assert.ok(fs.existsSync(yamlCacheEntry(text)));
        assert.deepEqual(parseYaml(text), YAML.parse(text));
    });

    it("GIVEN a cached entry THEN it is what parseYaml returns (the text's hash is the key)", () => {
        const text = unique("a: 1\n");
        parseYaml(text);
        fs.writeFileSync(yamlCacheEntry(text), JSON.stringify({ a: "from the cache" }));
        assert.deepEqual(parseYaml(text), { a: "from the cache" });
        assert.notEqual(yamlCacheEntry(text), yamlCacheEntry(`${text} `));
    });

    it("GIVEN values JSON cannot hold THEN they are parsed each time, never cached", () => {
        const text = unique("limit: .inf\n");
        assert.deepEqual(parseYaml(text), { limit: Infinity });
        assert.ok(!fs.existsSync(yamlCacheEntry(text)));
    });

    it("GIVEN text that does not parse THEN the parser's error, every time", () => {
        const text = unique("a: [1, 2\n");
        assert.throws(() => parseYaml(text), YAML.YAMLParseError);
        assert.throws(() => parseYaml(text), YAML.YAMLParseError);
        assert.ok(!fs.existsSync(yamlCacheEntry(text)));
    });
});
