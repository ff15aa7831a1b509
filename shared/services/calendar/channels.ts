import { addMinutes, isBefore, utc, type CalendarState, type WatchChannel } from '../../domain/index.js';
import type { Stored } from '../../ports.js';
import type { CalendarDeps } from './deps.js';

/**
 * Opens a new watch channel when the calendar has none or its channel expires within
 * `renewBeforeHours`: the new channel is saved first (a notification can beat the watch response),
 * then opened, and only then is the old one stopped, so no change falls between two channels.
 * Returns false when nothing was due.
 */
export async function renewChannel(deps: CalendarDeps, calendarId: string): Promise<boolean> {
  const stored = await deps.store.calendars.get(calendarId, calendarId);
  if (stored === undefined || !renewalDue(deps, stored.doc)) return false;
  const old = stored.doc.channel;
  const fresh: WatchChannel = { id: `steady-${deps.ids.newId()}`, token: deps.ids.newSecret() };
  await update(deps, calendarId, stored, (state) => ({
    ...state,
    channel: fresh,
    ...(old ? { previousChannel: old } : {}),
  }));
  const opened = await deps.calendar.watch(calendarId, { ...fresh, address: deps.settings.webhookUrl });
  await update(deps, calendarId, undefined, (state) =>
    state.channel?.id === fresh.id ? { ...state, channel: { ...fresh, ...opened } } : state,
  );
  if (old?.resourceId !== undefined)
    await deps.calendar.stopChannel(calendarId, { id: old.id, resourceId: old.resourceId });
  await update(deps, calendarId, undefined, ({ previousChannel: _stopped, ...state }) => state);
  return true;
}

export function renewalDue(deps: CalendarDeps, state: CalendarState): boolean {
  const expiration = state.channel?.expiration;
  if (expiration === undefined) return true;
  return isBefore(expiration, addMinutes(utc(deps.clock.now()), deps.settings.renewBeforeHours * 60));
}

/** Stops the calendar's channels (the user left). Messages may still arrive; the webhook ignores them. */
export async function stopChannels(deps: CalendarDeps, calendarId: string): Promise<void> {
  const stored = await deps.store.calendars.get(calendarId, calendarId);
  for (const channel of [stored?.doc.channel, stored?.doc.previousChannel]) {
    if (channel?.resourceId !== undefined) {
      await deps.calendar.stopChannel(calendarId, { id: channel.id, resourceId: channel.resourceId });
    }
  }
  await update(deps, calendarId, undefined, ({ channel: _c, previousChannel: _p, ...state }) => state);
}

async function update(
  deps: CalendarDeps,
  calendarId: string,
  first: Stored<CalendarState> | undefined,
  change: (state: CalendarState) => CalendarState,
): Promise<void> {
  let current = first ?? (await deps.store.calendars.get(calendarId, calendarId));
  for (let attempt = 0; attempt < 5 && current !== undefined; attempt++) {
    const result = await deps.store.calendars.replace(
      { ...change(current.doc), updatedAt: utc(deps.clock.now()) },
      current.etag,
    );
    if (result.ok) return;
    current = await deps.store.calendars.get(calendarId, calendarId);
  }
  if (current !== undefined) throw new Error('calendar channel: could not save the channel');
}
