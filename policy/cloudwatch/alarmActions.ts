/**
 * What CloudWatch accepts as an alarm action, from the PutMetricAlarm and PutCompositeAlarm API references
 * (`AlarmActions`, "Valid Values": https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html):
 * an ARN of an SNS topic, a Lambda function, an EC2 action (`automate`, `swf`), an Auto Scaling or
 * Application Auto Scaling policy (`autoscaling`), a Systems Manager OpsItem or Incident Manager response
 * plan (`ssm`, `ssm-incidents`) or an operational investigation group (`aiops`). Pure: no policy SDK import.
 */

/** The services whose ARNs an alarm may name as an action. */
export const ALARM_ACTION_SERVICES = ["sns", "lambda", "automate", "swf", "autoscaling", "ssm", "ssm-incidents", "aiops"] as const;

/** `arn:<partition>:<service>:…`, with the partitions AWS has (aws, aws-cn, aws-us-gov, aws-iso…). */
const ACTION_ARN = new RegExp(`^arn:aws(-[a-z]+)*:(${ALARM_ACTION_SERVICES.join("|")}):[^\\s]+$`);

/** True when `value` is an ARN CloudWatch takes as an alarm action. */
export const isAlarmActionArn = (value: string): boolean => ACTION_ARN.test(value);
