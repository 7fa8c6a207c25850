import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { RATE_LIMIT_RETRY_AFTER_SECONDS, RATE_LIMITS, rateLimitedProblem } from '../../../shared/quotas/rate-limits';
import type { DeployConfig } from '../config';

/**
 * Managed rules that would break the API, counted instead of blocked (the rest of each group blocks):
 * - SizeRestrictions_BODY blocks bodies over 8 KB; an application with its ~300-word description,
 *   modules and contacts is larger. API Gateway caps bodies at 10 MB and the zod schemas bound every
 *   field; documents never pass the API (presigned POST straight to S3).
 * - NoUserAgent_HEADER blocks requests without User-Agent; the cheque issuer's signed webhook is a
 *   machine client we do not control.
 */
export const countedManagedRules: Readonly<Record<string, readonly string[]>> = {
  AWSManagedRulesCommonRuleSet: ['SizeRestrictions_BODY', 'NoUserAgent_HEADER'],
  AWSManagedRulesKnownBadInputsRuleSet: [],
};

const RATE_LIMITED_BODY = 'rateLimited';

/**
 * The WebACL of the API's CloudFront distribution (issue 12). A CLOUDFRONT-scope WebACL must be created
 * in us-east-1, so this is its own small stack there; the API edge stack (in the platform's region)
 * takes its ARN through a CDK cross-region reference (docs/decisions/0013).
 *
 * Rules, in order: the per-IP rate tiers (shared/quotas/rate-limits.ts; 429 problem+json with
 * Retry-After and the site's CORS origin, so the browser can show the message), then the AWS managed
 * common rule set and known bad inputs (with the rules in `countedManagedRules` counted). Everything
 * else is allowed: authorization is API Gateway's JWT authorizer, validation the zod schemas.
 */
export class ApiWafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, config: DeployConfig, props?: StackProps) {
    super(scope, id, props);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName,
    });
    const tooMany: CfnWebACL.RuleActionProperty = {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: RATE_LIMITED_BODY,
          responseHeaders: [
            { name: 'Retry-After', value: String(RATE_LIMIT_RETRY_AFTER_SECONDS) },
            { name: 'Access-Control-Allow-Origin', value: config.siteUrl },
            { name: 'Access-Control-Expose-Headers', value: 'Retry-After' },
          ],
        },
      },
    };
    const anonymousGet: CfnWebACL.StatementProperty = {
      andStatement: {
        statements: [
          { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'GET', textTransformations: [{ priority: 0, type: 'NONE' }] } },
          // no Authorization header: its size is 0 when it is missing
          { notStatement: { statement: { sizeConstraintStatement: { fieldToMatch: { singleHeader: { Name: 'authorization' } }, comparisonOperator: 'GT', size: 0, textTransformations: [{ priority: 0, type: 'NONE' }] } } } },
        ],
      },
    };
    const rules: CfnWebACL.RuleProperty[] = [
      {
        name: `rate-${RATE_LIMITS.anonymous.id}`,
        priority: 0,
        action: tooMany,
        statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: config.rateLimits[RATE_LIMITS.anonymous.id]!, evaluationWindowSec: RATE_LIMITS.anonymous.windowSeconds, scopeDownStatement: anonymousGet } },
        visibilityConfig: visibility('RateAnonymous'),
      },
      {
        name: `rate-${RATE_LIMITS.all.id}`,
        priority: 1,
        action: tooMany,
        statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: config.rateLimits[RATE_LIMITS.all.id]!, evaluationWindowSec: RATE_LIMITS.all.windowSeconds } },
        visibilityConfig: visibility('RateAll'),
      },
      ...Object.entries(countedManagedRules).map(([name, counted], index): CfnWebACL.RuleProperty => ({
        name,
        priority: 10 + index,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name,
            ...(counted.length ? { ruleActionOverrides: counted.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
          },
        },
        visibilityConfig: visibility(name),
      })),
    ];
    this.webAcl = new CfnWebACL(this, 'ApiWebAcl', {
      name: `opleidingsincentives-${config.stage}-api`,
      description: 'Per-IP rate tiers and AWS managed rules in front of the HTTP API via CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        [RATE_LIMITED_BODY]: { contentType: 'APPLICATION_JSON', content: JSON.stringify(rateLimitedProblem()) },
      },
      rules,
      visibilityConfig: visibility('ApiWebAcl'),
    });
  }
}
