// The Azure Bot that connects Teams to Steady's /api/messages. Its Microsoft app id is the app's
// user-assigned managed identity (msaAppType UserAssignedMSI): no app registration and no client secret
// to create or rotate, and the Function App gets Bot Framework tokens with the identity it already runs
// as (teams-app/bot/create-bot.ts passes BOT_ID as managedIdentityClientId). New multi-tenant bots
// cannot be created any more; a managed-identity bot is single-tenant by nature.

@description('Name of the Azure Bot resource (2 to 64 letters, digits, hyphens, underscores, periods).')
param name string

@description('Tags put on the bot.')
param tags object = {}

@description('Name people see for the bot in the Azure portal.')
param displayName string = 'Steady'

@description('Resource id of the user-assigned identity that is the bot\'s app.')
param identityId string

@description('Client id of that identity: the bot\'s Microsoft app id (BOT_ID).')
param identityClientId string

@description('Entra tenant of that identity (BOT_TENANT_ID).')
param identityTenantId string

@description('The Function App\'s host name; the messaging endpoint is https://<host>/api/messages.')
param appHostName string

@description('Pricing tier: F0 is free and enough for Teams (a standard channel).')
@allowed(['F0', 'S1'])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: identityTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name

@description('The messaging endpoint Teams calls.')
output endpoint string = bot.properties.endpoint
