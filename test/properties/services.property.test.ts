/**
 * Properties of the `services` key over every valid generated config, for dev and prod (the one-service
 * form is the config with an empty `services` map, since dev's stack file sets two services):
 *   A. one entry `{serviceName: {kind: web}}` yields exactly the one-service form's service;
 *   B. an entry that repeats every stack-wide service value under its own name yields the same service:
 *      an override is read with the same checks and conversions as the flat key;
 *   C. an entry overriding one integer key with a value outside the key's range is refused, naming the
 *      entry's path, and never repeating a secret value;
 *   D. (dev) the stack file's web and worker entries take every stack-wide value they do not set.
 */
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { atoi } from "../../components/cliText";
import { CONFIG_KEYS, ConfigKey, declarationOf, SERVICE_KEYS } from "../../components/configKeys";
import { ConfigError, parseStackConfig, ServiceSettings } from "../../components/stackConfig";
import { ENVIRONMENTS, full, GeneratedConfig, rawConfig, validConfig } from "./validConfigs";

const RUNS = 60;
const P = "fargate-web";

/** The config with a `services` value; an entry holding secret values makes the whole key secret, as the engine does. */
function withServices(config: GeneratedConfig, services: Record<string, unknown>, secret: boolean) {
    const raw = rawConfig(config);
    return { ...raw, values: { ...raw.values, [`${P}:services`]: JSON.stringify(services) }, secretKeys: secret ? [...raw.secretKeys, `${P}:services`] : raw.secretKeys };
}

/** A flat value's text as a typed YAML value under `services` (what `config set --path` stores). */
function typed(key: ConfigKey, text: string): unknown {
    const type = CONFIG_KEYS[key].type;
    if (type === "integer") return Number(atoi(text));
    if (type === "boolean") return text === "true";
    if (type === "array" || type === "object") return JSON.parse(text);
    return text;
}

/** The one-service form of `config`: an empty `services` map (dev's stack file sets web and worker). */
const oneServiceForm = (config: GeneratedConfig) => withServices(config, {}, false);

const onlyService = (services: readonly ServiceSettings[]): ServiceSettings => {
    assert.equal(services.length, 1);
    return services[0];
};

describe("services properties", () => {
    for (const environment of ENVIRONMENTS) {
        describe(`GIVEN any valid ${environment} config`, () => {
            it("A. THEN one default web entry named serviceName is the one-service form", () => {
                fc.assert(
                    fc.property(validConfig(environment), config => {
                        const flat = parseStackConfig(oneServiceForm(config));
                        const mapped = parseStackConfig(withServices(config, { [flat.serviceName]: { kind: "web" } }, false));
                        const expected = onlyService(flat.services);
                        assert.deepEqual(onlyService(mapped.services), { ...expected, route: { ...expected.route!, priority: undefined }, schedule: undefined });
                    }),
                    { numRuns: RUNS },
                );
            });

            it("B. THEN an entry repeating every stack-wide service value yields the same service", () => {
                fc.assert(
                    fc.property(validConfig(environment), config => {
                        const raw = rawConfig(config);
                        const flat = parseStackConfig(oneServiceForm(config));
                        const entry: Record<string, unknown> = { kind: "web" };
                        // A key of other kinds only (a worker's alarmQueueBacklog) is refused on a web entry.
                        for (const key of SERVICE_KEYS.filter(k => declarationOf(k).kinds?.includes("web") !== false)) {
                            const text = raw.values[full(key)];
                            if (text !== undefined) entry[key] = typed(key, text);
                        }
                        const mapped = parseStackConfig(withServices(config, { [flat.serviceName]: entry }, raw.secretKeys.includes(full("secretValues"))));
                        const expected = onlyService(flat.services);
                        assert.deepEqual(onlyService(mapped.services), { ...expected, route: { ...expected.route!, priority: undefined }, schedule: undefined });
                    }),
                    { numRuns: RUNS },
                );
            });

            if (environment === "dev") {
                it("D. THEN dev's own web and worker entries inherit every stack-wide value they do not set", () => {
                    fc.assert(
                        fc.property(validConfig(environment), config => {
                            const expected = onlyService(parseStackConfig(oneServiceForm(config)).services);
                            const services = parseStackConfig(rawConfig(config)).services;
                            assert.deepEqual(services.map(s => s.name), ["web", "worker"]);
                            const [web, worker] = services;
                            // Each entry's containerEnvironment replaces the stack-wide map.
                            assert.deepEqual(web, {
                                ...expected,
                                name: "web",
                                container: { ...expected.container, environment: { LOG_LEVEL: "debug", SERVICE_NAME: "web" } },
                                route: { ...expected.route!, priority: undefined },
                                schedule: undefined,
                            });
                            // A worker has no route, no port unless its entry names one, and no request scaling. Its
                            // grace period is never used (ECS takes one only behind a load balancer; stack.ts passes none).
                            const unused = { healthCheckGracePeriodSeconds: expected.service.healthCheckGracePeriodSeconds };
                            assert.deepEqual(
                                { ...worker, service: { ...worker.service, ...unused }, scaling: { ...worker.scaling!, requestsPerTarget: expected.scaling!.requestsPerTarget } },
                                {
                                    ...expected,
                                    name: "worker",
                                    kind: "worker",
                                    image: { ...expected.image, context: "./worker" },
                                    // The worker's entry sets its own 15 s drain (Pulumi.dev.yaml).
                                    container: { ...expected.container, port: undefined, stopTimeoutSeconds: 15, environment: { LOG_LEVEL: "debug", SERVICE_NAME: "worker" } },
                                    route: undefined,
                                    schedule: undefined,
                                    // The load balancer's alarm thresholds are a web service's only.
                                    alarms: { evaluationPeriods: expected.alarms!.evaluationPeriods },
                                    // Only a web service has a deployment strategy: a worker stays rolling.
                                    deployment: undefined,
                                },
                            );
                            assert.equal(worker.scaling!.requestsPerTarget, undefined);
                        }),
                        { numRuns: RUNS },
                    );
                });
            }

            it("C. THEN an entry's integer out of its declared range is refused by its path, without a secret", () => {
                const integers = SERVICE_KEYS.filter(k => declarationOf(k).type === "integer" && declarationOf(k).kinds?.includes("web") !== false);
                const outside = fc.constantFrom(...integers).chain(key => fc.tuple(fc.constant(key), fc.oneof(fc.integer({ max: declarationOf(key).min! - 1 }), fc.integer({ min: declarationOf(key).max! + 1 }))));
                fc.assert(
                    fc.property(validConfig(environment), outside, (config, [key, value]) => {
                        const raw = rawConfig(config);
                        try {
                            parseStackConfig(withServices(config, { api: { kind: "web", [key]: value } }, false));
                            assert.fail(`services.api.${key} ${value} was accepted`);
                        } catch (e) {
                            assert.ok(e instanceof ConfigError, String(e));
                            const { min, max, rangeReason } = declarationOf(key);
                            assert.ok(e.problems.includes(`${P}:services.api.${key} is ${value}; expected an integer from ${min} to ${max}${rangeReason ?? ""}`), e.problems.join("\n"));
                            for (const secretKey of raw.secretKeys) {
                                const text = raw.values[secretKey];
                                if (text && text.length > 3) assert.ok(!e.message.includes(text));
                            }
                        }
                    }),
                    { numRuns: RUNS },
                );
            });
        });
    }
});
