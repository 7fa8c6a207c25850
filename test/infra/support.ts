import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IConstruct } from 'constructs';
import { createApp, type PlatformStacks } from '../../infra/cdk/build-app';

export const cdkContext = (JSON.parse(readFileSync(join(import.meta.dirname, '../../cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export interface Violation { rule: string; paths: string[] }
export interface Acknowledgement { id: string; reason: string; path: string }

export interface Synthesized {
  stacks: PlatformStacks;
  outdir: string;
  /** Template per stack name. */
  templates: Map<string, Template>;
  /** Raw template JSON per stack name. */
  json: Map<string, CfnTemplate>;
  /** cdk-nag (AwsSolutions) findings nobody acknowledged. */
  violations: Violation[];
  acknowledgements: Acknowledgement[];
}

export interface CfnResource { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string; Metadata?: Record<string, unknown> }
export interface CfnTemplate { Resources: Record<string, CfnResource>; Outputs?: Record<string, unknown> }

function collectAcknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== 'aws:cdk:acknowledged-rules' || !entry.data) continue;
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
        // Stored as `<plugin>::<rule id>`, e.g. `AwsSolutions::AwsSolutions-IAM5[Resource::*]`.
        found.push({ id: qualified.replace(/^[A-Za-z]+::(?=[A-Za-z]+-)/, ''), reason, path: construct.node.path });
      }
    }
  }
  return found;
}

/**
 * The whole app, synthesised once per test file, offline and without bundling (context
 * `aws:cdk:bundling-stacks: []`), with the cdk-nag AwsSolutions pack as in `cdk synth`.
 */
export function synthesize(extraContext: Record<string, unknown> = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-infra-test-'));
  const { app, stacks } = createApp({ outdir, context: { ...cdkContext, ...extraContext, 'aws:cdk:bundling-stacks': [] } });
  try {
    app.synth();
  } catch (error) {
    // A nag failure still writes the templates and the report; anything else is a real error.
    if (!existsSync(join(outdir, 'validation-report.json'))) throw error;
  }
  const violations: Violation[] = [];
  const reportFile = join(outdir, 'validation-report.json');
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: Array<{ violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }> };
    for (const plugin of report.pluginReports) {
      for (const v of plugin.violations) violations.push({ rule: v.ruleName, paths: v.violatingConstructs.map((c) => c.constructPath) });
    }
  }
  const json = new Map<string, CfnTemplate>();
  const templates = new Map<string, Template>();
  for (const file of readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(outdir, file), 'utf8')) as CfnTemplate;
    const name = file.replace(/\.template\.json$/, '');
    json.set(name, template);
    templates.set(name, Template.fromJSON(template as never));
  }
  return { stacks, outdir, templates, json, violations, acknowledgements: collectAcknowledgements(app) };
}

/** Every resource of a type across all stacks, with its stack and logical id. */
export function resourcesOf(s: Synthesized, type: string): Array<{ stack: string; id: string; resource: CfnResource }> {
  const found: Array<{ stack: string; id: string; resource: CfnResource }> = [];
  for (const [stack, template] of s.json) {
    for (const [id, resource] of Object.entries(template.Resources ?? {})) if (resource.Type === type) found.push({ stack, id, resource });
  }
  return found;
}

/** The logical id a `{ Ref }` / `{ Fn::GetAtt }` points at, if any. */
export function refOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return v.Ref;
    if (Array.isArray(v['Fn::GetAtt'])) return v['Fn::GetAtt'][0] as string;
  }
  return undefined;
}

/** Every IAM policy statement of every stack (managed policies and roles' inline policies), resolved, with its construct path. */
export function policyStatements(s: Synthesized): Array<{ path: string; statement: Record<string, unknown> }> {
  const found: Array<{ path: string; statement: Record<string, unknown> }> = [];
  for (const stack of Object.values(s.stacks).filter((v): v is Stack => v instanceof Stack)) {
    for (const c of stack.node.findAll()) {
      let documents: unknown[] = [];
      if (c instanceof CfnPolicy) documents = [stack.resolve(c.policyDocument)];
      if (c instanceof CfnRole) documents = ((stack.resolve(c.policies) ?? []) as Array<{ policyDocument: unknown }>).map((p) => p.policyDocument);
      for (const document of documents) {
        for (const statement of (document as { Statement: Array<Record<string, unknown>> }).Statement) found.push({ path: c.node.path, statement });
      }
    }
  }
  return found;
}
