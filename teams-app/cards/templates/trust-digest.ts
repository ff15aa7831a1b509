import type { CardTemplate } from './card-template.js';
import { header } from './header.js';

const heading = (text: string): object => ({
  type: 'TextBlock',
  text,
  weight: 'bolder',
  size: 'medium',
  spacing: 'large',
});

const line = (inlines: readonly object[], when?: string): object => ({
  type: 'RichTextBlock',
  spacing: 'small',
  ...(when === undefined ? {} : { $when: when }),
  inlines,
});

const run = (text: string, extra: object = {}): object => ({ type: 'TextRun', text, ...extra });

/**
 * To the manager only, once a month with their first deep-dive agenda or on `digest`: the guide's trust
 * signals over the last 8 weeks. Names are TextRuns, so they stay literal.
 */
export const trustDigestTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Your monthly trust digest from Steady.',
  body: [
    header(
      'Trust digest · only you see this',
      ['${month}'],
      line([run('Last 8 weeks: ', { isSubtle: true }), run('${period}', { isSubtle: true })]),
    ),
    heading('Follow-through'),
    line(
      [
        run('${percent}%', { weight: 'bolder' }),
        run(' of your action items done by their due date: ${onTime} of ${due}'),
      ],
      '${due > 0}',
    ),
    line([run('${late} done late · ${open} still open', { isSubtle: true })], '${due > 0}'),
    line([run('None of your action items came due in the last 8 weeks.')], '${due == 0}'),
    heading('Cadence'),
    {
      type: 'RichTextBlock',
      $data: '${cadence}',
      spacing: 'small',
      inlines: [run('${reportName}'), run(': ${held} of ${scheduled} held')],
    },
    line([run('No 1:1s were scheduled in the last 8 weeks.')], '${count(cadence) == 0}'),
    heading('Happiness'),
    {
      type: 'RichTextBlock',
      $data: '${happinessFell}',
      spacing: 'small',
      inlines: [
        run('${reportName}', { weight: 'bolder' }),
        run(': ${previous} in ${previousMonth} → ${latest} in ${latestMonth}'),
      ],
    },
    line(
      [
        run('Shared happiness fell for these reports: ask what changed in your next 1:1.', {
          isSubtle: true,
        }),
      ],
      '${count(happinessFell) > 0}',
    ),
    line([run('No shared happiness score fell.')], '${count(happinessFell) == 0}'),
    {
      type: 'TextBlock',
      text: 'Only scores your reports chose to share count. Trust is built by following through, consistently.',
      wrap: true,
      isSubtle: true,
      spacing: 'large',
    },
  ],
};
