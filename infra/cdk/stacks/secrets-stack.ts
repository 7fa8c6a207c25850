import { RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../config';
import type { SecretId } from '../function-access';

/**
 * The three secrets, created with a random value under the names from context (see docs/deploy.md):
 * the key of the keyed hash of national register numbers, and the secret shared with the cheque
 * issuer (replace its value with the one agreed with the issuer), and the origin-verify value that
 * CloudFront adds to every API request. Always retained: losing the HMAC key
 * would orphan every stored hash.
 */
export class SecretsStack extends Stack {
  readonly secrets: Record<SecretId, Secret>;

  constructor(scope: Construct, id: string, config: DeployConfig, props?: StackProps) {
    super(scope, id, props);
    const secret = (logicalId: string, secretName: string, description: string) => {
      const created = new Secret(this, logicalId, {
        secretName,
        description,
        generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      return created;
    };
    this.secrets = {
      rrnHmac: secret('RrnHmacKey', config.rrnHmacSecretName, 'HMAC key of national register numbers (never stored in plain text)'),
      issuerWebhook: secret('IssuerWebhookSecret', config.issuerWebhookSecretName, 'Shared secret of the cheque issuer (HMAC-SHA256 over timestamp + body)'),
      originVerify: secret('OriginVerifySecret', config.originVerifySecretName, 'Header value CloudFront adds to API requests; the API refuses requests without it (direct execute-api calls)'),
    };
    Validations.of(this.secrets.rrnHmac).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the national-register-number HMAC key would orphan every stored keyed hash (they are lookup keys); it changes only with a planned re-keying migration.',
    });
    Validations.of(this.secrets.issuerWebhook).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The issuer webhook secret is shared with an external party (the cheque issuer); it is rotated by agreement with the issuer, not by a Lambda rotation schedule.',
    });
    Validations.of(this.secrets.originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'CloudFront reads the origin-verify value when the API edge stack deploys (dynamic reference); it is rotated by putting a new value and redeploying that stack (docs/decisions/0013), not by a rotation Lambda.',
    });
  }
}
