/**
 * A button of the roles question, in a row of its own so a long answer is never cut at Teams' narrow
 * widths; it sends no input, so the agenda's boxes need not be filled.
 */
const roleButton = (title: string, step: 'ask' | 'check', answer: string, when?: string): object => ({
  type: 'ActionSet',
  ...(when === undefined ? {} : { $when: when }),
  spacing: 'small',
  actions: [
    {
      type: 'Action.Execute',
      title,
      verb: 'confirmRoles',
      associatedInputs: 'none',
      data: { pairId: '${pairId}', step, answer },
    },
  ],
});
/** Left out where the directory rules the answer out (`refused`: it names the would-be report's manager). */
const askButton = (title: string, answer: string): object =>
  roleButton(title, 'ask', answer, `\${!contains(roleQuestion.refused, '${answer}')}`);
const checkButton = (title: string, answer: string): object =>
  roleButton(
    title,
    'check',
    answer,
    `\${roleQuestion.current != '${answer}' && !contains(roleQuestion.refused, '${answer}')}`,
  );
/** "Is X your report?" until someone answers, and the other person's check of the answer. */
export const rolesQuestion: object = {
  type: 'Container',
  $when: '${exists(roleQuestion)}',
  style: 'emphasis',
  items: [
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${roleQuestion.text}' }] },
    {
      type: 'Container',
      $when: "${roleQuestion.step == 'ask'}",
      items: [
        askButton('Yes', 'reportsToMe'),
        askButton('No, they manage me', 'managesMe'),
        askButton('Neither, we are peers', 'peers'),
      ],
    },
    {
      type: 'Container',
      $when: "${roleQuestion.step == 'check'}",
      items: [
        roleButton('That’s right', 'check', 'right'),
        checkButton('I manage them', 'reportsToMe'),
        checkButton('They manage me', 'managesMe'),
        checkButton('We are peers', 'peers'),
      ],
    },
  ],
};
