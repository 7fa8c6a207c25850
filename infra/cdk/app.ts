/**
 * CDK entry (`cdk.json`: `npx tsx infra/cdk/app.ts`). `npm run synth` synthesises offline (bundling
 * with the local esbuild); `npx cdk deploy --all` deploys (see docs/deploy.md). cdk-nag AwsSolutions
 * checks run on every synth and fail it on an unacknowledged finding.
 *
 * `CDK_SKIP_BUNDLING=1` synthesises without bundling the functions (the CLI refuses `aws:` context
 * keys from `-c`): the infra tests use it for speed; never deploy such an assembly.
 */
import { createApp } from './build-app';

createApp(process.env.CDK_SKIP_BUNDLING === '1' ? { postCliContext: { 'aws:cdk:bundling-stacks': [] } } : undefined);
