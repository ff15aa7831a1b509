/** A fake Microsoft Teams: Bot Connector v3 for the real `@microsoft/teams.api` client, and a Teams client for the bot. */
export { startFakeTeams } from './start-fake-teams.js';
export type {
  BotReply,
  FakePerson,
  FakeRateLimits,
  FakeTeams,
  FakeTeamsOptions,
  FaultMatch,
  FaultStatus,
  PersonalConversation,
  RecordedRequest,
  SentActivity,
} from './fake-teams.js';
export { startFakeEntra, type FakeEntra, type FakeEntraOptions } from './start-fake-entra.js';
export type { FakeAppRegistration } from './entra-token.js';
