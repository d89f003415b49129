import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSince } from '../../src/curation/command.js';
import { FEEDBACK_FILE } from '../../src/discord/feedback.js';
import { QUESTIONS_FILE } from '../../src/discord/questionLog.js';
import { removeCopies, withFact } from '../knowledge/copies.js';
import { generateLog } from './generateLog.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HOSTILE = '<script>alert(1)</script> Combien de GPU ?';

let dataDir: string;
let count: number;

/** `npm run kb -- report …` as a curator types it, on the temporary DATA_DIR. */
function report(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'kb', '--', 'report', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: dataDir, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kb-report-'));
  const log = generateLog({ seed: 7, count: 2000, now: new Date() });
  const hostile = JSON.stringify({
    time: new Date().toISOString(),
    surface: 'slash',
    language: 'fr',
    question: HOSTILE,
    answered: false,
    reason: 'not-in-article',
    confidence: 0.3,
    hedged: false,
    factIds: [],
    sources: [],
  });
  writeFileSync(path.join(dataDir, QUESTIONS_FILE), `${log.questionsJsonl}${hostile}\n`);
  writeFileSync(path.join(dataDir, FEEDBACK_FILE), log.feedbackJsonl);
  count = log.asked.length + 1;
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('parseSince', () => {
  it('reads hours and days, and nothing else', () => {
    expect(parseSince('24h')).toBe(86_400_000);
    expect(parseSince('7d')).toBe(7 * 86_400_000);
    expect(parseSince('30d')).toBe(30 * 86_400_000);
    for (const bad of ['7x', '0d', '-7d', 'week', '7', 'd', '1.5d', '7 d', ''])
      expect(parseSince(bad)).toBeNull();
  });
});

describe('npm run kb -- report', () => {
  it('prints the report, whatever is wrong with the Discord variables it does not need', () => {
    const { status, stdout, stderr } = report(['--since', '30d'], { DISCORD_TOKEN: 'Bot not-a-token' });
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Question log report: ${count} questions from `));
    expect(stdout).toMatch(
      /Refused questions, most asked first \(\d+ groups\)\n +\d+ × "[^"]*(?:GPU|gpu)[^"]*"/,
    );
    expect(stdout).toContain('→ add it as an alternate question to fact next-gen-gpus');
    expect(stderr).toContain('2 line(s) skipped');
  });

  it('--json prints one JSON object; --html writes one page with a chart and every question escaped', () => {
    const page = path.join(dataDir, 'report.html');
    const { status, stdout, stderr } = report(['--json', '--since', '7d', '--html', page]);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(stdout);
    expect(parsed.perDay).toHaveLength(8);
    expect(parsed.totals.questions).toBeGreaterThan(300);
    expect(parsed.totals.questions).toBeLessThan(count);
    expect(parsed.refused.map((group: { question: string }) => group.question)).toContain(HOSTILE);
    expect(stderr).toContain(`wrote ${page}`);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<svg ');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('exits 2 with the usage for a --since it cannot read', () => {
    const { status, stdout, stderr } = report(['--since', '7x']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--since: "7x" is not a duration: give hours or days, such as 24h, 7d or 30d');
    expect(stderr).toContain('usage: npm run kb -- report');
  });

  it('exits 2 with the usage for an unknown flag', () => {
    const { status, stderr } = report(['--verbose']);
    expect(status).toBe(2);
    expect(stderr).toContain("Unknown option '--verbose'");
    expect(stderr).toContain('usage: npm run kb -- report [--since 24h|7d|30d] [--json] [--html FILE]');
  });

  it('checks the questions against --dir, else KNOWLEDGE_DIR', () => {
    const broken = withFact((fact) => {
      fact.quote = 'nowhere in the article';
    });
    try {
      const fromEnv = report(['--since', '7d'], { KNOWLEDGE_DIR: broken.root });
      expect(fromEnv.status).toBe(1);
      expect(fromEnv.stderr).toContain(`(id "${broken.id}", field "quote"): is not verbatim`);
      const given = report(['--since', '7d', '--dir', path.join(root, 'knowledge')], {
        KNOWLEDGE_DIR: broken.root,
      });
      expect(given.stderr).not.toContain('is not verbatim');
      expect(given.status).toBe(0);
    } finally {
      removeCopies();
    }
  });

  it('exits 1 saying where it looked and how to turn logging on when there is no log', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'kb-report-empty-'));
    try {
      const on = report([], { DATA_DIR: empty });
      expect(on.status).toBe(1);
      expect(on.stderr).toContain(`No question log at ${path.join(empty, QUESTIONS_FILE)}.`);
      expect(on.stderr).toContain('QUESTION_LOG=on, the default');
      const off = report([], { DATA_DIR: empty, QUESTION_LOG: 'off' });
      expect(off.status).toBe(1);
      expect(off.stderr).toContain('QUESTION_LOG is off here: set QUESTION_LOG=on');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
