import { ComponentType } from 'discord.js';
import { expect } from 'vitest';
import { LIMITS, type ReplyPayload } from '../../src/discord/render.js';

/** Discord's message limits, checked on a payload as it would be sent. */
export function assertWithinLimits(payload: Pick<ReplyPayload, 'content' | 'embeds' | 'components'>): void {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.author);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
  expect(payload.components.length).toBeLessThanOrEqual(5);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const component of row.components) {
      if ('custom_id' in component) {
        expect(component.custom_id.length).toBeGreaterThan(0);
        expect(component.custom_id.length).toBeLessThanOrEqual(100);
      }
      if (component.type === ComponentType.StringSelect) {
        expect(component.options.length).toBeGreaterThan(0);
        expect(component.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
        for (const option of component.options) {
          expect(option.label.length).toBeGreaterThan(0);
          expect(option.label.length).toBeLessThanOrEqual(LIMITS.optionLabel);
          expect(option.value.length).toBeLessThanOrEqual(LIMITS.optionValue);
        }
      }
    }
  }
}
