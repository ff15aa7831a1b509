import type { Locator, Page } from 'playwright-core';

/** The fake Teams inbox of `npm start` in a browser: what its browser tests share. */

type Chats = { people: { email: string; lines: { cards?: { fallbackText?: string }[] }[] }[] };
/**
 * Whether someone's latest agenda is for a 1:1 still ahead, by the inbox's API: an agenda card came
 * and no summary after it (a sandbox started within a day of a 1:1 sends that overdue agenda
 * together with its summary on the first move of the clock).
 */
export const agendaAhead = async (inbox: string, email: string) => {
  const view = (await (await fetch(`${inbox}/inbox/api/chats`)).json()) as Chats;
  const kinds = (view.people.find((p) => p.email === email)?.lines ?? [])
    .flatMap((l) => l.cards ?? [])
    .map((c) => /\b(agenda|summary)\b/.exec(c.fallbackText ?? '')?.[1])
    .filter((kind) => kind !== undefined);
  return kinds.at(-1) === 'agenda';
};

/**
 * Presses a button of `card` that sits in its overflow menu (`mode: secondary`): "More options",
 * then the menu's item, as in Teams.
 */
export const pressMore = async (page: Page, card: Locator, name: string) => {
  await card.getByRole('button', { name: 'More options' }).click();
  await page.getByRole('menuitem', { name }).click();
};

/** Types `text` in the chat on screen, as its person, and sends it. */
export const say = async (page: Page, text: string) => {
  await page.locator('#text').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
};

/** Every card in the chat on screen. */
export const cards = (page: Page): Locator => page.locator('#lines li .card');
/** The cards in the chat on screen for the 1:1 with `name` (e.g. "Dev Patel"): agendas and summaries. */
export const cardsWith = (page: Page, name: string): Locator =>
  cards(page).filter({ hasText: `1:1 with ${name}` });

/** Opens the chat of `email`. */
export const choose = async (page: Page, email: string) => {
  await page.locator('#people button.person', { hasText: email }).click();
  await page.locator('#people button.person[aria-current="true"]', { hasText: email }).waitFor();
  await page.locator('#title', { hasText: email }).waitFor();
};

/** The little of the DOM the scroll needs (the tests compile without the DOM types). */
type ChatNode = { closest: (selector: string) => { scrollIntoView: (options: object) => void } | null };

/** Scrolls the chat so the card's message starts at the top, then screenshots the page to `path`. */
export const screenshotAt = async (page: Page, card: Locator, path: string) => {
  // a function, not a string: Playwright runs a string as an expression and would not call it
  await card.evaluate((node: unknown) => {
    (node as ChatNode).closest('li')?.scrollIntoView({ block: 'start' });
  });
  await page.screenshot({ path });
};
