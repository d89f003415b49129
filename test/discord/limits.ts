import { ComponentType } from 'discord.js';
import { expect } from 'vitest';
import { LIMITS, type ReplyPayload } from '../../src/discord/render.js';

type Payload = Pick<ReplyPayload, 'content' | 'embeds' | 'components'>;

/**
 * What in a payload, as it would be sent, breaks Discord's message limits: empty when nothing.
 * Plain comparisons, so that property tests can check thousands of payloads cheaply.
 */
export function limitViolations(payload: Payload): string[] {
  const violations: string[] = [];
  const atMost = (what: string, value: number, max: number) => {
    if (value > max) violations.push(`${what} is ${value}, over ${max}`);
  };
  const filled = (what: string, value: number) => {
    if (value <= 0) violations.push(`${what} is empty`);
  };
  atMost('content', payload.content?.length ?? 0, LIMITS.content);
  atMost('embeds', payload.embeds.length, 10);
  let total = 0;
  payload.embeds.forEach((embed, e) => {
    atMost(`embed ${e} title`, embed.title?.length ?? 0, LIMITS.title);
    atMost(`embed ${e} description`, embed.description?.length ?? 0, LIMITS.description);
    atMost(`embed ${e} footer`, embed.footer?.text.length ?? 0, LIMITS.footer);
    atMost(`embed ${e} author`, embed.author?.name.length ?? 0, LIMITS.author);
    atMost(`embed ${e} fields`, embed.fields?.length ?? 0, LIMITS.fields);
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0);
    (embed.fields ?? []).forEach((field, f) => {
      filled(`embed ${e} field ${f} name`, field.name.length);
      atMost(`embed ${e} field ${f} name`, field.name.length, LIMITS.fieldName);
      filled(`embed ${e} field ${f} value`, field.value.length);
      atMost(`embed ${e} field ${f} value`, field.value.length, LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    });
  });
  atMost('all embeds together', total, LIMITS.embedsTotal);
  atMost('action rows', payload.components.length, 5);
  payload.components.forEach((row, r) => {
    atMost(`row ${r} components`, row.components.length, 5);
    for (const component of row.components) {
      if ('custom_id' in component) {
        filled(`custom_id in row ${r}`, component.custom_id.length);
        atMost(`custom_id ${component.custom_id}`, component.custom_id.length, 100);
      }
      if (component.type === ComponentType.StringSelect) {
        filled(`select options in row ${r}`, component.options.length);
        atMost(`select options in row ${r}`, component.options.length, LIMITS.selectOptions);
        component.options.forEach((option, o) => {
          filled(`option ${o} label`, option.label.length);
          atMost(`option ${o} label`, option.label.length, LIMITS.optionLabel);
          atMost(`option ${o} value`, option.value.length, LIMITS.optionValue);
        });
      }
    }
  });
  return violations;
}

/** Discord's message limits, checked on a payload as it would be sent. */
export function assertWithinLimits(payload: Payload): void {
  expect(limitViolations(payload)).toEqual([]);
}
