/**
 * The rollout part of `npm run check`'s text report: the headline, the model's notes, each blue/green,
 * canary or linear service's phases, and the warnings. Pure.
 */
import type { ServiceRollout } from "../estimates";
import type { CheckReport } from "./checkReport";

const STRATEGY_NAMES: Readonly<Record<string, string>> = { BLUE_GREEN: "blue/green", CANARY: "canary", LINEAR: "linear" };

/** The phases of one non-rolling service, a line each, then what the model could not count. */
export function formatPhases(service: ServiceRollout): string[] {
    const d = service.deployment;
    if (d === undefined) return [];
    const width = Math.max(...d.phases.map(p => p.label.length)) + 2;
    const seconds = (s: number | null) => (s === null ? "unknown" : `${s} s`).padStart(8);
    return [
        `  Phases of ${service.service}'s ${STRATEGY_NAMES[d.strategy] ?? d.strategy} deployment (pauses excluded):`,
        ...d.phases.map(p => `    ${p.label.padEnd(width)}${seconds(p.seconds)}  ${p.detail}`),
        ...d.notes.map(n => `    note: ${n}`),
    ];
}

/** The rollout estimate as text. */
export function formatRollout(rollout: CheckReport["rollout"]): string[] {
    const services = rollout.services ?? [];
    const perWave = `${rollout.secondsPerWave} s per wave, ${rollout.waves} ${rollout.waves === 1 ? "wave" : "waves"}`;
    const slowest = services.find(s => s.service === rollout.slowestService);
    // One rolling service: its figures are the stack's, as before; several, or phases instead of waves: the
    // stack's total and who sets it.
    const how = slowest?.deployment ? `${STRATEGY_NAMES[slowest.deployment.strategy] ?? slowest.deployment.strategy}, pauses excluded` : perWave;
    const headline =
        services.length > 1 || slowest?.deployment
            ? `Rollout estimate: ${rollout.totalSeconds} s for the stack; slowest service ${rollout.slowestService} (${how})`
            : `Rollout estimate: ${perWave}`;
    return [
        headline,
        ...rollout.notes.map(note => `  ${note}`),
        ...services.flatMap(formatPhases),
        ...rollout.warnings.map(warning => `  warning: ${warning}`),
    ];
}
