import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { corsPolicy } from '../../cors';
import { apiFunctionEntry, apiFunctionNames, apiRoutes, type ApiRoute } from '../../routes';
import type { AppFunction } from '../constructs/app-function';
import { appFunction, constructId, type SharedResources } from '../shared-resources';

/** Why a route without the JWT authorizer is acceptable, per auth kind (cdk-nag APIG4 acknowledgement). */
const unauthorizedRouteReason = {
  public: 'Public read-only route of api.md (GET only, enforced at synth): open data and liveness need no token.',
  signature: 'Machine-to-machine webhook of the cheque issuer: the handler verifies the HMAC-SHA256 signature over timestamp + body with the shared secret and refuses stale or replayed events.',
} as const;

/**
 * Per-route throttles (issue 12): anonymous routes get their own, lower budget, so a client hammering
 * `GET /v1/trainings` exhausts only that route's limit, never a provider's or a worker's; the signed
 * webhook gets what one issuer needs. Other routes keep the stage default (`apiRateLimit`/`apiBurstLimit`).
 */
export function routeThrottle(route: ApiRoute, stage: { rateLimit: number; burstLimit: number }): { rateLimit: number; burstLimit: number } {
  if (route.auth.kind === 'public') return { rateLimit: Math.min(20, stage.rateLimit), burstLimit: Math.min(40, stage.burstLimit) };
  if (route.auth.kind === 'signature') return { rateLimit: Math.min(10, stage.rateLimit), burstLimit: Math.min(20, stage.burstLimit) };
  return stage;
}

/** Fail the synth on a route the security model does not allow. */
export function assertRouteAllowed(route: ApiRoute): void {
  if (route.auth.kind === 'public' && route.method !== 'GET') {
    throw new Error(`Route ${route.routeKey} is public but not read-only: public routes must be GET`);
  }
  if (route.auth.kind === 'signature' && route.method !== 'POST') {
    throw new Error(`Route ${route.routeKey} is signed: only the issuer's webhook POST may skip the JWT authorizer`);
  }
}

/**
 * The HTTP API: one Lambda per area (`functions/api/<fn>.ts`), one route per operation of the contract,
 * the JWT authorizer (issuer and audience from context) on every route that is not public or signed,
 * stage throttling and JSON access logs.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: AppFunction[] = [];

  constructor(scope: Construct, id: string, shared: SharedResources, props?: StackProps) {
    super(scope, id, props);
    const { config } = shared;
    this.api = new HttpApi(this, 'HttpApi', {
      description: `Opleidingsincentives ${config.stage} API`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [config.siteUrl],
        allowMethods: corsPolicy.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...corsPolicy.allowHeaders],
        exposeHeaders: [...corsPolicy.exposeHeaders],
        maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: shared.logRetention,
      removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No personal data: no headers, no query string, no body.
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId', time: '$context.requestTimeEpoch', routeKey: '$context.routeKey',
          status: '$context.status', latencyMs: '$context.responseLatency', integrationLatencyMs: '$context.integrationLatency',
          integrationError: '$context.integrationErrorMessage', authorizerError: '$context.authorizer.error',
          responseLength: '$context.responseLength', protocol: '$context.protocol',
        })),
      },
    });

    const authorizer = new HttpJwtAuthorizer('Jwt', config.oidcIssuer, {
      jwtAudience: config.oidcAudience,
      identitySource: ['$request.header.Authorization'],
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const name of apiFunctionNames) {
      const fn = appFunction(this, `${constructId(name)}Api`, shared, 'api', name, apiFunctionEntry(name));
      this.functions.push(fn);
      integrations.set(name, new HttpLambdaIntegration(`${constructId(name)}Integration`, fn.fn));
    }

    for (const route of apiRoutes) {
      assertRouteAllowed(route);
      const integration = integrations.get(route.fn)!;
      const created = new HttpRoute(this, `Route${constructId(route.routeKey)}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method as keyof typeof HttpMethod]),
        integration,
        ...(route.auth.kind === 'jwt' ? { authorizer } : {}),
      });
      stage.node.addDependency(created);
      if (route.auth.kind !== 'jwt') {
        Validations.of(created).acknowledge({ id: 'AwsSolutions-APIG4', reason: `${route.routeKey}: ${unauthorizedRouteReason[route.auth.kind]}` });
      }
    }
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(apiRoutes.map((route) => {
      const limits = routeThrottle(route, config.apiThrottle);
      // routeSettings is raw JSON on the L1: CloudFormation's own (PascalCase) names
      return [route.routeKey, { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit }];
    }));
  }

  get url(): string {
    return this.api.apiEndpoint;
  }
}
