import { expect, test } from 'vitest';
import { renderCard, visibleText } from '../../teams-app/cards/index.js';

test('visibleText lists every visible string in reading order, one per line', () => {
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Title' },
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: '1. ' }, 'plain run', { type: 'TextRun', text: '!' }],
      },
      {
        type: 'Container',
        items: [
          {
            type: 'ColumnSet',
            columns: [
              { type: 'Column', items: [{ type: 'TextBlock', text: 'left' }] },
              {
                type: 'Column',
                items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Go' }] }],
              },
            ],
          },
        ],
      },
      { type: 'FactSet', facts: [{ title: 'Owner', value: 'Dev' }] },
      { type: 'Input.Text', id: 't', label: 'Topic', placeholder: 'e.g. x' },
      { type: 'Input.ChoiceSet', id: 'c', label: 'Pick', choices: [{ title: 'One', value: '1' }] },
      { type: 'Input.Toggle', id: 's', title: 'Share' },
      { type: 'Image', url: 'https://example.com/x.png', altText: 'not text' },
      { type: 'TextBlock', text: '' },
    ],
    actions: [{ type: 'Action.Execute', title: 'Submit' }],
  };
  expect(visibleText(card).split('\n')).toEqual([
    'Title',
    '1. plain run!',
    'left',
    'Go',
    'Owner Dev',
    'Topic',
    'e.g. x',
    'Pick',
    'One',
    'Share',
    'Submit',
  ]);
});

test('visibleText of a rendered card reads like the card', () => {
  expect(
    visibleText(renderCard('choosePair', { command: 'agenda', options: [{ pairId: 'p', label: 'Ana' }] })),
  ).toBe(['Which 1:1?', 'You have more than one. This is for: agenda', 'Ana'].join('\n'));
});

test('visibleText of something that is not a card is empty', () => {
  expect(visibleText(null)).toBe('');
  expect(visibleText('card')).toBe('');
});
