import { z } from 'zod';
import { Email, Instant, parseDomainMap, TimeZone } from '../../shared/domain/index.js';

/** A Google Calendar event resource, as `events.list` returns it (checked by the fake and the adapter). */
const EventResource = z.record(z.string(), z.unknown());

const Step = z.union([
  z.strictObject({ at: Instant, as: Email, say: z.string().min(1).max(20_000) }),
  z.strictObject({ at: Instant, calendar: Email, change: EventResource }),
  z.strictObject({
    at: Instant,
    /** A person's directory entry changes (issue 28): what is given replaces what it was. */
    directory: Email,
    set: z
      .strictObject({
        /** Their manager from now on; `null`: the directory names none. */
        manager: Email.nullable().optional(),
        aliases: z.array(Email).max(20).optional(),
      })
      .refine((set) => set.manager !== undefined || set.aliases !== undefined, {
        message: 'must set manager or aliases',
      }),
  }),
  z.strictObject({
    at: Instant,
    as: Email,
    press: z.strictObject({
      kind: z.string().min(1),
      action: z.string().min(1),
      inputs: z.record(z.string(), z.unknown()).default({}),
    }),
  }),
]);

/** The scenario file of `npm run simulate` (docs/simulation.md, a public interface: keep it stable). */
export const Scenario = z
  .strictObject({
    start: Instant,
    end: Instant,
    settings: z
      .strictObject({
        agendaLeadMinutes: z
          .number()
          .int()
          .min(0)
          .max(14 * 1440)
          .optional(),
        summaryDelayMinutes: z.number().int().min(0).max(1440).optional(),
        /** As `DOMAIN_MAP`: `contoso.onmicrosoft.com=contoso.com,…` (optional, issue 16). */
        domainMap: z.string().max(2000).optional(),
      })
      .optional(),
    people: z
      .array(
        z.strictObject({
          email: Email,
          name: z.string().min(1).max(200),
          timeZone: TimeZone,
          teams: z.boolean(),
          manager: Email.optional(),
          /** Other addresses of the person in the directory (Google aliases); optional. */
          aliases: z.array(Email).max(20).optional(),
          /** The address their Teams profile carries, when it is not `email`; optional. */
          teamsEmail: Email.optional(),
        }),
      )
      .min(1),
    calendars: z.record(Email, z.array(EventResource)).default({}),
    steps: z.array(Step).default([]),
  })
  .superRefine((scenario, ctx) => {
    if (scenario.end <= scenario.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    const people = new Set(scenario.people.map((p) => p.email));
    const domainMap = parseDomainMap(scenario.settings?.domainMap ?? '');
    if (!domainMap.ok)
      ctx.addIssue({ code: 'custom', path: ['settings', 'domainMap'], message: domainMap.error });
    const claimed = new Map<string, number>();
    scenario.people.forEach((person, i) => {
      for (const [field, address] of [
        ...(person.aliases ?? []).map((a) => ['aliases', a] as const),
        ...(person.teamsEmail === undefined ? [] : [['teamsEmail', person.teamsEmail] as const]),
      ]) {
        if (address === person.email) continue;
        const other = people.has(address) ? -1 : claimed.get(address);
        if (other !== undefined && other !== i)
          ctx.addIssue({
            code: 'custom',
            path: ['people', i, field],
            message: `${address} is already another person's address`,
          });
        if (field === 'aliases') claimed.set(address, i);
      }
    });
    scenario.people.forEach((person, i) => {
      if (person.manager !== undefined && !people.has(person.manager)) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'manager'],
          message: `${person.manager} is not one of the people`,
        });
      }
    });
    for (const email of Object.keys(scenario.calendars)) {
      if (!people.has(email))
        ctx.addIssue({ code: 'custom', path: ['calendars', email], message: 'is not one of the people' });
    }
    scenario.steps.forEach((step, i) => {
      if (step.at < scenario.start || step.at > scenario.end) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'at'], message: 'must be between start and end' });
      }
      const [field, who] =
        'as' in step
          ? (['as', step.as] as const)
          : 'calendar' in step
            ? (['calendar', step.calendar] as const)
            : (['directory', step.directory] as const);
      if (!people.has(who)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, field],
          message: `${who} is not one of the people`,
        });
      }
      if (!('directory' in step)) return;
      const { manager, aliases } = step.set;
      if (manager !== undefined && manager !== null && (!people.has(manager) || manager === who))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'set', 'manager'],
          message: `${manager} is not one of the other people`,
        });
      for (const alias of aliases ?? [])
        if (people.has(alias) && alias !== who)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'set', 'aliases'],
            message: `${alias} is already another person's address`,
          });
    });
  });
export type Scenario = z.output<typeof Scenario>;

/** Parses a scenario file's text; the error names the first bad field, like `steps[2].at: …`. */
export function parseScenario(text: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the scenario is not JSON: ${(error as Error).message}` };
  }
  const parsed = Scenario.safeParse(json);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? [])
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  return { ok: false, error: `${path || '(scenario)'}: ${issue?.message ?? 'invalid'}` };
}
