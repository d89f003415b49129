import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/http/metrics.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeVersion } from '../../src/knowledge/version.js';
import { labelSetsOf, sampleValue } from './prometheus.js';

const answered = { answered: true, reason: null, language: 'fr' } as const;
const unknownName = { answered: false, reason: 'unknown-entity', language: 'en' } as const;

describe('BotMetrics', () => {
  it('counts questions by surface, outcome (answered or the refusal reason) and language', async () => {
    const metrics = new BotMetrics();
    metrics.countQuestion('slash', answered);
    metrics.countQuestion('slash', answered);
    metrics.countQuestion('mention', unknownName);
    const text = await metrics.registry.metrics();
    expect(labelSetsOf(text, 'questions_total')).toEqual([
      { surface: 'slash', outcome: 'answered', language: 'fr' },
      { surface: 'mention', outcome: 'unknown-entity', language: 'en' },
    ]);
    expect(
      sampleValue(text, 'questions_total', { surface: 'slash', outcome: 'answered', language: 'fr' }),
    ).toBe(2);
  });

  it('keeps each bot’s counts in its own registry, never prom-client’s global one', async () => {
    const first = new BotMetrics();
    const second = new BotMetrics();
    first.countGatewayReconnect();
    first.countRestError(429);
    expect(sampleValue(await first.registry.metrics(), 'discord_gateway_reconnects_total')).toBe(1);
    expect(sampleValue(await second.registry.metrics(), 'discord_gateway_reconnects_total')).toBe(0);
    expect(sampleValue(await second.registry.metrics(), 'discord_rest_errors_total', { status: '429' })).toBe(
      undefined,
    );
    expect(await register.getMetricsAsJSON()).toEqual([]);
  });

  it('puts an answer’s time in the buckets from half a millisecond to ten seconds', async () => {
    const metrics = new BotMetrics();
    metrics.observeReply('dm', 0.0003);
    metrics.observeReply('dm', 0.004);
    metrics.observeReply('dm', 3);
    const text = await metrics.registry.metrics();
    const bucket = (le: string) => sampleValue(text, 'answer_latency_seconds_bucket', { surface: 'dm', le });
    expect([bucket('0.0005'), bucket('0.005'), bucket('2.5'), bucket('5'), bucket('+Inf')]).toEqual([
      1, 2, 2, 3, 3,
    ]);
    expect(sampleValue(text, 'answer_latency_seconds_count', { surface: 'dm' })).toBe(3);
  });

  it('shows the knowledge it was given, and both reload results from zero', async () => {
    const metrics = new BotMetrics();
    expect(metrics.knowledge).toBeUndefined();
    const before = await metrics.registry.metrics();
    expect(sampleValue(before, 'knowledge_reloads_total', { result: 'ok' })).toBe(0);
    expect(sampleValue(before, 'knowledge_reloads_total', { result: 'error' })).toBe(0);

    const knowledge = loadKnowledge();
    metrics.setKnowledge(knowledge);
    metrics.countKnowledgeReload('ok');
    metrics.setKnowledge({ ...knowledge, facts: knowledge.facts.slice(1) });
    metrics.countKnowledgeReload('error');
    const smaller = knowledgeVersion({ ...knowledge, facts: knowledge.facts.slice(1) });
    expect(metrics.knowledge).toEqual({
      version: smaller,
      articles: knowledge.sources.length,
      facts: knowledge.facts.length - 1,
    });
    const after = await metrics.registry.metrics();
    expect(sampleValue(after, 'knowledge_facts')).toBe(knowledge.facts.length - 1);
    expect(sampleValue(after, 'knowledge_articles')).toBe(knowledge.sources.length);
    expect(labelSetsOf(after, 'knowledge_info')).toEqual([{ version: smaller }]);
    expect(sampleValue(after, 'knowledge_reloads_total', { result: 'ok' })).toBe(1);
    expect(sampleValue(after, 'knowledge_reloads_total', { result: 'error' })).toBe(1);
  });

  it('adds the process metrics only when asked', async () => {
    const metrics = new BotMetrics();
    expect(await metrics.registry.metrics()).not.toContain('process_cpu_seconds_total');
    metrics.collectProcessMetrics();
    const text = await metrics.registry.metrics();
    expect(sampleValue(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});
