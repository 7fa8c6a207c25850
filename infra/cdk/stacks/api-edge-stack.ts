import { Duration, Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods, CachePolicy, Distribution, HttpVersion, OriginProtocolPolicy, OriginRequestPolicy, OriginSslPolicy,
  PriceClass, ResponseHeadersPolicy, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../../functions/http/origin-verify';
import type { DeployConfig } from '../config';
import { accessLogBucket } from './storage-stack';

export interface ApiEdgeStackProps extends StackProps {
  config: DeployConfig;
  /** `https://<api-id>.execute-api.<region>.amazonaws.com` */
  apiEndpoint: string;
  /** The CLOUDFRONT-scope WebACL (ApiWafStack, us-east-1): a cross-region reference. */
  webAclArn: string;
  /** The value CloudFront adds as `X-Origin-Verify` and the API functions require. */
  originVerify: ISecret;
}

/**
 * The public address of the HTTP API (issue 12): a CloudFront distribution with the WAF WebACL, since
 * an HTTP API cannot take WAF itself. Nothing is cached (CachingDisabled); every viewer header but Host
 * goes to the origin (AllViewerExceptHostHeader: the only way CloudFront forwards Authorization without
 * caching on it; Idempotency-Key, Content-Type and query strings with it). CloudFront adds the
 * origin-verify secret as a header, and the API functions refuse a request without it, so the
 * execute-api address is of no use to a client (docs/decisions/0013). The site's distribution is
 * separate (SiteStack).
 */
export class ApiEdgeStack extends Stack {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ApiEdgeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logs = accessLogBucket(this, config);
    const apiDomain = Fn.select(2, Fn.split('/', props.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Opleidingsincentives ${config.stage} API`,
      defaultBehavior: {
        origin: new HttpOrigin(apiDomain, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          // API Gateway gives up after 30 s
          readTimeout: Duration.seconds(30),
          // A dynamic reference: the value is resolved by CloudFormation, never written in the template.
          customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify.secretValue.unsafeUnwrap() },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'api-cloudfront/',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'The API serves Flemish providers and workers wherever they are (also abroad) and public open data; no geo restriction, WAF rate tiers bound abuse.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'The API distribution is served on its *.cloudfront.net name with the default certificate, whose TLS policy cannot be set; the origin connection is TLS 1.2 only.',
    });
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
