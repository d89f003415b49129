import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCopies, SECOND_ARTICLE, withFact, withSecondArticle } from '../knowledge/copies.js';
import { runScript as run } from './runScript.js';

const CONTRACT_KEYS = [
  'answer',
  'answerType',
  'answered',
  'article',
  'citations',
  'confidence',
  'hedged',
  'language',
  'premises',
  'question',
  'reason',
  'searched',
  'suggestions',
];

describe('npm run ask', () => {
  it('prints a readable answer with its citation', () => {
    const { status, stdout } = run('src/cli/ask.ts', ['How much will Microsoft invest in Japan?']);
    expect(status).toBe(0);
    expect(stdout).toContain('2.9 billion');
    expect(stdout).toContain('« investira 2,9 milliards de dollars »');
    expect(stdout).toContain('¶1, sentence 1');
    expect(stdout).toMatch(/\(confidence \d+%\)/);
  });

  it('answers whatever the Discord variables hold: it does not use them', () => {
    const { status, stdout, stderr } = run('src/cli/ask.ts', ['Qui est Brad Smith ?'], '', {
      DISCORD_TOKEN: 'garbage',
      DISCORD_CLIENT_ID: 'my-app',
      LOG_LEVEL: 'loud',
    });
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('Brad Smith');
    expect(stderr).toBe('');
  });

  it('--json prints exactly one object that follows the contract', () => {
    const { status, stdout } = run('src/cli/ask.ts', ['--json', 'Qui est Brad Smith ?']);
    expect(status).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '');
    expect(Object.keys(answer).sort()).toEqual(CONTRACT_KEYS);
    expect(answer).toMatchObject({
      question: 'Qui est Brad Smith ?',
      answered: true,
      language: 'fr',
      reason: null,
    });
    expect(answer.citations[0]).toEqual({
      source: 'microsoft-japan-ai',
      paragraph: 3,
      sentence: 1,
      quote: expect.stringContaining('Brad Smith'),
    });
  });

  it('--json with piped stdin answers one JSON line per input line, in order, and nothing else', () => {
    const questions = [
      'Who is Fumio Kishida?',
      '',
      'Quel temps fera-t-il demain à Paris ?',
      'combien microsoft japon',
    ];
    const { status, stdout, stderr } = run('src/cli/ask.ts', ['--json'], `${questions.join('\n')}\n`);
    expect(status, stderr).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(questions.length);
    const answers = lines.map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.question)).toEqual(questions);
    expect(answers.map((answer) => answer.answered)).toEqual([true, false, false, true]);
    expect(answers[2].reason).toBe('unknown-entity');
    for (const answer of answers) {
      expect(Object.keys(answer).sort()).toEqual(CONTRACT_KEYS);
      expect(answer.confidence).toBeGreaterThanOrEqual(0);
      expect(answer.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('npm run ask with two articles', () => {
  const FERRY = 'How many passengers does the ferry carry?';
  const SECOND_TITLE = 'Harwick launches a solar ferry across the Elm estuary';
  let root: string;
  beforeAll(() => {
    root = withSecondArticle();
  });
  afterAll(() => removeCopies());

  it('names the article of an answer, with its date', () => {
    const { status, stdout, stderr } = run('src/cli/ask.ts', [FERRY], '', { KNOWLEDGE_DIR: root });
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('« The boat carries up to 120 passengers');
    expect(stdout).toContain(`— ${SECOND_TITLE} (2025-03-10), ¶1, sentence 2`);
  });

  it('--source answers from that article only, and a refusal names the article searched', () => {
    const { status, stdout } = run('src/cli/ask.ts', ['--source', 'microsoft-japan-ai', FERRY], '', {
      KNOWLEDGE_DIR: root,
    });
    expect(status).toBe(0);
    expect(stdout).not.toContain('120 passengers');
    expect(stdout).toContain('Article searched: Microsoft investit 2,9 milliards de dollars');
  });

  it('--json gives the article and the ids of the articles searched, for one question and a batch', () => {
    const one = run('src/cli/ask.ts', ['--json', FERRY], '', { KNOWLEDGE_DIR: root });
    expect(JSON.parse(one.stdout)).toMatchObject({
      answered: true,
      article: {
        id: SECOND_ARTICLE,
        title: SECOND_TITLE,
        date: '2025-03-10',
        url: 'https://news.example.org/harwick-solar-ferry',
      },
      searched: [SECOND_ARTICLE, 'microsoft-japan-ai'],
    });
    const batch = run(
      'src/cli/ask.ts',
      ['--json', '--source', SECOND_ARTICLE],
      `${FERRY}\nQui est Brad Smith ?\n`,
      {
        KNOWLEDGE_DIR: root,
      },
    );
    const [ferry, smith] = batch.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(ferry).toMatchObject({
      answered: true,
      article: { id: SECOND_ARTICLE },
      searched: [SECOND_ARTICLE],
    });
    expect(smith).toMatchObject({ answered: false, article: null, searched: [SECOND_ARTICLE] });
  });

  it('stops with exit 2 on a --source that is no article, listing the known ones', () => {
    const { status, stdout, stderr } = run('src/cli/ask.ts', ['--source', 'nope', FERRY], '', {
      KNOWLEDGE_DIR: root,
    });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ask: --source "nope" is not an article of the knowledge folder. Known: ${SECOND_ARTICLE}, microsoft-japan-ai.\n`,
    );
  });
});

describe('npm run ask -- --explain', () => {
  it('shows the terms of the question and the best-scoring facts', () => {
    const { status, stdout } = run('src/cli/ask.ts', ['--explain', 'combien microsoft invetit japon']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/terms: .*invetit\[c:investment\]=[\d.]+ \(corrected\)/);
    expect(stdout).toMatch(/^ {2}\d\.\d{3} [a-z0-9-]+ {2}covers: /m);
  });

  it('reads the knowledge in KNOWLEDGE_DIR, and stops with exit 1 when it is broken', () => {
    const { id, root } = withFact((fact) => {
      fact.quote = 'Bradley Smith';
    });
    const { status, stdout, stderr } = run('src/cli/ask.ts', ['Qui est Brad Smith ?'], '', {
      KNOWLEDGE_DIR: root,
    });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "quote"): is not verbatim`,
    );
    removeCopies();
  });
});

describe('npm run kb -- validate', () => {
  it('prints a summary and exits 0 on the real knowledge', () => {
    const { status, stdout } = run('src/knowledge/kb.ts', ['validate'], '', { KNOWLEDGE_DIR: '' });
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^ok: 1 source\(s\), 8\/8 sentences covered by curated facts \(100%\), \d+ facts, \d+ glossary concepts in knowledge\/$/m,
    );
  });

  it('checks KNOWLEDGE_DIR, the folder npm run ask and npm start load, unless given another', () => {
    const { root, id } = withFact((fact) => {
      fact.quote = 'Bradley Smith';
    });
    const fromEnv = run('src/knowledge/kb.ts', ['validate'], '', { KNOWLEDGE_DIR: root });
    expect(fromEnv.status).toBe(1);
    expect(fromEnv.stdout).toContain(
      `error: knowledge/microsoft-japan-ai/facts.yaml (id "${id}", field "quote")`,
    );
    const given = run('src/knowledge/kb.ts', ['validate', 'knowledge'], '', { KNOWLEDGE_DIR: root });
    expect(given.status).toBe(0);
    expect(given.stdout).toMatch(/^ok: .* in knowledge\/$/m);
    removeCopies();
  });

  it('lists every error and exits 1 on a broken folder', () => {
    const { status, stdout } = run('src/knowledge/kb.ts', ['validate', 'test/no-such-folder']);
    expect(status).toBe(1);
    expect(stdout).toContain('error: test/no-such-folder: the knowledge folder does not exist');
  });

  it('explains its usage and exits 2 without a command', () => {
    const { status, stderr } = run('src/knowledge/kb.ts', []);
    expect(status).toBe(2);
    expect(stderr).toContain('usage: npm run kb -- validate');
  });
});

describe('npm start', () => {
  it('exits 1 with a clear message when there is no token and no terminal', () => {
    const { status, stdout, stderr } = run('src/main.ts', []);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('No DISCORD_TOKEN is set and standard input is not a terminal');
  });
});
