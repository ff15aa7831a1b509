export {
  AGENDA_LIMITS,
  FEEDBACK_CARD_CHARS,
  GROWTH_GOAL_CARD_CHARS,
  SUMMARY_LIMITS,
} from './agenda-limits.js';
export * from './card-data.js';
export { CardAction, type CardVerb } from './card-action.js';
export { CardDataError } from './card-data-error.js';
export { renderCard, type AdaptiveCard } from './render-card.js';
export { visibleText } from './visible-text.js';
