/**
 * A seeded generator of realistic question and vote logs: 30 days of questions from every
 * surface, in groups whose spellings differ but fold to one form, with the outcomes the engine
 * gave them when this was written. It returns the lines as the bot writes them and a tally of
 * what it wrote, so a test knows the exact counts the report must find.
 */

import { seededRandom } from '../../bench/random.js';
import type { Answer, Language } from '../../src/core/types.js';
import type { Surface } from '../../src/discord/customIds.js';
import { questionRecord } from '../../src/discord/questionLog.js';

const DAY_MS = 86_400_000;
const SOURCE = 'microsoft-japan-ai';

interface Outcome {
  readonly answered: boolean;
  readonly reason: string | null;
  readonly confidence: number;
  readonly factIds: readonly string[];
}

/** Questions that fold to one form, asked `weight` times as often as a weight-1 group. */
export interface GroupSpec {
  readonly id: string;
  readonly form: string;
  readonly spellings: readonly string[];
  readonly language: Language;
  readonly weight: number;
  readonly outcome: Outcome;
  /** Share of its answers that members vote down, and up. */
  readonly downVotes?: number;
  readonly upVotes?: number;
}

const answered = (confidence: number, ...factIds: string[]): Outcome => ({
  answered: true,
  reason: null,
  confidence,
  factIds,
});
const refused = (reason: string, confidence: number): Outcome => ({
  answered: false,
  reason,
  confidence,
  factIds: [],
});

export const GROUPS: readonly GroupSpec[] = [
  {
    id: 'amount-fr',
    form: 'combien microsoft investir japon',
    spellings: [
      'Combien Microsoft va-t-il investir au Japon ?',
      'combien microsoft va t il investir au japon',
    ],
    language: 'fr',
    weight: 14,
    outcome: answered(1, 'investment-amount'),
    upVotes: 0.05,
  },
  {
    id: 'amount-en',
    form: 'how much microsoft invest japan',
    spellings: ['How much will Microsoft invest in Japan?', 'how much will microsoft invest in japan'],
    language: 'en',
    weight: 10,
    outcome: answered(1, 'investment-amount'),
    upVotes: 0.05,
  },
  {
    id: 'brad-smith',
    form: 'who brad smith',
    spellings: ['Who is Brad Smith?', 'who is brad smith', 'Who is Brad Smith ?'],
    language: 'en',
    weight: 8,
    outcome: answered(1, 'brad-smith-president'),
    upVotes: 0.04,
    downVotes: 0.01,
  },
  {
    id: 'kishida',
    form: 'qui fumio kishida',
    spellings: ['Qui est Fumio Kishida ?', 'qui est fumio kishida'],
    language: 'fr',
    weight: 6,
    outcome: answered(1, 'kishida-prime-minister'),
  },
  {
    id: 'where',
    form: 'where data centres',
    spellings: ['Where are the data centres?'],
    language: 'en',
    weight: 5,
    outcome: answered(0.948, 'facilities-tokyo-osaka'),
  },
  {
    id: 'why',
    form: 'pourquoi microsoft investit japon',
    spellings: ['Pourquoi Microsoft investit au Japon ?'],
    language: 'fr',
    weight: 5,
    outcome: answered(1, 'generative-ai-demand', 'investment-purpose'),
  },
  {
    id: 'research',
    form: 'microsoft ouvrir centre recherche',
    spellings: ['Microsoft va ouvrir un centre de recherche ?'],
    language: 'fr',
    weight: 3,
    outcome: answered(1, 'first-research-centre'),
  },
  {
    id: 'gpu',
    form: 'combien gpu',
    spellings: ['Combien de GPU ?', 'combien de gpu', 'COMBIEN DE GPU ?', 'Combien de GPU?'],
    language: 'fr',
    weight: 7,
    outcome: refused('not-in-article', 0.474),
  },
  {
    id: 'paris',
    form: 'quel temps fera paris',
    spellings: ['Quel temps fera-t-il à Paris ?', 'Quel temps fera-t-il à Paris?'],
    language: 'fr',
    weight: 4,
    outcome: refused('unknown-entity', 0),
  },
  {
    id: 'boss',
    form: 'who boss microsoft',
    spellings: ['Who is the boss of Microsoft?', 'who is the boss of microsoft ?'],
    language: 'en',
    weight: 3,
    outcome: refused('not-in-article', 0.281),
  },
  {
    id: 'hello',
    form: 'hello',
    spellings: ['hello', 'Hello!'],
    language: 'en',
    weight: 2,
    outcome: refused('empty', 0),
  },
  {
    id: 'share-price',
    form: 'quel cours action microsoft',
    spellings: ["Quel est le cours de l'action Microsoft ?"],
    language: 'fr',
    weight: 1,
    outcome: refused('not-in-article', 0.149),
  },
  {
    id: 'age',
    form: 'quel age kishida',
    spellings: ['Quel âge a Kishida ?', 'quel age a kishida', 'Quel âge a Kishida?'],
    language: 'fr',
    weight: 4,
    outcome: answered(0.568, 'ai-opportunity-ageing-population', 'kishida-collaboration-important'),
    downVotes: 0.3,
  },
  {
    id: 'azure',
    form: 'combien coute azure',
    spellings: ['Combien coûte Azure ?'],
    language: 'fr',
    weight: 2,
    outcome: answered(0.59, 'investment-amount', 'investment-purpose'),
    downVotes: 0.2,
  },
];

/** Every fact some group above cites. */
export const CITED_FACTS: ReadonlySet<string> = new Set(GROUPS.flatMap((group) => group.outcome.factIds));

const SURFACES: ReadonlyArray<readonly [Surface, number]> = [
  ['slash', 50],
  ['mention', 25],
  ['dm', 12],
  ['context-menu', 8],
  ['related', 5],
];

function pick<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

/** The answer the engine gave, as much of it as the log keeps. */
function answerOf(group: GroupSpec, question: string): Answer {
  return {
    question,
    answered: group.outcome.answered,
    text: '',
    language: group.language,
    confidence: group.outcome.confidence,
    citations: group.outcome.factIds.map((factId) => ({
      source: SOURCE,
      factId,
      paragraph: 1,
      sentence: 1,
      quote: '',
    })),
    suggestions: [],
    reason: group.outcome.reason as Answer['reason'],
    unknownEntity: null,
    hedged: group.outcome.answered && group.outcome.confidence < 0.65,
    answerType: null,
    premises: [],
    article: null,
    searched: [],
  };
}

/** One question as the generator wrote it: what the report should find. */
export interface Asked {
  readonly group: GroupSpec;
  readonly question: string;
  readonly surface: Surface;
  readonly at: number;
  /** A DM, recorded as a count. */
  readonly counted: boolean;
}

export interface GeneratedLog {
  /** questions.jsonl, as the bot writes it (with a few damaged lines). */
  readonly questionsJsonl: string;
  /** feedback.jsonl, as the bot writes it. */
  readonly feedbackJsonl: string;
  readonly asked: readonly Asked[];
  readonly votes: ReadonlyArray<{
    readonly group: GroupSpec;
    readonly vote: 'up' | 'down';
    readonly at: number;
  }>;
  /** Lines that are not records: the report must skip exactly these. */
  readonly damaged: number;
}

/** `count` questions spread over the 30 days before `now`, in time order, DMs counted. */
export function generateLog(options: { seed: number; count: number; now: Date }): GeneratedLog {
  const random = seededRandom(options.seed);
  const end = options.now.getTime();
  const times = Array.from({ length: options.count }, () => end - Math.floor(random() * 30 * DAY_MS)).sort(
    (a, b) => a - b,
  );
  const lines: string[] = [];
  const feedback: string[] = [];
  const asked: Asked[] = [];
  const votes: Array<{ group: GroupSpec; vote: 'up' | 'down'; at: number }> = [];
  const groupWeights = GROUPS.map((group) => [group, group.weight] as const);
  for (const at of times) {
    const group = pick(random, groupWeights);
    const question = group.spellings[Math.floor(random() * group.spellings.length)] ?? '';
    const surface = pick(random, SURFACES);
    const record = questionRecord(question, answerOf(group, question), surface, {
      now: new Date(at),
      dms: false,
    });
    lines.push(JSON.stringify(record));
    asked.push({ group, question, surface, at, counted: 'counted' in record });
    const roll = random();
    const vote = roll < (group.downVotes ?? 0) ? 'down' : roll > 1 - (group.upVotes ?? 0) ? 'up' : null;
    if (vote && group.outcome.answered && surface !== 'dm') {
      const time = Math.min(at + 30_000, end);
      feedback.push(
        JSON.stringify({
          time: new Date(time).toISOString(),
          vote,
          surface,
          question,
          factIds: group.outcome.factIds,
        }),
      );
      votes.push({ group, vote, at: time });
    }
  }
  // A line cut short by a crash, and one edited by hand: skipped, not fatal.
  const damaged = ['{"time":"2025-01-01T00:00:00.000Z","surface":"sla', '{"note":"checked by the curator"}'];
  lines.splice(Math.floor(lines.length / 2), 0, ...damaged);
  return {
    questionsJsonl: `${lines.join('\n')}\n`,
    feedbackJsonl: feedback.length > 0 ? `${feedback.join('\n')}\n` : '',
    asked,
    votes,
    damaged: damaged.length,
  };
}
