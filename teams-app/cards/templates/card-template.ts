/**
 * A card template: Adaptive Card 1.5 JSON with `${...}` bindings for `adaptivecards-templating`.
 * Rule for every template: data goes only into RichTextBlock TextRuns (literal in Teams) and action
 * titles/data, never into TextBlock, FactSet or input labels, which Teams renders as markdown.
 */
export type CardTemplate = {
  readonly type: 'AdaptiveCard';
  readonly version: '1.5';
  readonly body: readonly object[];
  readonly actions?: readonly object[];
  readonly fallbackText?: string;
};
