import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** cfn-lint is preinstalled on the CI image; where it is missing the lint test is reported as skipped, never passed. */
const cfnLintAvailable = spawnSync('which', ['cfn-lint'], { encoding: 'utf8' }).status === 0;
const concerns = ['Monitoring', 'Data', 'Storage', 'Secrets', 'Mail', 'Api', 'ApiWaf', 'ApiEdge', 'Site', 'Jobs', 'Streams'];
/** cfn-lint warnings that CDK's own output produces and that are accepted (documented in docs/deploy.md). */
const acceptedWarnings = new Set([
  'W3005', // explicit DependsOn next to a GetAtt: CDK adds both for a function and its role's policy
  'W3045', // AccessControl: LogDeliveryWrite on the access-log buckets (S3 and CloudFront log delivery)
]);

let outdir: string;
let synth: { status: number | null; stderr: string; ms: number };

// `cdk synth` exactly as `npm run synth` runs it, offline, but without bundling (CDK_SKIP_BUNDLING).
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'cdk-synth-test-'));
  const started = Date.now();
  // Offline: no account, no credentials lookup, no version check, no notices (cdk.json).
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_SKIP_BUNDLING: '1', CDK_DISABLE_VERSION_CHECK: '1', AWS_EC2_METADATA_DISABLED: 'true' };
  delete env.CDK_DEFAULT_ACCOUNT;
  const result = spawnSync(join(root, 'node_modules/.bin/cdk'), ['synth', '--quiet', '--output', outdir], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 110_000,
  });
  synth = { status: result.status, stderr: result.stderr, ms: Date.now() - started };
}, 120_000);

describe('cdk synth (offline, the CLI and cdk.json)', () => {
  it('succeeds, cdk-nag included, and writes one template per concern', () => {
    expect(synth.status, synth.stderr).toBe(0);
    console.info(`cdk synth (no bundling): ${synth.ms} ms`);
    const templates = readdirSync(outdir).filter((f) => f.endsWith('.template.json'));
    expect(templates.map((t) => t.replace(/^Opleidingsincentives-prod-|\.template\.json$/g, '')).sort()).toEqual([...concerns].sort());
    for (const file of templates) {
      const template = JSON.parse(readFileSync(join(outdir, file), 'utf8')) as { Resources: Record<string, { Type: string }> };
      expect(Object.keys(template.Resources).length, file).toBeGreaterThan(0);
      for (const [id, resource] of Object.entries(template.Resources)) expect(resource.Type, `${file} ${id}`).toMatch(/^(AWS|Custom)::[A-Za-z0-9]+(::[A-Za-z0-9]+)?$/);
    }
  });

  it.skipIf(!cfnLintAvailable)('cfn-lint finds no error in any template (skipped, and says so, where cfn-lint is not installed)', () => {
    const templates = readdirSync(outdir).filter((f) => f.endsWith('.template.json')).map((f) => join(outdir, f));
    expect(templates.length).toBe(concerns.length);
    const lint = spawnSync('cfn-lint', ['--format', 'json', '--', ...templates], { encoding: 'utf8', timeout: 100_000 });
    expect(lint.error).toBeUndefined();
    const findings = JSON.parse(lint.stdout || '[]') as Array<{ Level: string; Rule: { Id: string }; Message: string; Filename: string }>;
    const errors = findings.filter((f) => f.Level === 'Error');
    expect(errors.map((f) => `${f.Rule.Id} ${f.Filename}: ${f.Message}`)).toEqual([]);
    const unexpected = findings.filter((f) => f.Level !== 'Error' && !acceptedWarnings.has(f.Rule.Id));
    expect(unexpected.map((f) => `${f.Rule.Id} ${f.Filename}: ${f.Message}`)).toEqual([]);
    // 0 = clean, 4 = warnings only (cfn-lint exit codes are a bit mask: 2 = error).
    expect(lint.status === 0 || lint.status === 4 || lint.status === 8 || lint.status === 12, lint.stderr).toBe(true);
  });
});
