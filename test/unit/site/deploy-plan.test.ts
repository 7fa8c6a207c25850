/** The site deployment plan (site/deploy-plan.ts): changed files only, a grace period, changed paths only (issue 13). */
import { describe, expect, it } from 'vitest';
import { pathsOf, planDeploy } from '../../../site/deploy-plan';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const options = (superseded: Record<string, number> = {}) => ({ now: NOW, graceMs: HOUR, superseded, keep: (key: string) => key.startsWith('open-data/') });

describe('planDeploy', () => {
  it('uploads only new and changed files, in order: assets, index chunks, pages, entry files last', () => {
    const plan = planDeploy(
      [
        { key: 'index.html', md5: 'a2' }, { key: 'opleidingen/ODB-A000001/index.html', md5: 'b1' },
        { key: 'pagefind-delta/pagefind-entry.json', md5: 'c2' }, { key: 'pagefind-delta/fragment/x.pf_fragment', md5: 'd1' }, { key: '_astro/app.123.js', md5: 'e1' },
      ],
      [{ key: 'index.html', etag: '"a1"' }, { key: 'opleidingen/ODB-A000001/index.html', etag: '"b1"' }, { key: 'pagefind-delta/pagefind-entry.json', etag: '"c1"' }],
      options(),
    );
    expect(plan.upload).toEqual(['_astro/app.123.js', 'pagefind-delta/fragment/x.pf_fragment', 'index.html', 'pagefind-delta/pagefind-entry.json']);
  });

  it('keeps a file that left the build for the grace period, then deletes it; the open-data downloads are never touched', () => {
    const remote = [{ key: 'pagefind/fragment/old.pf_fragment', etag: '"1"' }, { key: 'open-data/catalogus.json', etag: '"2"' }];
    const first = planDeploy([], remote, options());
    expect(first.delete).toEqual([]);
    expect(first.superseded).toEqual({ 'pagefind/fragment/old.pf_fragment': NOW });
    const later = planDeploy([], remote, { ...options(first.superseded), now: NOW + HOUR });
    expect(later.delete).toEqual(['pagefind/fragment/old.pf_fragment']);
    expect(later.superseded).toEqual({});
  });

  it('invalidates only replaced and deleted paths (a page under both of its URLs), or everything above the limit', () => {
    const plan = planDeploy(
      [{ key: 'opleidingen/ODB-A000001/index.html', md5: 'new' }, { key: 'opleidingen/ODB-A000002/index.html', md5: 'added' }],
      [{ key: 'opleidingen/ODB-A000001/index.html', etag: '"old"' }, { key: 'opleidingen/ODB-A000003/index.html', etag: '"gone"' }],
      { ...options({ 'opleidingen/ODB-A000003/index.html': NOW - 2 * HOUR }) },
    );
    expect(plan.invalidate).toEqual(['/opleidingen/ODB-A000001/', '/opleidingen/ODB-A000001/index.html', '/opleidingen/ODB-A000003/', '/opleidingen/ODB-A000003/index.html']);
    const many = planDeploy(
      Array.from({ length: 300 }, (_, i) => ({ key: `p${i}/index.html`, md5: 'n' })),
      Array.from({ length: 300 }, (_, i) => ({ key: `p${i}/index.html`, etag: '"o"' })),
      options(),
    );
    expect(many.invalidate).toEqual(['/*']);
    expect(pathsOf('index.html')).toEqual(['/', '/index.html']);
  });
});
