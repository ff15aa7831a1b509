import { z } from 'zod';
import { ActionItem } from './action-item.js';
import { ConversationPlan } from './conversation-plan.js';
import { DeepDiveAnswer } from './deep-dive.js';
import { Delivery } from './delivery.js';
import { Feedback } from './feedback.js';
import { GrowthPlan } from './growth-plan.js';
import { Note } from './note.js';
import { Occurrence } from './occurrence.js';
import { Pair } from './pair.js';
import { Series } from './series.js';
import { Topic } from './topic.js';

/** Every kind of document in the `pairs` container, told apart by `type`. */
export const PairDoc = z.discriminatedUnion('type', [
  Pair,
  Series,
  Occurrence,
  Topic,
  Note,
  ActionItem,
  DeepDiveAnswer,
  Feedback,
  GrowthPlan,
  ConversationPlan,
  Delivery,
]);
export type PairDoc = z.infer<typeof PairDoc>;
