/**
 * ECS events of the stack's cluster to its alarm topic through EventBridge: failed (and, in prod, completed)
 * deployments, service warnings and errors, and Fargate Spot interruptions (see `ecsEventPatterns.ts` for
 * what each rule matches). Each rule has one target, the topic, with an input transformer that makes the
 * event a one-line message. EventBridge delivers AWS service events to targets at no charge; SNS bills the
 * notifications (e-mail: 1,000 a month free).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ecsEventRules } from "./ecsEventPatterns";
import { childName } from "./naming";

/** The component's type token. */
export const ECS_EVENT_RULES_TYPE = "fargate-web:cloudwatch:EcsEventRules";

/** Inputs of {@link EcsEventRules}. */
export interface EcsEventRulesArgs {
    /** The cluster whose services and tasks are watched. */
    readonly clusterArn: pulumi.Input<string>;
    /** The topic every rule notifies; its policy must let exactly these rules publish (`ruleArns`). */
    readonly topicArn: pulumi.Input<string>;
    /** Notify completed deployments too (prod). @default false */
    readonly notifyCompleted?: boolean;
    /** @default undefined: no tags */
    readonly tags?: Record<string, string>;
}

/** One EventBridge rule and its SNS target per kind of event, named `<name>-ecs-<role>`. */
export class EcsEventRules extends pulumi.ComponentResource {
    /** Every rule, by role (`deployments`, `service-actions`, `spot-interruptions`). */
    public readonly rules: Record<string, aws.cloudwatch.EventRule> = {};
    /** The rules' ARNs: what the topic policy's `aws:SourceArn` names. */
    public readonly ruleArns: pulumi.Output<string>[];

    constructor(name: string, args: EcsEventRulesArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ECS_EVENT_RULES_TYPE, name, {}, opts);
        for (const shape of ecsEventRules(args.notifyCompleted ?? false)) {
            const rule = new aws.cloudwatch.EventRule(
                childName(name, `ecs-${shape.role}`),
                {
                    description: shape.description,
                    eventPattern: pulumi.output(args.clusterArn).apply(clusterArn => JSON.stringify(shape.eventPattern(clusterArn))),
                    tags: args.tags,
                },
                { parent: this },
            );
            new aws.cloudwatch.EventTarget(
                childName(name, `ecs-${shape.role}`),
                {
                    rule: rule.name,
                    arn: args.topicArn,
                    inputTransformer: { inputPaths: shape.input.inputPaths, inputTemplate: shape.input.inputTemplate },
                },
                { parent: this },
            );
            this.rules[shape.role] = rule;
        }
        this.ruleArns = Object.values(this.rules).map(r => r.arn);
        this.registerOutputs({ ruleArns: this.ruleArns });
    }
}
